import FlowAnalysis
import FlowLanguage
import FlowModel

/// An instrument flows rely on that lists neither purposes nor datasets.
enum FG042 {
    static let rule = Rule(
        code: "FG042",
        slug: "instrument-without-scope",
        severity: .error,
        legalSource: "CAG standard condition 1 (only the purposes in the application); UK GDPR Art 28(3) (subject matter, purpose and type of personal data), Art 26(1) (respective responsibilities), Art 5(2) (accountability); ICO Data Sharing Code (what is shared, why)",
        summary: "Flows rely on an approval, agreement, contract or arrangement that lists neither purposes nor datasets, so it cannot be shown to cover them.",
        explanation: """
        An instrument covers what it says it covers. An s251 approval supports the purposes and data \\
        in its application; an Art 28 contract must set out the subject matter, purpose and types of \\
        personal data; a data sharing agreement and an Art 26 arrangement say what is shared and why. \\
        One that the model records with no `purposes` and no `datasets` would otherwise be read as \\
        covering everything — one word satisfying every scope check. It covers nothing until its \\
        scope is recorded.

        The rule reports each approval, agreement, contract or arrangement that a flow cites (its \\
        `confidentiality` instrument, or an `agreement` it lists) and that lists neither, once, on \\
        the instrument, naming the flows that rely on it. The scope checks themselves (FG013, FG024, \\
        FG026, FG027) match each flow's own purposes and dataset against what is listed, or what they \\
        are declared a `kind-of`. Gateways cited as a confidentiality basis are FG009's, DPIAs FG028's.

        Fix: record the scope from the instrument itself: `purposes …` and `datasets …`.
        """,
        triggeringExamples: [
            """
            agreement open-dsa "Data sharing agreement" {
              kind dsa
              parties trust, council
            }

            flow trust -> council "Shared records" {
              data sus
              level pseudonymised
              purpose commissioning
              art6 e "Care Act 2014 s6"
              art9 h
              sch1 part1 para2
              agreement open-dsa
            }
            """,
        ],
        passingExamples: [
            """
            agreement scoped-dsa "Data sharing agreement" {
              kind dsa
              parties trust, council
              purposes commissioning
              datasets sus
            }

            flow trust -> council "Shared records" {
              data sus
              level pseudonymised
              purpose commissioning
              art6 e "Care Act 2014 s6"
              art9 h
              sch1 part1 para2
              agreement scoped-dsa
            }
            """,
        ]
    ) { collector in
        let model = collector.model
        // The few instruments with no scope, found once: most estates have none, and then no flow
        // looks anything up.
        var scopeless: [String: (span: SourceSpan, kind: String)] = [:]
        for approval in model.approvals.values where approval.purposes.isEmpty && approval.datasets.isEmpty {
            scopeless[approval.id] = (approval.span, "approval")
        }
        for agreement in model.agreements.values where agreement.purposes.isEmpty && agreement.datasets.isEmpty {
            scopeless[agreement.id] = (agreement.span, "agreement")
        }
        for contract in model.contracts.values where contract.purposes.isEmpty && contract.datasets.isEmpty {
            scopeless[contract.id] = (contract.span, "Art 28 contract")
        }
        for arrangement in model.arrangements.values where arrangement.purposes.isEmpty {
            scopeless[arrangement.id] = (arrangement.span, "Art 26 arrangement")
        }
        guard !scopeless.isEmpty else { return }
        // Instrument id -> (where it is declared, what it is, the flows that cite it).
        var reliedOn: [String: (span: SourceSpan, kind: String, flows: [Int])] = [:]
        for (index, flow) in collector.flows {
            let cited = (flow.confidentiality?.instrument.map { [$0] } ?? []) + flow.agreements
            for reference in cited {
                guard let instrument = scopeless[reference.name] else { continue }
                reliedOn[reference.name, default: (instrument.span, instrument.kind, [])].flows.append(index)
            }
        }
        for (id, entry) in reliedOn.sorted(by: { $0.key < $1.key }) {
            let labels = entry.flows.prefix(3).map { collector.label(model.flows[$0]) }.joined(separator: ", ")
            let more = entry.flows.count > 3 ? " and \(entry.flows.count - 3) more" : ""
            // A standard-library instrument cannot be edited where it is declared: point at a flow.
            let span = StandardLibrary.isLibraryPath(entry.span.path) ? model.flows[entry.flows[0]].span : entry.span
            collector.report(
                "\(entry.kind) `\(id)` lists neither purposes nor datasets, so it cannot be shown to cover the flows that rely on it: \(labels)\(more)",
                at: span, target: id,
                related: entry.flows.prefix(5).map { DiagnosticNote("relies on `\(id)`: \(collector.label(model.flows[$0]))", at: model.flows[$0].span) },
                help: "record what `\(id)` covers, from the instrument itself: `purposes …` and `datasets …`"
            )
        }
    }
}
