import Testing

@testable import FlowRules

struct FG025Tests {
    @Test func branches() {
        #expect(RulesBTestSupport.triggering("FG025", 1) == ["authorisation/error", "flow-down/error"])
        #expect(RulesBTestSupport.triggering("FG025", 2) == ["flow-down/error"])
    }

    @Test func processorEngagedDirectlyByTheControllerIsNoSubProcessor() {
        let findings = RulesBTestSupport.findings("FG025", in: """
        contract csu-contract "CSU processing contract" {
          controller icb
          processor csu
          valid-until 2028-03-31
          sub-processing none
        }

        contract supplier-contract "Supplier processing contract" {
          controller icb
          processor supplier
          valid-until 2028-03-31
        }

        flow icb -> csu "Commissioning data" {
          data sus
          level identifiable
          purpose commissioning
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
        }

        flow csu -> supplier "Handed to the ICB's other processor" {
          data sus
          level identifiable
          purpose commissioning
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
        }
        """)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }
}
