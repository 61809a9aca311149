import Testing

@testable import FlowRules

struct FG022Tests {
    @Test func branches() {
        #expect(RulesBTestSupport.triggering("FG022", 1) == ["/error"])
        #expect(RulesBTestSupport.triggering("FG022", 2) == ["/error"])
        #expect(RulesBTestSupport.triggering("FG022", 3) == ["/error"])
    }

    @Test func removingAChannelFromTheSettingClosesIt() {
        let text = """
        model "No casework channel" {
          commissioner-identifiable-channels invoice-validation, safeguarding
        }

        purpose chc "Continuing healthcare assessment" {
          category continuing-healthcare
        }

        flow trust -> icb "CHC assessment file" {
          data sus
          level identifiable
          purpose chc
          art6 e "NHS Act 2006 s3"
          art9 h
          sch1 part1 para2
          confidentiality explicit-consent
        }
        """
        #expect(RulesBTestSupport.findings("FG022", in: text).count == 1)
    }

    @Test func staffDataAndMissingBasisAreLeftToOtherRules() {
        let findings = RulesBTestSupport.findings("FG022", in: """
        flow council -> icb "Payroll for fraud matching" {
          data payroll
          level identifiable
          purpose fraud
          art6 c "Local Audit and Accountability Act 2014 Part 6"
        }

        purpose chc "Continuing healthcare assessment" {
          category continuing-healthcare
        }

        flow trust -> icb "CHC file, basis not recorded (FG009)" {
          data sus
          level identifiable
          purpose chc
          art6 e "NHS Act 2006 s3"
          art9 h
          sch1 part1 para2
        }

        flow trust -> icb "Safeguarding under statute" {
          data sus
          level identifiable
          purpose safeguarding
          art6 e "Care Act 2014 s42"
          art9 g
          sch1 part2 para18
          confidentiality statutory
        }
        """)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }
}
