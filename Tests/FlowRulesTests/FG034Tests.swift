import FlowModel
import Testing

@testable import FlowRules

struct FG034Tests {
    @Test func branches() {
        #expect(RulesCTestSupport.triggering("FG034", 1) == ["patient.icb.chc-file.chc/public-authority/warning"])
        #expect(RulesCTestSupport.triggering("FG034", 2) == ["gp.icb.gp-extract.ifr/public-authority/info"])
        #expect(RulesCTestSupport.triggering("FG034", 3) == ["gp.university.gp-extract.research/one-layer/info"])
    }

    @Test func consentRecordedOnlyUnderUKGDPR() {
        let summary = RulesCTestSupport.summary("FG034", in: """
        org charity "Patient support charity" {
          kind charity
          public-authority no
        }

        flow charity -> university "Consented study data" {
          data gp-extract
          level identifiable
          purpose research
          art6 a
          art9 a
        }
        """)
        #expect(summary == ["charity.university.gp-extract.research/one-layer/info"])
    }

    @Test func purposesOutsideTheAuthoritysTasksAreLeftAlone() {
        let summary = RulesCTestSupport.summary("FG034", in: """
        purpose staff-benefits "Staff benefits scheme" {
          category other
          statutory-function no
        }

        flow icb -> supplier "Benefits sign-up" {
          data payroll
          level identifiable
          purpose staff-benefits
          role controller
          art6 a
        }
        """)
        #expect(summary.isEmpty)
    }
}
