import FlowGraphviz
import FlowIO
import FlowModel
import FlowRender
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

enum Fixtures {
    /// `Tests/FlowRenderTests/Fixtures`.
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    /// The package root.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    static func path(_ name: String) -> String { directory + "/" + name }

    /// Loads a fixture (file or directory under Fixtures/, or an absolute path); fails the test on errors.
    static func model(_ name: String) throws -> SemanticModel {
        let path = name.hasPrefix("/") ? name : self.path(name)
        let result = ModelLoader.load(paths: [path], provider: FileSystemSourceProvider())
        guard let model = result.model else {
            throw FixtureError(description: "fixture \(name) does not load: \(result.diagnostics.map(\.message))")
        }
        return model
    }

    /// A model from `.flow` text, through a temporary directory.
    static func model(text: String) throws -> SemanticModel {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowrender-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("model.flow").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return try model(file)
    }

    static func options(_ name: String = "Fixture", asOf: Day? = nil) -> DiagramOptions {
        DiagramOptions(modelName: name, asOf: asOf)
    }
}

struct FixtureError: Error, CustomStringConvertible {
    var description: String
}

/// The parts of an SVG document the tests look at, read with Foundation's XMLParser.
struct SVGDocument {
    struct Text {
        var x: Double
        var y: Double
        var fontSize: Double
        var anchor: String
        var content: String
        /// The id of the enclosing `<g>` with an id (node, edge or cluster).
        var owner: String
        /// `content` as written, no-break spaces kept.
        var raw = ""
    }

    var ids: [String] = []
    var classes: [String: String] = [:]
    var texts: [Text] = []
    /// The page size in points (`width`/`height` of `<svg>`).
    var width = 0.0
    var height = 0.0
    /// Points per user unit: the page size over the `viewBox` size, times the graph group's
    /// `scale(…)` (Graphviz scales the drawing down that way when `size` is set). Font sizes are in
    /// user units, so this is what turns them into points.
    var pointsPerUnit = 1.0

    static func parse(_ bytes: [UInt8]) throws -> SVGDocument {
        let parser = XMLParser(data: Data(bytes))
        let collector = Collector()
        parser.delegate = collector
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return collector.document
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var document = SVGDocument()
        private var owners: [String?] = []
        private var current: Text?
        private var fontSizes: [Double] = []

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            if let id = attributes["id"] {
                document.ids.append(id)
                if let cls = attributes["class"] { document.classes[id] = cls }
            }
            if elementName == "svg" {
                document.width = Double(attributes["width"]?.replacingOccurrences(of: "pt", with: "") ?? "") ?? 0
                document.height = Double(attributes["height"]?.replacingOccurrences(of: "pt", with: "") ?? "") ?? 0
                let box = (attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
                if box.count == 4, box[2] > 0 { document.pointsPerUnit = document.width / box[2] }
            }
            if elementName == "g", attributes["class"] == "graph", let transform = attributes["transform"],
               let open = transform.range(of: "scale("), let close = transform[open.upperBound...].firstIndex(of: ")") {
                let factors = transform[open.upperBound..<close].split { $0 == " " || $0 == "," }.compactMap { Double($0) }
                if let x = factors.first { document.pointsPerUnit *= min(x, factors.last ?? x) }
            }
            if elementName == "g" { owners.append(attributes["id"]) }
            if elementName == "text" {
                let size = Double(attributes["font-size"] ?? "") ?? 14
                current = Text(
                    x: Double(attributes["x"] ?? "") ?? 0, y: Double(attributes["y"] ?? "") ?? 0, fontSize: size,
                    anchor: attributes["text-anchor"] ?? "start", content: "",
                    owner: owners.reversed().compactMap { $0 }.first ?? ""
                )
            }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            current?.content.append(string)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            if elementName == "g" { owners.removeLast() }
            if elementName == "text", var text = current {
                text.raw = text.content
                text.content = text.content.replacingOccurrences(of: "\u{00A0}", with: " ")
                document.texts.append(text)
                current = nil
            }
        }
    }

    /// The factor that fits the page in an A4 portrait page's text block, 170 × 257 mm (never above
    /// 1: a small drawing prints at its own size).
    var a4Scale: Double { PageLayout.a4Scale(width: width, height: height) }

    /// The smallest text once printed on A4 portrait, in points.
    var smallestPrintedFont: Double { (texts.map(\.fontSize).min() ?? 0) * pointsPerUnit * a4Scale }
}

/// Renders as the CLI does.
func render(_ spec: DiagramSpec, _ format: GraphvizFormat = .svg) throws -> [UInt8] {
    try GraphvizRenderer.shared.render(dot: DOTWriter.dot(spec), format: format, engine: .dot)
}

/// Width and height from a PNG's IHDR chunk, or nil if `bytes` is not a PNG.
func pngDimensions(_ bytes: [UInt8]) -> (width: UInt32, height: UInt32)? {
    let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    guard bytes.count >= 24, Array(bytes[0..<8]) == signature, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
    func bigEndian(at offset: Int) -> UInt32 { bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) } }
    return (bigEndian(at: 16), bigEndian(at: 20))
}
