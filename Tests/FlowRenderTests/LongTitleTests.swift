import FlowGraphviz
import FlowModel
@testable import FlowRender
import Foundation
import Testing

/// Every stage is linear in the text: a title of a megabyte without a space renders (its timing,
/// 100 KB to 10 MB, is in scripts/bench-long-titles.sh and BENCHMARKS.md).
@Suite("Long titles")
struct LongTitleTests {
    @Test func wrappingCutsLongWordsAtTheHardLimit() {
        #expect(Wording.wrap(String(repeating: "x", count: 100), width: 34, hardLimit: 44).map(\.count) == [44, 44, 12])
        #expect(Wording.wrap("ab " + String(repeating: "é", count: 45) + " cd", width: 34, hardLimit: 44) == ["ab", String(repeating: "é", count: 44), "é cd"])
        #expect(Wording.wrap(String(repeating: "y", count: 88)).map(\.count) == [44, 44])
        #expect(Wording.pack(["a", String(repeating: "z", count: 50), "b"], width: 40).map(\.count) == [1, 44, 6, 1])
    }

    @Test func aOneMegabyteTitleRenders() throws {
        let title = String(repeating: "A", count: 1_000_000)
        let text = """
        org a "\(title)" { kind trust }
        org b "B" { kind icb }
        dataset s "S" { origin non-health; level aggregate; source a }
        purpose p "\(title)" { category processing-support }
        flow f a -> b "\(title)" { data s; level aggregate; purpose p }

        """
        let model = try Fixtures.model(text: text)
        let start = Date()
        let spec = try DiagramBuilder.build(model, view: .overview, options: Fixtures.options())
        let svg = try render(spec)
        #expect(svg.count > 1_000)
        // Generous: the point is that it finishes (1 MB never did); the benchmark measures it.
        #expect(Date().timeIntervalSince(start) < 60)
    }
}
