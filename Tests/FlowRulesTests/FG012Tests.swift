import FlowLanguage
import FlowModel
import Testing

@testable import FlowRules

struct FG012Tests {
    @Test func branches() {
        #expect(RulesATestSupport.triggering("FG012", 1) == ["expired/error"])
        #expect(RulesATestSupport.triggering("FG012", 2) == ["currency-unknown/warning"])
        #expect(RulesATestSupport.triggering("FG012", 3) == ["review-overdue/warning"])
        #expect(RulesATestSupport.triggering("FG012", 4) == ["not-yet-valid/error"])
    }

    static func approval(_ properties: String) -> Approval? {
        let text = "approval a \"A\" {\n  regulation 5\n\(properties)}\n"
        let provider = InMemorySourceProvider(["m/a.flow": text])
        return ModelLoader.load(paths: ["m"], provider: provider).model?.approvals["a"]
    }

    @Test func reviewDueDates() {
        #expect(FG012.reviewDue(Self.approval("")!) == nil)
        #expect(FG012.reviewDue(Self.approval("  next-review 2025-06-30\n")!) == Day(iso: "2025-06-30"))
        #expect(FG012.reviewDue(Self.approval("  next-review 2025-06-30\n  last-reviewed 2025-06-02\n")!) == Day(iso: "2026-06-02"))
        #expect(FG012.reviewDue(Self.approval("  next-review 2025-06-30\n  last-reviewed 2024-02-29\n")!) == Day(iso: "2025-06-30"))
        #expect(FG012.reviewDue(Self.approval("  last-reviewed 2024-02-29\n")!) == Day(iso: "2025-02-28"))
    }
}
