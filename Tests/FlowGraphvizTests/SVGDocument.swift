import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The parts of an SVG document the tests look at, read with Foundation's XMLParser.
struct SVGDocument {
    /// Every `id` attribute, in document order.
    var ids: [String] = []
    /// The text of every `<text>` element, in document order.
    var texts: [String] = []

    /// Parses `bytes`; returns nil (and the parser error) if they are not well-formed XML.
    static func parse(_ bytes: [UInt8]) -> Result<SVGDocument, any Error> {
        let parser = XMLParser(data: Data(bytes))
        let collector = Collector()
        parser.delegate = collector
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else {
            return .failure(parser.parserError ?? CocoaError(.coderReadCorrupt))
        }
        return .success(collector.document)
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var document = SVGDocument()
        private var currentText: String?

        func parser(
            _ parser: XMLParser,
            didStartElement elementName: String,
            namespaceURI: String?,
            qualifiedName qName: String?,
            attributes attributeDict: [String: String] = [:]
        ) {
            if let id = attributeDict["id"] { document.ids.append(id) }
            if elementName == "text" { currentText = "" }
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            currentText?.append(string)
        }

        func parser(
            _ parser: XMLParser,
            didEndElement elementName: String,
            namespaceURI: String?,
            qualifiedName qName: String?
        ) {
            if elementName == "text", let text = currentText {
                // Graphviz writes runs of spaces as U+00A0.
                document.texts.append(text.replacingOccurrences(of: "\u{00A0}", with: " "))
                currentText = nil
            }
        }
    }
}
