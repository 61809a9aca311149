import Testing
import FlowGraphviz

@Suite("Repeated and concurrent rendering")
struct RenderStressTests {
    let renderer = GraphvizRenderer.shared

    @Test func twoHundredRendersInALoop() throws {
        for iteration in 0..<200 {
            let dot = sampleDOT(prefix: "loop\(iteration)", nodes: 3 + iteration % 5)
            let format: GraphvizFormat = iteration % 20 == 0 ? .png : .svg
            let bytes = try renderer.render(dot: dot, format: format)
            #expect(!bytes.isEmpty)
        }
    }

    @Test func concurrentRendersFromManyTasksAllSucceed() async throws {
        let results = try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for task in 0..<8 {
                group.addTask {
                    var ids: [String] = []
                    for round in 0..<5 {
                        let prefix = "task\(task)-round\(round)"
                        let svg = try GraphvizRenderer.shared.render(
                            dot: sampleDOT(prefix: prefix, nodes: 6), format: .svg,
                            engine: round.isMultiple(of: 2) ? .dot : .sfdp)
                        ids += try SVGDocument.parse(svg).get().ids.filter { $0.hasPrefix(prefix + "-") }
                    }
                    return (task, ids)
                }
            }
            return try await group.reduce(into: [:]) { $0[$1.0] = $1.1 }
        }
        #expect(results.count == 8)
        for (task, ids) in results {
            // 5 rounds x 6 nodes, each from its own graph: no cross-talk between renders.
            #expect(ids.count == 30, "task \(task)")
        }
    }
}
