import FlowLanguage
import FlowModel

/// R1: personal data without an Article 6 basis.
enum FG001 {
    static let rule = Rule(
        code: "FG001",
        slug: "personal-data-without-art6",
        severity: .error,
        legalSource: "UK GDPR Arts 5(1)(a) and 6(1); Art 4(5) and Recital 26 (pseudonymised data is personal data)",
        summary: "A flow of personal data has no Article 6 lawful basis.",
        explanation: """
        Where the sources leave the basis open, say so — `art6 unknown "the notice names none"` or \
        `art6 contested "reason"` — and the finding is an unresolved warning instead of an error.

        Every disclosure of personal data needs at least one lawful basis under UK GDPR Article 6(1). \
        Pseudonymised data is still personal data (Art 4(5), Recital 26), so "it is not identifiable" is \
        not a reason to omit the basis; only data that is anonymised (or aggregate with adequate disclosure \
        control, or anonymised-in-context with a recorded anonymisation assessment) falls outside UK GDPR.

        The check uses the level in the recipient's hands, so a pseudonymised flow to someone who holds \
        the key, or who can link it, counts as identifiable.

        Fix: add `art6 BASIS "law"` to the flow — for NHS bodies usually `art6 e` with the statute that \
        gives the function (Art 6(3)), or `art6 c` for a legal obligation.
        """,
        triggeringExamples: [
            """
            flow dscro -> icb "Pseudonymised SUS with no basis" {
              data sus
              level pseudonymised
              purpose commissioning
              art9 h
            }
            """,
        ],
        passingExamples: [
            """
            flow dscro -> icb "Pseudonymised SUS" {
              data sus
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
            }
            """,
            """
            at icb aggregate sus -> activity-counts {
              suppress-below 8
              round-to 5
            }

            flow icb -> council "Published counts" {
              data activity-counts
              level aggregate
              purpose publication
            }
            """,
        ]
    ) { collector in
        let carriesPersonalData = FlowColumns.shared(by: collector).carriesPersonalData
        let article6Bases = FlowColumns.shared(by: collector).article6Bases
        for index in collector.model.flows.indices where article6Bases[index] == nil && carriesPersonalData[index] {
            let flow = collector.model.flows[index]
            let level = collector.analysis.identifiability.recipientLevels[index]
            // The sources leave the basis open: an unresolved question, not a missing basis.
            if let open = flow.unresolvedBasis(.article6) {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) carries personal data (\(level.rawValue) in the recipient's hands); its Article 6 basis is \(open.state.rawValue): \(open.reason)",
                    discriminator: "unresolved", severity: .warning,
                    help: "settle the basis with the controller and record it (`art6 e \"the law that gives the function\"`)",
                    at: open.span
                )
                continue
            }
            collector.report(
                flow: index,
                "\(collector.label(flow)) carries personal data (\(level.rawValue) in the recipient's hands) with no Article 6 basis",
                help: "add `art6 e \"the law that gives the function\"` (or the basis that applies)"
            )
        }
    }
}
