/// An orphaned waiver: it names a finding that no rule reports (any more).
enum FG039 {
    static let rule = Rule(
        code: "FG039",
        slug: "waiver-unmatched",
        severity: .warning,
        legalSource: "UK GDPR Art 5(2) (accountability)",
        summary: "A waiver matches no finding.",
        explanation: """
        A waiver that accepts nothing is misleading: the problem was fixed (delete the waiver), or the \
        waiver names the wrong code or target (so the finding it meant is still reported). Targets are \
        declaration names — a flow's id, or `from.to.dataset.purpose` (names joined by dots) for a flow written without one. \
        A waiver whose `finding` (a fingerprint or discriminator) names none of the findings its code \
        reports on its target is unmatched too; the message lists the ones there are.

        A waiver is meant for one finding. One without `finding` that accepts several findings of its code \
        on its target still accepts them, and is reported as info listing each one's fingerprint and \
        discriminator, so that it can be narrowed with `finding` (or split into one waiver per finding).

        (Computed by the waiver stage after all rules have run.)
        """,
        triggeringExamples: [
            """
            flow s0-f2 dscro -> icb "Pseudonymised SUS" {
              data sus
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
            }

            waiver FG001 s0-f2 {
              justification "Basis being confirmed"
              owner "Head of IG"
              reference "RISK-12"
              expires 2027-06-30
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
              justification "Basis being confirmed"
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
