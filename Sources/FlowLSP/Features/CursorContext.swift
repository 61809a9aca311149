import FlowLanguage

/// Where in a file's syntax an offset falls: the declaration around it, the property line it is
/// on, and the token under it.
struct CursorContext {
    /// The innermost declaration whose header or block holds the offset (a nested boundary's own).
    var declaration: SyntaxNode?
    /// The statement inside the declaration's block whose line holds the offset.
    var property: SyntaxNode?
    /// The statement the offset's token belongs to: the property, or the declaration's header.
    var statement: SyntaxNode?
    /// The token under the offset (a word or a string), with its index among the statement's
    /// arguments (nil for the statement's keyword).
    var token: Token?
    var argumentIndex: Int?

    init(_ file: SourceFile, offset: Int) {
        let syntax = Parser.parse(file).syntax
        guard let top = syntax.statements.first(where: { Self.holds($0, offset) }) else { return }
        var declaration = top
        while true {
            if offset <= declaration.headerSpan.end {
                statement = declaration
                break
            }
            guard let inner = declaration.statements.first(where: { Self.holds($0, offset) }) else { break }
            if inner.hasBlock, offset > inner.headerSpan.end {
                declaration = inner
                continue
            }
            property = inner
            statement = inner
            break
        }
        self.declaration = declaration
        guard let statement else { return }
        if statement.keywordSpan.start <= offset, offset <= statement.keywordSpan.end {
            token = statement.keyword
            return
        }
        let arguments = statement.arguments
        for position in 0..<arguments.count {
            let span = arguments.span(at: position)
            if span.start <= offset, offset <= span.end, arguments.kind(at: position) == .word || arguments.kind(at: position) == .string {
                token = arguments[position]
                argumentIndex = position
                return
            }
        }
    }

    /// Whether the statement's text holds the offset; a block never closed runs to the file's end.
    private static func holds(_ node: SyntaxNode, _ offset: Int) -> Bool {
        guard node.span.start <= offset else { return false }
        if let block = node.block, block.closeSpan == nil { return true }
        return offset <= node.span.end
    }
}
