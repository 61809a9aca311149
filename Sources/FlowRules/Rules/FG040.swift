import FlowAnalysis
import FlowLanguage
import FlowModel

/// A boundary's promise about data leaving it, broken by a flow.
enum FG040 {
    static let rule = Rule(
        code: "FG040",
        slug: "boundary-promise-broken",
        severity: .error,
        legalSource: "UK GDPR Art 5(1)(a) and (f) (fairness, transparency, security), Art 24 and Art 32; the conditions of the instrument that requires the environment (e.g. CAG 7-07(a-c)/2013: invoice validation only inside a Controlled Environment for Finance)",
        summary: "A flow takes data out of a boundary that promises such data does not leave it.",
        explanation: """
        A boundary groups organisations into an environment — a Controlled Environment for Finance, a \\
        DSCRO safe haven, "the ICB" — and its promises are what the model, the privacy notice or the \\
        approval behind it say about data leaving it. A promise that nothing checks is a sentence in a \\
        DPIA, not a control.

        A flow leaves a boundary when its sender is a member (`contains`, directly or in a boundary \\
        nested inside it) and its recipient is not. Such a flow breaks:
        - `personal-data-does-not-leave` when it carries personal data in the recipient's hands;
        - `identifiable-data-does-not-leave` when the data is identifiable or carries the NHS number \\
          (`identifiable`, `pseudonymised-weak`) on the wire or in the recipient's hands;
        - `data-stays-in-uk` when the recipient's `country` is not `GB`.
        Each flow is reported once per boundary, naming every promise it breaks. A promise made by an \\
        enclosing boundary binds the members of the boundaries inside it.

        Fix: stop the flow, de-identify the data inside the boundary before it leaves (`at ORG \\
        pseudonymise …`), bring the recipient inside the boundary if it really is part of the \\
        environment, or correct the promise if the notice or approval does not make it.
        """,
        triggeringExamples: [
            """
            boundary cef "Controlled environment for finance" {
              kind controlled-environment-for-finance
              contains csu
              promise identifiable-data-does-not-leave
            }

            flow csu -> supplier "Backing data to an analytics supplier" {
              data sus
              level pseudonymised-weak
              purpose invoice-validation
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-07
            }
            """,
            """
            boundary estate "The ICB" {
              contains icb
              promise personal-data-does-not-leave, data-stays-in-uk
              boundary team "Finance team" {
                contains csu
              }
            }

            org cloud "Offshore analytics" {
              kind supplier
              country US
            }

            flow csu -> cloud "Pseudonymised activity offshore" {
              data sus
              level pseudonymised
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality not-confidential
              transfer idta
            }
            """,
        ],
        passingExamples: [
            """
            boundary cef "Controlled environment for finance" {
              kind controlled-environment-for-finance
              contains csu, icb
              promise identifiable-data-does-not-leave
            }

            flow csu -> icb "Validated invoices, inside the environment" {
              data sus
              level pseudonymised-weak
              purpose invoice-validation
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-07
            }

            at csu aggregate sus -> iv-totals {
              suppress-below 8
              round-to 5
            }

            flow csu -> supplier "Aggregate totals leave it" {
              data iv-totals
              level aggregate
              purpose invoice-validation
              suppress-below 8
              round-to 5
            }
            """,
        ]
    ) { collector in
        let model = collector.model
        let analysis = collector.analysis
        let promising = model.boundaries.values.filter { !$0.promises.isEmpty }.sorted { $0.id < $1.id }
        guard !promising.isEmpty else { return }
        let members = BoundaryMembers.shared(by: collector)
        let wire = analysis.identifiability.wireLevels
        let held = analysis.identifiability.recipientLevels
        for boundary in promising {
            let inside = members.of(boundary.id)
            for (index, flow) in collector.flows where inside.contains(flow.from.name) && !inside.contains(flow.to.name) {
                let broken = boundary.promises.filter { promise in
                    switch promise {
                    case .personalDataDoesNotLeave: analysis.carriesPersonalData(index)
                    case .identifiableDataDoesNotLeave: wire[index].isConfidentialByItself || held[index].isConfidentialByItself
                    case .dataStaysInUK: (model.organisations[flow.to.name]?.country ?? "GB") != "GB"
                    }
                }
                guard !broken.isEmpty else { continue }
                let promises = broken.map { "`\($0.rawValue)`" }.joined(separator: " and ")
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) takes `\(flow.dataset.name)` (\(held[index].rawValue) to `\(flow.to.name)`) out of boundary `\(boundary.id)`, which promises \(promises)",
                    discriminator: boundary.id,
                    related: [DiagnosticNote("`\(boundary.id)` makes the promise here", at: boundary.span)],
                    witness: analysis.witnessPath(forFlow: index),
                    help: "de-identify the data inside `\(boundary.id)` before it leaves, bring `\(flow.to.name)` inside the boundary if it belongs there, or stop the flow"
                )
            }
        }
    }
}
