import FlowModel
@testable import FlowRender
import Foundation
import Testing

/// Views too large for an A4 portrait page are drawn over several (`PageSplit`): no flow is lost, no
/// organisation or boundary is drawn without its flows, and each page says which part it is.
@Suite("Views split over A4 portrait pages", .serialized)
struct PageSplitTests {
    /// Every directory view of the seed models (`flows/`) and of the fixtures.
    static func views() throws -> [(name: String, spec: DiagramSpec)] {
        let seeds = try FileManager.default.contentsOfDirectory(atPath: Fixtures.packageRoot + "/flows")
            .filter { !$0.hasPrefix(".") }.sorted().map { Fixtures.packageRoot + "/flows/" + $0 }
        var result: [(String, DiagramSpec)] = []
        for path in seeds + ["small", "blmk"] {
            let model = try Fixtures.model(path)
            for view in DiagramBuilder.directoryViews(of: model) {
                result.append(("\(path) \(view)", try DiagramBuilder.build(model, view: view, options: Fixtures.options())))
            }
        }
        return result
    }

    /// The flows an edge stands for (an overview edge names them all, comma-separated).
    static func flows(_ specs: [DiagramSpec]) -> [String] {
        specs.flatMap { $0.edges.flatMap { $0.name.split(separator: ",").map(String.init) } }.sorted()
    }

    /// However a view is cut, every flow is drawn on exactly one page, with both its ends, and every
    /// organisation of the view is on some page.
    @Test func everyFlowIsOnExactlyOnePage() throws {
        for (name, spec) in try Self.views() where spec.edges.count > 1 {
            let ordered = PageSplit.stageOrder(spec)
            for count in 2...min(4, spec.edges.count) {
                let pages = PageSplit.parts(spec, ordered: ordered, count: count, orientations: Orientation.allCases)
                #expect(pages.count == count)
                #expect(Self.flows(pages) == Self.flows([spec]), "\(name), \(count) pages")
                #expect(Set(pages.flatMap { $0.nodes.map(\.id) }) == Set(spec.nodes.map(\.id)), "\(name), \(count) pages")
                for page in pages {
                    let drawn = Set(page.nodes.map(\.id))
                    #expect(page.edges.allSatisfy { drawn.contains($0.from) && drawn.contains($0.to) }, "\(name)")
                    let clusters = Set(page.clusters.map(\.id))
                    #expect(page.nodes.allSatisfy { $0.cluster.map(clusters.contains) ?? true }, "\(name)")
                    #expect(page.clusters.allSatisfy { $0.parent.map(clusters.contains) ?? true }, "\(name)")
                    let part = try #require(page.part)
                    #expect(page.subtitle.hasSuffix("part \(part.index) of \(count)"), "\(name): \(page.subtitle)")
                }
                #expect(pages.map { $0.part?.index } == Array(1...count))
            }
        }
    }

    /// The pages `flowgate render` draws: one unsplit page for a view that fits, else parts that each
    /// print their smallest text at 6 pt or more on A4 portrait, named apart from every other view.
    @Test func pagesFitAndAreNamedApart() throws {
        var split = 0
        for (name, spec) in try Self.views() where spec.view == .overview || spec.edges.count > 12 {
            let pages = PageSplit.pages(spec)
            #expect(Self.flows(pages) == Self.flows([spec]), "\(name)")
            if pages.count == 1 {
                #expect(pages[0].part == nil)
                continue
            }
            split += 1
            let stems = pages.map { DiagramID.fileStem(for: spec.view, part: $0.part) }
            #expect(Set(stems).count == pages.count)
            #expect(stems.allSatisfy { $0.hasPrefix(DiagramID.fileStem(for: spec.view) + ".") }, "\(stems)")
            for page in pages {
                let svg = try SVGDocument.parse(render(page))
                #expect(svg.smallestPrintedFont >= PageLayout.minimumPrintedPoints,
                        "\(name) part \(page.part?.index ?? 0): smallest text \(svg.smallestPrintedFont) pt")
            }
        }
        #expect(split > 0, "no view large enough to split")
    }
}
