import FlowModel
import Testing

@testable import FlowRules

struct FG004Tests {
    @Test func oneFindingPerControllerAtTheOrganisation() {
        let findings = RulesATestSupport.findings("FG004", in: """
        org weak-icb "ICB" {
          kind icb
          public-authority yes
          apd no
        }

        flow weak-icb -> council "Safeguarding referral 1" {
          data sus
          level identifiable
          purpose safeguarding
          art6 c "Care Act 2014 s42"
          art9 g
          sch1 part2 para18
          confidentiality statutory
        }

        flow weak-icb -> trust "Safeguarding referral 2" {
          data sus
          level identifiable
          purpose safeguarding
          art6 c "Children Act 2004 s11"
          art9 g
          sch1 part2 para18
          confidentiality statutory
        }
        """)
        #expect(findings.count == 1)
        #expect(findings.first?.target == "weak-icb")
        #expect(findings.first?.related.count == 2)
    }

    @Test func processorDisclosesForItsController() {
        let findings = RulesATestSupport.findings("FG004", in: """
        org weak-icb "ICB" {
          kind icb
          public-authority yes
          apd no
        }

        org weak-csu "CSU" {
          kind csu
          processor-for weak-icb
        }

        flow weak-csu -> council "Safeguarding referral made for the ICB" {
          data sus
          level identifiable
          purpose safeguarding
          art6 c "Care Act 2014 s42"
          art9 g
          sch1 part2 para18
          confidentiality statutory
        }
        """)
        #expect(findings.map { $0.target } == ["weak-icb"])
    }

    @Test func dataFromThePersonMakesTheRecipientTheController() {
        let findings = RulesATestSupport.findings("FG004", in: """
        org patient "Patient" {
          kind individual
        }

        org weak-icb "ICB" {
          kind icb
          public-authority yes
        }

        flow patient -> weak-icb "Benefits evidence" {
          data sus
          level identifiable
          purpose safeguarding
          art6 e "NHS Act 2006 s14Z"
          art9 b
          sch1 part1 para1
        }
        """)
        #expect(findings.map { $0.target } == ["weak-icb"])
    }

    @Test func exemptParagraphs() {
        #expect(!FG004.requiresAPD(Schedule1Condition(part: 1, paragraph: 2)!, recipientKind: .icb))
        #expect(FG004.requiresAPD(Schedule1Condition(part: 1, paragraph: 1)!, recipientKind: .icb))
        #expect(FG004.requiresAPD(Schedule1Condition(part: 2, paragraph: 18)!, recipientKind: .localAuthority))
        #expect(!FG004.requiresAPD(Schedule1Condition(part: 2, paragraph: 24)!, recipientKind: .individual))
        #expect(!FG004.requiresAPD(Schedule1Condition(part: 2, paragraph: 10)!, recipientKind: .police))
        #expect(FG004.requiresAPD(Schedule1Condition(part: 2, paragraph: 10)!, recipientKind: .localAuthority))
        #expect(FG004.requiresAPD(Schedule1Condition(part: 3, paragraph: 36)!, recipientKind: nil))
        #expect(!FG004.requiresAPD(Schedule1Condition(part: 3, paragraph: 33)!, recipientKind: nil))
    }
}
