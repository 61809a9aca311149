import Foundation
import Testing
@testable import FlowGraphviz

@Suite("Errors are captured, not printed")
struct RenderErrorTests {
    let renderer = GraphvizRenderer.shared

    @Test func malformedDOTThrowsWithGraphvizMessageAndPrintsNothing() throws {
        let (result, stderr) = try capturingStandardError {
            Result { try renderer.render(dot: "digraph { a -> }", format: .svg) }
        }
        let error = try #require(throws: GraphvizError.self) { try result.get() }
        #expect(error.kind == .invalidDOT)
        #expect(error.description.contains("syntax error in line 1 near '}'"))
        #expect(error.graphvizMessages == ["syntax error in line 1 near '}'"])
        #expect(!stderr.contains("syntax error"))
        #expect(!stderr.contains("Error:"))
    }

    @Test func stderrCaptureHelperSeesWritesToFileDescriptor2() throws {
        let (_, stderr) = try capturingStandardError {
            FileHandle.standardError.write(Data("probe-written-to-stderr\n".utf8))
        }
        #expect(stderr.contains("probe-written-to-stderr"))
    }

    @Test func syntaxErrorReportsTheRightLine() throws {
        let error = try #require(throws: GraphvizError.self) {
            try renderer.render(dot: "digraph {\n  a -> b;\n  c -> ;\n}", format: .svg)
        }
        #expect(error.description.contains("syntax error in line 3"))
    }

    @Test func longTokenSyntaxErrorIsReported() throws {
        let token = String(repeating: "x", count: 5_000)
        let error = try #require(throws: GraphvizError.self) {
            try renderer.render(dot: "digraph \(token) \(token) {}", format: .svg)
        }
        #expect(error.description.contains("syntax error in line 1 near 'xxxx"))
    }

    @Test(arguments: ["", "   \n", "\"unterminated string", "/* unterminated comment", "digraph { a -> b"])
    func incompleteInputThrowsAndTheNextRenderWorks(dot: String) throws {
        let error = try #require(throws: GraphvizError.self) {
            try renderer.render(dot: dot, format: .svg)
        }
        #expect(error.kind == .invalidDOT)
        #expect(!error.description.isEmpty)
        // The DOT scanner must not carry the broken state into the next parse.
        let svg = try renderer.render(dot: sampleDOT(prefix: "after-error"), format: .svg)
        #expect(try SVGDocument.parse(svg).get().ids.contains("after-error-0"))
    }

    @Test func textAfterTheFirstGraphDoesNotLeakIntoTheNextRender() throws {
        let first = try renderer.render(
            dot: #"digraph { a [id="first-graph"] } digraph { b [id="second-graph"] }"#, format: .svg)
        #expect(try SVGDocument.parse(first).get().ids.contains("first-graph"))
        let next = try renderer.render(dot: #"digraph { c [id="next-render"] }"#, format: .svg)
        let ids = try SVGDocument.parse(next).get().ids
        #expect(ids.contains("next-render"))
        #expect(!ids.contains("second-graph"))
    }

    @Test func nulCharacterIsRejected() throws {
        let error = try #require(throws: GraphvizError.self) {
            try renderer.render(dot: "digraph { a }\0digraph { b }", format: .svg)
        }
        #expect(error.kind == .invalidDOT)
        #expect(error.description.contains("NUL"))
    }
}

@Suite("Plugin checks")
struct PluginCheckTests {
    @Test func installedPluginsCoverEveryEngineAndFormat() throws {
        let renderer = GraphvizRenderer.shared
        let engines = renderer.availableLayoutEngines()
        let formats = renderer.availableOutputFormats()
        for engine in GraphvizLayoutEngine.allCases {
            #expect(engines.contains(engine.rawValue))
        }
        for format in GraphvizFormat.allCases {
            #expect(formats.contains(format.rawValue))
            try renderer.checkPlugins(engine: .dot, format: format)
        }
        #expect(renderer.graphvizVersion?.isEmpty == false)
    }

    @Test func missingPluginConfigSaysToRunDotC() {
        let error = #expect(throws: GraphvizError.self) {
            try GraphvizPluginCheck.validate(engine: .dot, format: .svg, layoutEngines: [], outputFormats: [])
        }
        #expect(error?.kind == .pluginsNotConfigured)
        #expect(error?.description == "Graphviz plugins not configured: run `dot -c` as root")
    }

    @Test func missingEngineOrFormatIsNamed() {
        let engineError = #expect(throws: GraphvizError.self) {
            try GraphvizPluginCheck.validate(
                engine: .sfdp, format: nil, layoutEngines: ["dot"], outputFormats: ["svg"])
        }
        #expect(engineError?.kind == .unsupportedLayoutEngine)
        #expect(engineError?.description.contains("'sfdp'") == true)

        let formatError = #expect(throws: GraphvizError.self) {
            try GraphvizPluginCheck.validate(
                engine: .dot, format: .pdf, layoutEngines: ["dot"], outputFormats: ["svg"])
        }
        #expect(formatError?.kind == .unsupportedFormat)
        #expect(formatError?.description.contains("'pdf'") == true)
    }
}
