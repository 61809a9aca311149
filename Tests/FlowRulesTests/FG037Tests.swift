import FlowModel
import Testing

@testable import FlowRules

struct FG037Tests {
    @Test func branches() {
        #expect(RulesCTestSupport.triggering("FG037", 1) == ["trust.icb.sus.invoice-validation/ndoo/info"])
        #expect(RulesCTestSupport.triggering("FG037", 2) == ["trust.nhs-england.sus.collection/ndoo/info"])
        #expect(RulesCTestSupport.triggering("FG037", 3) == ["sus-filtered/ndoo/info"])
        #expect(RulesCTestSupport.triggering("FG037", 4) == ["icb.council.activity-counts.publication/ndoo/info"])
    }

    @Test func undecidedRequirementsAreLeftAlone() {
        let summary = RulesCTestSupport.summary("FG037", in: """
        model "Unknown opt-out status treated as exempt" {
          unknown-ndoo-status exempt
        }

        flow trust -> supplier "SUS under an approval whose status is unknown" {
          data sus
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-7-04a
          applies ndoo
        }
        """)
        #expect(summary.isEmpty)
    }

    @Test func exemptApprovalMakesTheFilterNeedless() {
        let summary = RulesCTestSupport.summary("FG037", in: """
        approval exempt-approval "Exempted approval" {
          regulation 5
          ndoo exempt "CAG register, March 2025"
        }

        flow trust -> university "Cohort" {
          data sus
          level identifiable
          purpose research
          art6 e "research"
          art9 j
          sch1 part1 para4
          confidentiality s251-reg5 exempt-approval
          applies ndoo
        }
        """)
        #expect(summary == ["trust.university.sus.research/ndoo/info"])
    }
}
