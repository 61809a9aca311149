import FlowModel
@testable import FlowRender
import Foundation
import Foundation
import Testing

/// Readability when printed on A4 landscape: the smallest text stays at least 6 pt, and no two labels
/// of different diagram elements overlap.
@Suite("A4 readability")
struct PrintabilityTests {
    static let minimumPrintedPoints = 6.0

    /// Per-purpose diagrams of the fixtures (the views a DPIA annex uses), plus small overviews.
    static func views() throws -> [(name: String, spec: DiagramSpec)] {
        var result: [(String, DiagramSpec)] = []
        for fixture in ["small", "blmk"] {
            let model = try Fixtures.model(fixture)
            for view in DiagramBuilder.directoryViews(of: model) where fixture == "small" || view != .overview {
                result.append(("\(fixture) \(view)", try DiagramBuilder.build(model, view: view, options: Fixtures.options("Fixture"))))
            }
        }
        return result
    }

    @Test func smallestTextIsReadableOnA4Landscape() throws {
        for (name, spec) in try Self.views() {
            let svg = try SVGDocument.parse(render(spec))
            #expect(svg.smallestPrintedFont >= Self.minimumPrintedPoints,
                    "\(name): \(Int(svg.width))×\(Int(svg.height)) pt prints at \(svg.a4Scale), smallest text \(svg.smallestPrintedFont) pt")
        }
    }

    @Test func labelsDoNotOverlap() throws {
        for (name, spec) in try Self.views() {
            let svg = try SVGDocument.parse(render(spec))
            for (a, b) in Self.overlaps(svg) {
                Issue.record("\(name): “\(a.content)” (\(a.owner)) overlaps “\(b.content)” (\(b.owner))")
            }
        }
    }

    /// Text boxes of different elements that intersect. Widths use a conservative 0.45 em average
    /// advance (real Helvetica text is wider), so a reported overlap is a real one.
    static func overlaps(_ svg: SVGDocument) -> [(SVGDocument.Text, SVGDocument.Text)] {
        struct Box { var minX, maxX, minY, maxY: Double }
        func box(_ text: SVGDocument.Text) -> Box {
            let width = Double(text.content.count) * text.fontSize * 0.45
            let minX: Double
            switch text.anchor {
            case "middle": minX = text.x - width / 2
            case "end": minX = text.x - width
            default: minX = text.x
            }
            return Box(minX: minX, maxX: minX + width, minY: text.y - text.fontSize * 0.7, maxY: text.y)
        }
        let texts = svg.texts.filter { !$0.content.trimmingCharacters(in: .whitespaces).isEmpty && !$0.owner.isEmpty }
        let boxes = texts.map(box)
        var result: [(SVGDocument.Text, SVGDocument.Text)] = []
        for i in texts.indices {
            for j in texts.indices where j > i && texts[i].owner != texts[j].owner {
                let (a, b) = (boxes[i], boxes[j])
                if a.minX < b.maxX, b.minX < a.maxX, a.minY < b.maxY, b.minY < a.maxY {
                    result.append((texts[i], texts[j]))
                }
            }
        }
        return result
    }

    /// The orientation chosen from the text estimate is never much worse than the other one.
    @Test func chosenOrientationPrintsNearlyAsLargeAsTheBest() throws {
        for (name, spec) in try Self.views() where spec.edges.count > 1 {
            var scales: [Orientation: Double] = [:]
            for orientation in Orientation.allCases {
                var other = spec
                other.orientation = orientation
                scales[orientation] = try SVGDocument.parse(render(other)).a4Scale
            }
            let best = scales.values.max() ?? 0
            #expect(scales[spec.orientation]! >= best * 0.93, "\(name): chose \(spec.orientation) \(scales)")
        }
    }
}
