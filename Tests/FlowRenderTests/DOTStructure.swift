import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// A small DOT reader for tests: tokenises the way Graphviz's scanner does (IDs, quoted strings with
/// `\"`, nested `<…>` HTML strings, punctuation, comments) and collects every statement's attributes.
/// If a user string had escaped its quotes, the statements or attribute names read back would differ.
struct DOTStructure {
    enum Token: Equatable {
        case id(String)
        case quoted(String)
        case html(String)
        case punctuation(String)
    }

    struct Statement {
        enum Kind: Equatable { case graphDefaults, nodeDefaults, edgeDefaults, node(String), edge(String, String), subgraphStart(String), subgraphEnd, bareNode(String) }
        var kind: Kind
        var attributes: [(name: String, value: Token)]
    }

    var statements: [Statement] = []

    static let allowedAttributes: Set<String> = [
        "id", "label", "xlabel", "shape", "style", "fillcolor", "color", "penwidth", "arrowhead", "tooltip",
        "peripheries", "fontname", "fontsize", "charset", "rankdir", "labelloc", "labeljust", "nodesep", "ranksep",
        "pad", "newrank", "outputorder", "margin", "arrowsize", "nslimit", "nslimit1", "mclimit", "searchsize",
        "forcelabels", "cluster", "rank",
    ]

    struct ParseError: Error, CustomStringConvertible { var description: String }

    static func tokenize(_ text: String) throws -> [Token] {
        let scalars = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var index = 0
        func isIDStart(_ s: Unicode.Scalar) -> Bool { s == "_" || s.properties.isAlphabetic || s.value >= 0x80 }
        while index < scalars.count {
            let c = scalars[index]
            if c == " " || c == "\n" || c == "\t" || c == "\r" { index += 1; continue }
            if c == "/", index + 1 < scalars.count, scalars[index + 1] == "/" {
                while index < scalars.count, scalars[index] != "\n" { index += 1 }
                continue
            }
            if c == "\"" {
                var value = ""
                index += 1
                while true {
                    guard index < scalars.count else { throw ParseError(description: "unterminated string") }
                    let s = scalars[index]
                    if s == "\\", index + 1 < scalars.count {
                        value.unicodeScalars.append(s)
                        value.unicodeScalars.append(scalars[index + 1])
                        index += 2
                        continue
                    }
                    if s == "\"" { index += 1; break }
                    if s == "\n" { throw ParseError(description: "raw newline inside a quoted string") }
                    value.unicodeScalars.append(s)
                    index += 1
                }
                tokens.append(.quoted(value))
                continue
            }
            if c == "<" {
                var depth = 0
                var value = ""
                repeat {
                    guard index < scalars.count else { throw ParseError(description: "unterminated HTML string") }
                    let s = scalars[index]
                    if s == "<" { depth += 1 }
                    if s == ">" { depth -= 1 }
                    value.unicodeScalars.append(s)
                    index += 1
                } while depth > 0
                tokens.append(.html(String(value.dropFirst().dropLast())))
                continue
            }
            if c == "-", index + 1 < scalars.count, scalars[index + 1] == ">" {
                tokens.append(.punctuation("->"))
                index += 2
                continue
            }
            if "{}[];,=".unicodeScalars.contains(c) {
                tokens.append(.punctuation(String(c)))
                index += 1
                continue
            }
            if isIDStart(c) || ("0"..."9").contains(c) || c == "." || c == "-" {
                var value = ""
                while index < scalars.count, isIDStart(scalars[index]) || ("0"..."9").contains(scalars[index]) || scalars[index] == "." {
                    value.unicodeScalars.append(scalars[index])
                    index += 1
                }
                if value.isEmpty { throw ParseError(description: "unexpected character \(c)") }
                tokens.append(.id(value))
                continue
            }
            throw ParseError(description: "unexpected character \(c) (U+\(String(c.value, radix: 16)))")
        }
        return tokens
    }

    static func parse(_ text: String) throws -> DOTStructure {
        let tokens = try tokenize(text)
        var structure = DOTStructure()
        var index = 0
        func next() throws -> Token {
            guard index < tokens.count else { throw ParseError(description: "unexpected end") }
            defer { index += 1 }
            return tokens[index]
        }
        func peek() -> Token? { index < tokens.count ? tokens[index] : nil }
        func name(_ token: Token) throws -> String {
            switch token {
            case .id(let value), .quoted(let value): return value
            default: throw ParseError(description: "expected a name, got \(token)")
            }
        }
        func attributes() throws -> [(String, Token)] {
            guard peek() == .punctuation("[") else { return [] }
            index += 1
            var result: [(String, Token)] = []
            while peek() != .punctuation("]") {
                let key = try name(try next())
                guard try next() == .punctuation("=") else { throw ParseError(description: "expected = after \(key)") }
                let value = try next()
                if case .punctuation = value { throw ParseError(description: "attribute \(key) has no value") }
                result.append((key, value))
                if peek() == .punctuation(",") { index += 1 }
            }
            index += 1
            return result
        }
        guard try next() == .id("digraph") else { throw ParseError(description: "expected digraph") }
        _ = try name(try next())
        guard try next() == .punctuation("{") else { throw ParseError(description: "expected {") }
        var depth = 1
        while depth > 0 {
            let token = try next()
            switch token {
            case .punctuation("}"):
                depth -= 1
                if depth > 0 { structure.statements.append(Statement(kind: .subgraphEnd, attributes: [])) }
                continue
            case .id("subgraph"):
                let id = try name(try next())
                guard try next() == .punctuation("{") else { throw ParseError(description: "expected { after subgraph") }
                depth += 1
                structure.statements.append(Statement(kind: .subgraphStart(id), attributes: []))
                continue
            case .id("graph"), .id("node"), .id("edge"):
                let kind: Statement.Kind = token == .id("graph") ? .graphDefaults : token == .id("node") ? .nodeDefaults : .edgeDefaults
                structure.statements.append(Statement(kind: kind, attributes: try attributes().map { (name: $0.0, value: $0.1) }))
            default:
                let from = try name(token)
                if peek() == .punctuation("->") {
                    index += 1
                    let to = try name(try next())
                    structure.statements.append(Statement(kind: .edge(from, to), attributes: try attributes().map { (name: $0.0, value: $0.1) }))
                } else if peek() == .punctuation("[") {
                    structure.statements.append(Statement(kind: .node(from), attributes: try attributes().map { (name: $0.0, value: $0.1) }))
                } else {
                    structure.statements.append(Statement(kind: .bareNode(from), attributes: []))
                }
            }
            guard try next() == .punctuation(";") else { throw ParseError(description: "expected ; after a statement") }
        }
        guard index == tokens.count else { throw ParseError(description: "text after the graph") }
        return structure
    }

    var attributeNames: Set<String> { Set(statements.flatMap { $0.attributes.map(\.name) }) }
    var nodes: [Statement] { statements.filter { if case .node = $0.kind { true } else { false } } }
    var edges: [Statement] { statements.filter { if case .edge = $0.kind { true } else { false } } }
}

/// Reads an HTML-like label as XML: the element names and attribute names used, and the text.
struct HTMLLabel {
    var elements: Set<String> = []
    var attributes: Set<String> = []
    /// Text runs in order; `<BR/>` contributes "\n".
    var text = ""

    static let allowedElements: Set<String> = ["root", "TABLE", "TR", "TD", "B", "I", "FONT", "BR"]
    static let allowedAttributes: Set<String> = [
        "BORDER", "CELLBORDER", "CELLSPACING", "CELLPADDING", "ALIGN", "VALIGN", "BALIGN", "COLSPAN", "WIDTH", "HEIGHT",
        "SIDES", "COLOR", "STYLE", "BGCOLOR", "POINT-SIZE", "FIXEDSIZE",
    ]

    static func parse(_ html: String) throws -> HTMLLabel {
        let parser = XMLParser(data: Data(("<root>" + html + "</root>").utf8))
        let collector = Collector()
        parser.delegate = collector
        guard parser.parse() else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        return collector.label
    }

    private final class Collector: NSObject, XMLParserDelegate {
        var label = HTMLLabel()
        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes: [String: String] = [:]) {
            label.elements.insert(elementName)
            label.attributes.formUnion(attributes.keys)
            if elementName == "BR" { label.text += "\n" }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { label.text += string }
    }
}
