import Testing

@testable import FlowRules

struct FG023Tests {
    @Test func branches() {
        #expect(RulesBTestSupport.triggering("FG023", 1) == ["disclosure-control/warning"])
        #expect(RulesBTestSupport.triggering("FG023", 2) == ["disclosure-control/warning"])
        #expect(RulesBTestSupport.triggering("FG023", 3) == ["assessment/warning"])
    }

    @Test func thresholdsComeFromTheModelSettings() {
        let text = """
        model "Stricter disclosure control" {
          suppress-below 11
          round-to 10
        }

        at icb aggregate sus -> ward-counts "Ward-level counts" {
          suppress-below 8
          round-to 5
        }

        flow icb -> council "Counts" {
          data ward-counts
          level aggregate
          purpose publication
        }
        """
        let findings = RulesBTestSupport.findings("FG023", in: text)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("11") == true)
    }

    @Test func sharedControlledEnvironmentIsNotLeft() {
        let findings = RulesBTestSupport.findings("FG023", in: """
        boundary sde "Secure data environment" {
          kind secure-data-environment
          contains icb, university
        }

        at icb aggregate sus -> ward-counts "Ward-level counts"

        flow icb -> university "Counts inside the SDE" {
          data ward-counts
          level aggregate
          purpose research
        }
        """)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }
}
