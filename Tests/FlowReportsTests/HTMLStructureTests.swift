import FlowModel
import FlowReports
import Foundation
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The HTML annex is well-formed XML (XHTML-compatible), self-contained, carries the diagram inline as
/// SVG with a text alternative, and uses headings and table headers properly.
struct HTMLStructureTests {
    static func annex(_ directory: String = "flows/blmk", purpose: String? = "risk-stratification-case-finding") throws -> (String, HTMLOutline) {
        let context = try Repository.context(directory, modelName: "blmk")
        let scope = try #require(DPIAScope(context, purpose: purpose))
        let html = DPIAReport.html(context, scope: scope, svg: try Repository.svg(context, scope: scope))
        return (html, try HTMLOutline.parse(html))
    }

    @Test func parsesAsXMLWithTheSVGInline() throws {
        let (_, outline) = try Self.annex()
        #expect(outline.root == "html")
        #expect(outline.count("svg") == 1)
        let svgPath = try #require(outline.paths.first { $0.last == "svg" })
        #expect(svgPath.suffix(2) == ["figure", "svg"])
        #expect(svgPath.contains("main"))
        // The diagram has its text alternative and draws the flows.
        let svg = try #require(outline.elements.first { $0.name == "svg" })
        #expect(svg.attributes["role"] == "img")
        #expect(svg.attributes["aria-labelledby"] == "dpia-figure-title dpia-figure-desc")
        #expect(outline.text(ofID: "dpia-figure-title").contains("Data-flow diagram"))
        #expect(outline.text(ofID: "dpia-figure-desc").contains("s1-f8"))
        #expect(outline.count("g") > 5)
        #expect(outline.elements.contains { $0.name == "figcaption" })
    }

    @Test func tablesHaveCaptionsAndHeaders() throws {
        let (_, outline) = try Self.annex()
        for id in Repository.annexTables {
            #expect(outline.ids.contains(id), "missing table \(id)")
        }
        #expect(outline.count("table") == outline.count("caption"))
        #expect(outline.duplicateIDs.isEmpty, "duplicate ids: \(outline.duplicateIDs)")
        #expect(outline.elements.filter { $0.name == "th" }.allSatisfy { $0.attributes["scope"] == "col" || $0.attributes["scope"] == "row" })
        // Every flow in scope is a row of the flow table.
        for flow in ["s1-f7", "s1-f8", "s1-f9", "s1-f11"] {
            #expect(outline.text(ofID: "flows-table").contains(flow))
        }
    }

    @Test func headingsDoNotSkipLevels() throws {
        let (_, outline) = try Self.annex()
        let levels = outline.elements.compactMap { element -> Int? in
            guard element.name.count == 2, element.name.hasPrefix("h"), let level = Int(element.name.dropFirst()) else { return nil }
            return level
        }
        #expect(levels.first == 1)
        for (previous, next) in zip(levels, levels.dropFirst()) { #expect(next <= previous + 1) }
        #expect(outline.elements.first { $0.name == "html" }?.attributes["lang"] == "en-GB")
    }

    /// Nothing is fetched: no scripts, no external styles, images or fonts.
    @Test func selfContained() throws {
        let (html, outline) = try Self.annex()
        #expect(outline.count("script") == 0)
        #expect(outline.count("link") == 0)
        #expect(outline.count("img") == 0)
        #expect(!outline.elements.contains { $0.attributes["src"] != nil })
        #expect(!outline.elements.contains { ($0.attributes["href"] ?? "#").hasPrefix("http") && $0.name != "a" })
        #expect(!html.contains("@import"))
        #expect(!html.contains("url("))
        #expect(html.contains("@page"))
        #expect(html.contains("size: A4"))
    }

    @Test func wholeModelAnnexParsesToo() throws {
        let context = try Repository.context()
        let scope = try #require(DPIAScope(context, purpose: nil))
        let outline = try HTMLOutline.parse(DPIAReport.html(context, scope: scope, svg: try Repository.svg(context, scope: scope)))
        #expect(outline.count("svg") == 1)
        #expect(outline.duplicateIDs.isEmpty, "duplicate ids: \(outline.duplicateIDs)")
        #expect(outline.text(ofID: "flows-table").contains("starter-rs-hosting"))
    }

    /// Hostile text in the model stays text in HTML and Markdown.
    @Test func hostileTextIsEscaped() throws {
        let text = """
        use std
        org a "A <script>alert(1)</script> & \\"quotes\\" | pipe" { kind trust; public-authority yes }
        org b "=HYPERLINK(\\"http://x\\", \\"y\\") ]]> <!-- --> `tick` *star*" { kind other }
        dataset d "D <b>bold</b>" { origin england-health; special-category health; identifiers nhs-number; source a }
        purpose p "P </table>" { category research }
        flow f1 a -> b "F <tr>" { data d; level identifiable; purpose p; retention "=cmd|' /C calc'!A0, \\"x\\"" }
        """
        let loaded = ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(["m/m.flow": text]))
        let model = try #require(loaded.model, "\(loaded.diagnostics.map(\.message))")
        let context = ReportContext(model: model, asOf: Repository.asOf, modelName: "hostile <model>")
        let scope = try #require(DPIAScope(context, purpose: nil))
        let html = DPIAReport.html(context, scope: scope, svg: nil)
        let outline = try HTMLOutline.parse(html)
        #expect(outline.count("script") == 0)
        #expect(outline.count("b") == 0)
        #expect(outline.count("table") == outline.count("caption"))
        let markdown = DPIAReport.markdown(context, scope: scope, imagePath: "x y.svg")
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("](<x%20y.svg>)"))
        let csv = RoPAReport.csv(RoPAReport.records(context))
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://x\"\", \"\"y\"\") ]]> <!-- --> `tick` *star*\""))
    }
}

/// What the tests look at in an XHTML document, read with Foundation's XMLParser.
struct HTMLOutline {
    struct Element {
        var name: String
        var attributes: [String: String]
    }

    var root = ""
    var elements: [Element] = []
    /// The ancestor chain of every element, root first.
    var paths: [[String]] = []
    var ids: Set<String> = []
    /// Ids that occur more than once (an HTML document must have none).
    var duplicateIDs: [String] = []
    /// Text content below each element with an id.
    var textByID: [String: String] = [:]

    func count(_ name: String) -> Int { elements.filter { $0.name == name }.count }
    func text(ofID id: String) -> String { textByID[id] ?? "" }

    static func parse(_ html: String) throws -> HTMLOutline {
        let parser = XMLParser(data: Data(html.utf8))
        let collector = Collector()
        parser.delegate = collector
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            throw RepositoryError(description: "not well-formed: \(parser.parserError.map { "\($0)" } ?? "?") at line \(parser.lineNumber)")
        }
        return collector.outline
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var outline = HTMLOutline()
        var stack: [String] = []
        var openIDs: [(id: String, depth: Int)] = []

        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            if stack.isEmpty { outline.root = name }
            stack.append(name)
            outline.elements.append(Element(name: name, attributes: attributes))
            outline.paths.append(stack)
            if let id = attributes["id"] {
                if !outline.ids.insert(id).inserted { outline.duplicateIDs.append(id) }
                openIDs.append((id, stack.count))
            }
        }

        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let last = openIDs.last, last.depth == stack.count { openIDs.removeLast() }
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            for open in openIDs { outline.textByID[open.id, default: ""] += string }
        }
    }
}
