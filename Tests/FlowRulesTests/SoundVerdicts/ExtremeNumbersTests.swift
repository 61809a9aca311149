import FlowModel
import Testing

@testable import FlowRules

/// A user's dates and numbers reach date arithmetic and multiplication: none may trap.
struct ExtremeNumbersTests {
    @Test func reviewLoggedOnTheLastRepresentableDayDoesNotTrap() {
        let text = ModelCheck.organisations + """
        approval late "Logged on the last day there is" {
          reference "25/CAG/0001"
          regulation 5
          purposes invoice-validation
          valid-until 9999-12-31
          next-review 9999-12-31
          last-reviewed 9999-12-31
        }

        flow trust -> icb "Invoice backing data" {
          data sus
          level identifiable
          purpose invoice-validation
          art6 e nhs-act-s3
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 late
        }
        """
        let findings = ModelCheck.findings(text, asOf: Day.latest)
        #expect(!findings.contains { $0.code == "FG012" && $0.discriminator == "review-overdue" })
    }

    @Test func dayArithmeticSaturates() {
        #expect(Day.latest.adding(months: 12) == nil)
        #expect(Day.earliest.adding(months: -1) == nil)
        #expect(Day(iso: "2024-02-29")!.adding(months: 12) == Day(iso: "2025-02-28"))
        #expect(Day(iso: "2024-01-31")!.adding(months: 1) == Day(iso: "2024-02-29"))
        #expect(Day(iso: "2024-03-15")!.adding(months: -3) == Day(iso: "2023-12-15"))
        #expect(Day.latest.adding(months: Int.max) == nil)
        #expect(Day.latest.adding(days: Int.max) == Day.latest)
        #expect(Day.earliest.adding(days: Int.min) == Day.earliest)
        #expect(Day(iso: "2026-12-31")!.adding(days: 1) == Day(iso: "2027-01-01"))
    }

    @Test func retentionPeriodsOfAnySizeAreCounted() {
        #expect(FG031.longestPeriod(in: "kept 9000000000000000000 years") == Int.max)
        #expect(FG031.longestPeriod(in: "kept 99999999999999999999 years then 3 days") == 3)
        #expect(FG031.longestPeriod(in: "kept 2 years") == 730)
    }
}
