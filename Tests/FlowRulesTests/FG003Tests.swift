import FlowModel
import Testing

@testable import FlowRules

struct FG003Tests {
    @Test func branches() {
        #expect(RulesATestSupport.triggering("FG003", 1) == ["missing/error"])
        #expect(RulesATestSupport.triggering("FG003", 2) == ["mismatch/error"])
        #expect(RulesATestSupport.triggering("FG003", 3) == ["mismatch/error"])
    }

    @Test func extraConditionForTheArticle10RouteIsAllowed() {
        let findings = RulesATestSupport.findings("FG003", in: """
        flow icb -> council "Safeguarding referral with offence details" {
          data sus
          level identifiable
          purpose safeguarding
          art6 c "Care Act 2014 s42"
          art9 g
          art10 schedule1
          sch1 part2 para18, part2 para10
          confidentiality statutory
        }
        """)
        #expect(findings.isEmpty)
    }

    @Test func matchingTable() {
        #expect(FG003.requiredSchedule1(for: .a) == nil)
        #expect(FG003.requiredSchedule1(for: .h)!.matches(Schedule1Condition(part: 1, paragraph: 2)!))
        #expect(!FG003.requiredSchedule1(for: .h)!.matches(Schedule1Condition(part: 1, paragraph: 4)!))
        #expect(FG003.requiredSchedule1(for: .g)!.matches(Schedule1Condition(part: 2, paragraph: 28)!))
        #expect(!FG003.requiredSchedule1(for: .g)!.matches(Schedule1Condition(part: 3, paragraph: 36)!))
        #expect(FG003.requiredSchedule1(for: .b)!.matches(Schedule1Condition(part: 1, paragraph: 1)!))
    }
}
