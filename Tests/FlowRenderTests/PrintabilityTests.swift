import FlowGraphviz
import FlowModel
@testable import FlowRender
import Foundation
import Testing

/// Readability when printed on A4 portrait, on the fixtures: the smallest text stays at least 6 pt,
/// no two labels of different diagram elements overlap, and no edge runs through a label. (The
/// seed diagrams in `diagrams/` are checked by `SeedDiagramTests`.)
@Suite("A4 readability")
struct PrintabilityTests {
    static let minimumPrintedPoints = 6.0

    /// Per-purpose diagrams of the fixtures (the views a DPIA annex uses), plus the overviews, fitted
    /// to the page (and split over pages) as `flowgate render` fits them.
    static func views() throws -> [(name: String, spec: DiagramSpec)] {
        var result: [(String, DiagramSpec)] = []
        for fixture in ["small", "blmk"] {
            let model = try Fixtures.model(fixture)
            for view in DiagramBuilder.directoryViews(of: model) {
                let spec = try DiagramBuilder.build(model, view: view, options: Fixtures.options("Fixture"))
                for page in PageSplit.pages(spec) {
                    result.append(("\(fixture) \(DiagramID.fileStem(for: view, part: page.part))", page))
                }
            }
        }
        return result
    }

    @Test func smallestTextIsReadableOnA4Portrait() throws {
        for (name, spec) in try Self.views() {
            let svg = try SVGDocument.parse(render(spec))
            #expect(svg.smallestPrintedFont >= Self.minimumPrintedPoints,
                    "\(name): \(Int(svg.width))×\(Int(svg.height)) pt prints at \(svg.a4Scale), smallest text \(svg.smallestPrintedFont) pt")
        }
    }

    @Test func labelsDoNotOverlapAndNoEdgeCrossesALabel() throws {
        for (name, spec) in try Self.views() {
            for problem in try LaidOutText(dot: DOTWriter.dot(spec)).problems {
                Issue.record("\(name): \(problem)")
            }
        }
    }

    /// `PageFit` keeps the page layout that prints largest (or one within 1% of it).
    @Test func fittedLayoutPrintsAsLargeAsAnyOther() throws {
        for (name, spec) in try Self.views() where spec.edges.count > 1 {
            var scales: [PageLayout: Double] = [:]
            for layout in PageLayout.all {
                scales[layout] = try SVGDocument.parse(render(layout.applied(to: spec))).a4Scale
            }
            let chosen = PageLayout(of: spec)
            let best = scales.values.max() ?? 0
            #expect(scales[chosen]! >= best * 0.99, "\(name): chose \(chosen) \(scales)")
        }
    }
}
