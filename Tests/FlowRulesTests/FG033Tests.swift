import FlowModel
import Testing

@testable import FlowRules

struct FG033Tests {
    @Test func branches() {
        // The unstated point of an inferred step is the notice's.
        #expect(RulesCTestSupport.triggering("FG033", 1) == ["icb-notice/inferred-step:sus-pseudo/warning"])
        #expect(RulesCTestSupport.triggering("FG033", 2) == ["icb.csu.gp-extract.risk-stratification/icb/warning"])
        #expect(RulesCTestSupport.triggering("FG033", 3) == ["gp/approval:rs-approval/warning", "icb/approval:rs-approval/warning"])
    }

    @Test func controllersWithoutANoticeAreNotChecked() {
        let summary = RulesCTestSupport.summary("FG033", in: """
        flow trust -> icb "Invoice backing data" {
          data sus
          level identifiable
          purpose invoice-validation
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5
        }
        """)
        #expect(summary.isEmpty)
    }

    @Test func aReceivingProcessorsControllerMustDescribeTheFlow() {
        // The DSCRO receives for NHS England, the supplier for the ICB and the GP.
        let summary = RulesCTestSupport.summary("FG033", in: """
        notice icb-notice "ICB privacy notice" {
          controller icb
          purposes commissioning
        }

        flow trust -> supplier "SUS for risk stratification" {
          data sus
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-7-04a
        }
        """)
        #expect(summary == ["trust.supplier.sus.risk-stratification/icb/warning"])
    }
}
