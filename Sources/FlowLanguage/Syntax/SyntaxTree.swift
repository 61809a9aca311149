/// The language has one statement shape: `keyword argument* [{ statement* }]`, ended by a line
/// break or `;`. Declarations (`org`, `flow`, …) and their properties (`kind`, `level`, …) are all
/// statements; their meaning is given by the schema in FlowModel. Comments are kept for `fmt`.
public struct SyntaxNode: Sendable, Hashable {
    public var keyword: Token
    /// Words, strings, `->` and `,` in source order.
    public var arguments: [Token]
    public var block: SyntaxBlock?
    /// Comments on their own lines and empty lines before the statement, in source order.
    public var leadingTrivia: [Trivia]
    public var trailingComment: Token?

    public init(
        keyword: Token, arguments: [Token] = [], block: SyntaxBlock? = nil,
        leadingTrivia: [Trivia] = [], trailingComment: Token? = nil
    ) {
        self.keyword = keyword
        self.arguments = arguments
        self.block = block
        self.leadingTrivia = leadingTrivia
        self.trailingComment = trailingComment
    }

    public var name: String { keyword.text }

    /// From the keyword to the last argument or the closing brace.
    public var span: SourceSpan {
        var result = keyword.span
        if let last = arguments.last { result = result.union(last.span) }
        if let block { result = result.union(block.closeSpan ?? block.openSpan) }
        return result
    }

    /// The span of the keyword and its arguments only (the statement's header line).
    public var headerSpan: SourceSpan {
        arguments.last.map { keyword.span.union($0.span) } ?? keyword.span
    }
}

public struct SyntaxBlock: Sendable, Hashable {
    public var openSpan: SourceSpan
    public var statements: [SyntaxNode]
    /// Comments after the last statement, before the closing brace.
    public var danglingComments: [Trivia]
    /// Nil when the block was never closed (already diagnosed).
    public var closeSpan: SourceSpan?

    public init(openSpan: SourceSpan, statements: [SyntaxNode], danglingComments: [Trivia] = [], closeSpan: SourceSpan?) {
        self.openSpan = openSpan
        self.statements = statements
        self.danglingComments = danglingComments
        self.closeSpan = closeSpan
    }
}

public struct SyntaxFile: Sendable, Hashable {
    public var path: String
    public var statements: [SyntaxNode]
    /// Comments after the last statement of the file.
    public var danglingComments: [Trivia]

    public init(path: String, statements: [SyntaxNode], danglingComments: [Trivia] = []) {
        self.path = path
        self.statements = statements
        self.danglingComments = danglingComments
    }
}

/// What the formatter keeps between statements besides the statements themselves.
public enum Trivia: Sendable, Hashable {
    case comment(Token)
    case blankLine
}
