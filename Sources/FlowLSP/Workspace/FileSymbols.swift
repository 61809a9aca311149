import FlowLanguage
import FlowModel

/// A declared name as written: what defines it, where its name is, and its whole statement.
struct DeclaredSymbol {
    let name: String
    /// The declaration's keyword (`org`, `flow`, `at` for a transform's output, …).
    let keyword: String
    let title: String?
    let nameSpan: SourceSpan
    let span: SourceSpan
    let children: [DeclaredSymbol]

    var kind: DeclarationKind? { Self.kinds[keyword] }

    static let kinds: [String: DeclarationKind] = [
        "org": .organisation, "boundary": .boundary, "dataset": .dataset, "at": .dataset, "purpose": .purpose,
        "approval": .approval, "agreement": .agreement, "contract": .contract, "arrangement": .arrangement,
        "dpia": .dpia, "gateway": .gateway, "opt-out": .optOut, "key": .key, "notice": .notice, "flow": .flow,
    ]
}

/// One file's declarations and the names its statements' arguments use, read from its syntax
/// alone: go-to-definition, references, rename and symbols work while the model has errors.
public struct FileSymbols {
    let file: SourceFile
    let declarations: [DeclaredSymbol]
    /// Every word argument (not a statement's keyword), by byte range: names are compared in place.
    let words: [Swift.Range<Int>]

    public init(_ file: SourceFile) {
        self.file = file
        let syntax = Parser.parse(file).syntax
        var declarations: [DeclaredSymbol] = []
        var words: [Swift.Range<Int>] = []
        for node in syntax.statements {
            if let symbol = Self.declaration(node) { declarations.append(symbol) }
            Self.collectWords(node, into: &words)
        }
        self.declarations = declarations
        self.words = words
    }

    /// The names the file declares, nested boundaries' included.
    public var declaredNames: [String] { allDeclarations.map(\.name) }

    /// Every declaration, nested boundaries included.
    var allDeclarations: [DeclaredSymbol] {
        declarations.flatMap { [$0] + $0.children }
    }

    /// The spans of the word arguments spelled `name`.
    func uses(of name: String) -> [SourceSpan] {
        let wanted = Array(name.utf8)
        return words.filter { range in
            range.count == wanted.count && file.bytes[range].elementsEqual(wanted)
        }.map { SourceSpan(path: file.path, start: $0.lowerBound, end: $0.upperBound) }
    }

    private static func declaration(_ node: SyntaxNode) -> DeclaredSymbol? {
        let keyword = node.name
        guard DeclaredSymbol.kinds[keyword] != nil else { return nil }
        let arguments = node.arguments
        let title = arguments.firstIndex(ofKind: .string).map { arguments.text(at: $0) }
        let position: Int
        if keyword == "at" {
            // `at ORG OPERATION INPUT, … -> OUTPUT`: the output is the name defined.
            guard let arrow = arguments.firstIndex(ofKind: .arrow), arrow + 1 < arguments.count else { return nil }
            position = arrow + 1
        } else {
            position = 0
        }
        guard position < arguments.count, arguments.kind(at: position) == .word else { return nil }
        let children = keyword == "boundary" ? node.statements.compactMap { $0.name == "boundary" ? declaration($0) : nil } : []
        return DeclaredSymbol(
            name: arguments.text(at: position), keyword: keyword, title: title,
            nameSpan: arguments.span(at: position), span: node.span, children: children
        )
    }

    /// The word arguments of `node` and its block's statements, leaving out values of a closed
    /// vocabulary (`kind supplier` names no organisation).
    private static func collectWords(_ node: SyntaxNode, into words: inout [Swift.Range<Int>]) {
        appendWords(of: node, vocabulary: nil, into: &words)
        for statement in node.statements {
            if statement.hasBlock {
                collectWords(statement, into: &words)
            } else {
                appendWords(of: statement, vocabulary: LanguageSchema.vocabulary(of: statement.name, in: node.name)?.values, into: &words)
            }
        }
    }

    private static func appendWords(of node: SyntaxNode, vocabulary: [String]?, into words: inout [Swift.Range<Int>]) {
        let arguments = node.arguments
        for position in 0..<arguments.count where arguments.kind(at: position) == .word {
            if let vocabulary, vocabulary.contains(arguments.text(at: position)) { continue }
            let span = arguments.span(at: position)
            words.append(span.start..<span.end)
        }
    }
}

/// Each file's symbols, made again only when the file's bytes change.
final class SymbolCache {
    private var entries: [String: FileSymbols] = [:]

    var count: Int { entries.count }

    func symbols(_ file: SourceFile) -> FileSymbols {
        if let entry = entries[file.path], entry.file.bytes == file.bytes { return entry }
        let symbols = FileSymbols(file)
        entries[file.path] = symbols
        return symbols
    }

    func keep(only paths: Set<String>) {
        entries = entries.filter { paths.contains($0.key) }
    }
}
