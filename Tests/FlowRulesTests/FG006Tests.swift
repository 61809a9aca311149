import Testing

@testable import FlowRules

struct FG006Tests {
    @Test func branches() {
        #expect(RulesATestSupport.triggering("FG006", 1) == ["missing/error"])
        #expect(RulesATestSupport.triggering("FG006", 2) == ["no-condition/error"])
    }

    @Test func aggregatesOfOffenceDataAreNotChecked() {
        let findings = RulesATestSupport.findings("FG006", in: """
        dataset offences "Offence records" {
          origin non-health
          criminal-offence-data yes
          identifiers name
          subjects members-of-the-public
          source council
        }

        at council aggregate offences -> offence-counts {
          suppress-below 10
          round-to 5
        }

        flow council -> icb "Counts by ward" {
          data offence-counts
          level aggregate
          purpose publication
        }
        """)
        #expect(findings.isEmpty)
    }
}
