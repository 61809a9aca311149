import FlowGraphviz
import FlowModel
import FlowRender
import Foundation
import Testing

@Suite("Rendered SVG, PNG and PDF")
struct RenderOutputTests {
    static func spec(_ view: DiagramView = .overview) throws -> DiagramSpec {
        try DiagramBuilder.build(try Fixtures.model("small"), view: view, options: Fixtures.options("Small"))
    }

    @Test func svgIsXMLWithOurNodeEdgeAndClusterIDs() throws {
        let svg = try SVGDocument.parse(render(try Self.spec()))
        for id in ["org-trust", "org-nhse", "org-dscro", "org-csu", "org-icb", "org-public"] {
            #expect(svg.ids.contains(id))
            #expect(svg.classes[id] == "node")
        }
        // The overview has one edge per pair of organisations.
        for id in ["flows-org-trust.org-nhse", "flows-org-nhse.org-dscro", "flows-org-dscro.org-csu", "flows-org-csu.org-icb", "flows-org-icb.org-public"] {
            #expect(svg.ids.contains(id))
            #expect(svg.classes[id] == "edge")
        }
        #expect(svg.classes["cluster-boundary-haven"] == "cluster")
        // Clusters are titled with their own id (FlowGraphviz keeps their names).
        let purpose = try SVGDocument.parse(render(try Self.spec(.purpose("commissioning"))))
        for id in ["flow-f2", "flow-f3", "flow-f4"] {
            #expect(purpose.ids.contains(id))
            #expect(purpose.classes[id] == "edge")
        }
        #expect(svg.texts.contains { $0.content == "IDENTIFIABLE" })
        #expect(svg.width > 200 && svg.width < 3000)
        #expect(svg.height > 100 && svg.height < 3000)
    }

    @Test func svgOfDatasetViewHasLineageEdges() throws {
        let svg = try SVGDocument.parse(render(try Self.spec(.dataset("sus-pseudo"))))
        #expect(svg.ids.contains("dataset-sus-pseudo"))
        #expect(svg.ids.contains("derive-sus-pseudo.sus-filtered"))
        #expect(svg.ids.contains("cluster-lineage"))
    }

    @Test func pngHasSignatureAndSaneSize() throws {
        let png = try render(try Self.spec(), .png)
        let size = try #require(pngDimensions(png))
        #expect(size.width > 300 && size.width < 4000)
        #expect(size.height > 150 && size.height < 4000)
    }

    @Test func pdfHasSignatureTrailerAndPageSize() throws {
        let pdf = try render(try Self.spec(), .pdf)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("%%EOF"))
        let box = try #require(text.range(of: #"/MediaBox \[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]"#, options: .regularExpression))
        let numbers = text[box].split { !"0123456789.".contains($0) }.compactMap { Double($0) }
        #expect(numbers.count == 4)
        #expect(numbers[2] > 200 && numbers[2] < 3000 && numbers[3] > 100 && numbers[3] < 3000)
    }
}

@Suite("Determinism")
struct DeterminismTests {
    @Test func sameModelSameBytes() throws {
        for view in [DiagramView.overview, .purpose("commissioning"), .dataset("sus"), .organisation("csu", depth: 2)] {
            let first = try DiagramBuilder.build(try Fixtures.model("small"), view: view, options: Fixtures.options())
            let second = try DiagramBuilder.build(try Fixtures.model("small"), view: view, options: Fixtures.options())
            #expect(DOTWriter.dot(first) == DOTWriter.dot(second))
            #expect(MermaidWriter.markdown(first) == MermaidWriter.markdown(second))
            for format in [GraphvizFormat.svg, .png, .pdf] {
                #expect(try render(first, format) == render(second, format), "\(view) \(format)")
            }
        }
    }

    @Test func declarationOrderDoesNotMatter() throws {
        var model = try Fixtures.model("small")
        let before = DOTWriter.dot(try DiagramBuilder.build(model, view: .overview, options: Fixtures.options()))
        model.flows.reverse()
        model.transforms.reverse()
        let after = DOTWriter.dot(try DiagramBuilder.build(model, view: .overview, options: Fixtures.options()))
        #expect(before == after)
    }

    @Test func richFixtureRendersIdenticallyTwice() throws {
        let model = try Fixtures.model("blmk")
        for view in DiagramBuilder.directoryViews(of: model) {
            let spec = try DiagramBuilder.build(model, view: view, options: Fixtures.options())
            #expect(try render(spec) == render(spec), "\(view)")
            #expect(try render(spec, .pdf) == render(spec, .pdf), "\(view)")
        }
    }
}
