import FlowModel
import Testing

@testable import FlowRules

/// "Precise verdicts" item 8 (in part): flows that are not live.
struct FlowStatusTests {
    static func findings(_ status: String) -> [Finding] {
        ModelCheck.findings(ModelCheck.organisations + """
        flow f trust -> council "Disclosure with no basis" {
          data sus
          level identifiable
          purpose safeguarding
          role controller
          \(status)
        }
        """).filter { $0.target == "f" }
    }

    @Test func aPlannedOrPausedFlowIsCheckedAsADesign() {
        let live = Self.findings("status live")
        #expect(live.contains { $0.code == "FG001" && $0.severity == .error })
        for status in ["status planned", "status paused 2025-04-01"] {
            let design = Self.findings(status)
            #expect(design.map(\.code).sorted() == live.map(\.code).sorted(), "the same checks run")
            #expect(!design.contains { $0.severity == .error })
            #expect(design.first { $0.code == "FG001" }?.message.contains("checked as a design") == true)
        }
        #expect(Self.findings("status paused 2025-04-01").first { $0.code == "FG001" }?.message.contains("paused since 2025-04-01") == true)
    }

    @Test func anEndedFlowsFindingsAreHistory() {
        let ended = Self.findings("status ended 2024-03-31")
        #expect(!ended.isEmpty && ended.allSatisfy { $0.severity == .info })
    }
}
