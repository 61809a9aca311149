import Testing
@testable import FlowGraphviz

@Suite("Rendering to each output format")
struct RenderFormatTests {
    let renderer = GraphvizRenderer.shared

    @Test func svgIsWellFormedXMLWithTheGivenNodeIDs() throws {
        let svg = try renderer.render(dot: sampleDOT(prefix: "flow-step"), format: .svg)
        let document = try SVGDocument.parse(svg).get()
        for index in 0..<4 {
            #expect(document.ids.contains("flow-step-\(index)"))
        }
        #expect(document.texts.contains("Step 0"))
        #expect(document.texts.contains("next"))
    }

    @Test(arguments: [GraphvizLayoutEngine.dot, .sfdp, .neato, .fdp])
    func everyEngineProducesSVG(engine: GraphvizLayoutEngine) throws {
        let svg = try renderer.render(dot: sampleDOT(prefix: "e-\(engine.rawValue)"), format: .svg, engine: engine)
        let document = try SVGDocument.parse(svg).get()
        #expect(document.ids.contains("e-\(engine.rawValue)-3"))
    }

    @Test func pngHasSignatureAndSaneDimensions() throws {
        let png = try renderer.render(dot: sampleDOT(), format: .png)
        let size = try #require(pngDimensions(png))
        #expect(size.width > 0 && size.width < 20_000)
        #expect(size.height > 0 && size.height < 20_000)
    }

    @Test func pdfStartsWithPDFHeader() throws {
        let pdf = try renderer.render(dot: sampleDOT(), format: .pdf)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(pdf.count > 100)
    }

    @Test func sameDOTGivesIdenticalSVGBytes() throws {
        let dot = sampleDOT(prefix: "same", nodes: 12)
        let first = try renderer.render(dot: dot, format: .svg)
        let second = try renderer.render(dot: dot, format: .svg)
        #expect(first == second)
    }

    @Test func layoutWarningsDoNotFailTheRender() throws {
        // Graphviz warns "node a, port nowhere unrecognized" and still renders.
        let svg = try renderer.render(dot: "digraph { a:nowhere -> b }", format: .svg)
        _ = try SVGDocument.parse(svg).get()
    }

    @Test func longPortNameWarningDoesNotCrash() throws {
        // A >1024-byte message crashes Graphviz 2.42 when an agseterrf callback is set.
        let port = String(repeating: "p", count: 5_000)
        let svg = try renderer.render(dot: "digraph { a:\(port) -> b }", format: .svg)
        _ = try SVGDocument.parse(svg).get()
    }
}
