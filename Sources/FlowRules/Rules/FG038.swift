/// An expired waiver: the finding it accepted is reported again, and so is the waiver.
enum FG038 {
    static let rule = Rule(
        code: "FG038",
        slug: "waiver-expired",
        severity: .warning,
        legalSource: "UK GDPR Art 5(2) (accountability); the organisation's risk acceptance process",
        summary: "A waiver is past its expiry date.",
        explanation: """
        A waiver accepts one finding (code and target) for a stated reason, owner and reference, until \
        an expiry date. Once the date in `--as-of` is after the expiry, the waiver no longer applies: the \
        finding it accepted is reported again, and this finding points at the waiver.

        Fix: fix the underlying problem and delete the waiver, or review the risk and renew the waiver \
        with a new reference and expiry date. (Computed by the waiver stage after all rules have run.)
        """,
        triggeringExamples: [
            """
            flow dscro -> icb "Pseudonymised SUS with no basis" {
              data sus
              level pseudonymised
              purpose commissioning
              art9 h
            }

            waiver FG001 dscro.icb.sus.commissioning {
              justification "Basis being confirmed with the DPO"
              owner "Head of IG"
              reference "RISK-12"
              expires 2025-06-30
            }
            """,
        ],
        passingExamples: [
            """
            flow s0-f2 dscro -> icb "Pseudonymised SUS with no basis" {
              data sus
              level pseudonymised
              purpose commissioning
              art9 h
            }

            waiver FG001 s0-f2 {
              justification "Basis being confirmed with the DPO"
              owner "Head of IG"
              reference "RISK-12"
              expires 2027-06-30
            }
            """,
        ]
    ) { _ in
        // Findings are made by the waiver stage (Engine/RuleEngine.swift), which sees every rule's output.
    }
}
