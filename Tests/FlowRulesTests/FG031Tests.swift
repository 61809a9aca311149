import FlowModel
import Testing

@testable import FlowRules

struct FG031Tests {
    @Test func branches() {
        #expect(RulesCTestSupport.triggering("FG031", 1) == ["university/undefined:sus/warning"])
        #expect(RulesCTestSupport.triggering("FG031", 2) == ["dscro.icb.sus-pseudo.commissioning/exceeds:sus-dsa/warning"])
        #expect(RulesCTestSupport.triggering("FG031", 3) == ["trust.icb.sus.invoice-validation/invoice-validation/warning"])
        #expect(RulesCTestSupport.triggering("FG031", 4) == ["dscro.icb.sus-pseudo.commissioning/contradictory/warning"])
    }

    @Test func periods() {
        #expect(FG031.longestPeriod(in: "6 years after closure") == 6 * 365)
        #expect(FG031.longestPeriod(in: "review after 1 year, destroy after 8 years") == 8 * 365)
        #expect(FG031.longestPeriod(in: "eighteen months") == nil)
        #expect(FG031.longestPeriod(in: "three months after receipt") == 90)
        #expect(FG031.longestPeriod(in: "until the invoice is validated") == nil)
    }

    @Test func contradictions() {
        func summary(_ retention: String) -> [String] {
            RulesCTestSupport.summary("FG031", in: """
            flow trust -> icb "Invoice backing data" {
              data sus
              level identifiable
              purpose invoice-validation
              needs postcode, date-of-birth
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
              \(retention)
            }
            """)
        }
        #expect(summary("retention \"deleted immediately\" archive") == [
            "trust.icb.sus.invoice-validation/contradictory/warning", "trust.icb.sus.invoice-validation/invoice-validation/warning",
        ])
        #expect(summary("retention \"deleted immediately after validation\" delete").isEmpty)
        #expect(summary("retention \"deleted immediately after validation\" delete\n  retention \"invoices kept 6 years\" archive").isEmpty)
    }

    @Test func legallyRequiredDisclosuresAreKeptUnderTheRecipientsSchedule() {
        let summary = RulesCTestSupport.summary("FG031", in: """
        flow trust -> council "Safeguarding referral" {
          data sus
          level identifiable
          purpose safeguarding
          art6 e "Care Act 2014 s42"
          art9 g
          sch1 part2 para18
          confidentiality statutory
        }
        """)
        #expect(summary.isEmpty)
    }

    @Test func directCareRecordsAtProvidersAreLeftToTheRecordsCode() {
        let summary = RulesCTestSupport.summary("FG031", in: """
        flow trust -> gp "Discharge summary" {
          data sus
          level identifiable
          purpose care
          art6 e "NHS Act 2006"
          art9 h
          sch1 part1 para2
          confidentiality implied-consent
        }
        """)
        #expect(summary.isEmpty)
    }
}
