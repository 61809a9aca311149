import FlowModel
import Testing

@testable import FlowRules

/// "Precise verdicts" item 8: dates given to the month or the year, read on the side of caution.
struct PartialDateTests {
    @Test func aPeriodCoversItsDays() {
        #expect(Day.period(iso: "2025-07") == Day(iso: "2025-07-01")!...Day(iso: "2025-07-31")!)
        #expect(Day.period(iso: "2024-02") == Day(iso: "2024-02-01")!...Day(iso: "2024-02-29")!)
        #expect(Day.period(iso: "2023") == Day(iso: "2023-01-01")!...Day(iso: "2023-12-31")!)
        #expect(Day.period(iso: "2025-07-14") == Day(iso: "2025-07-14")!...Day(iso: "2025-07-14")!)
        for bad in ["2025-13", "2025-7", "25", "2025-", "-07", "2025-07-", "20250", "1899"] {
            #expect(Day.period(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func startsAreReadLateAndEndsEarly() throws {
        let text = """
        org o "O" {
          kind trust
          valid-from 2020
          valid-until 2030-06
        }

        approval a "A" {
          regulation 5
          valid-from 2021-03
          valid-until 2027-09
          next-review 2026-05
          last-reviewed 2025-05
        }
        """
        let loaded = ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(["m/m.flow": text]))
        #expect(loaded.diagnostics.isEmpty, "\(loaded.diagnostics.map(\.message))")
        let model = try #require(loaded.model)
        #expect(model.organisations["o"]?.validFrom == Day(iso: "2020-12-31"))
        #expect(model.organisations["o"]?.validUntil == Day(iso: "2030-06-01"))
        let approval = try #require(model.approvals["a"])
        #expect(approval.validFrom == Day(iso: "2021-03-31"))
        #expect(approval.validUntil == .known(Day(iso: "2027-09-01")!))
        #expect(approval.nextReview == .known(Day(iso: "2026-05-01")!))
        #expect(approval.lastReviewed == Day(iso: "2025-05-01"))
    }
}
