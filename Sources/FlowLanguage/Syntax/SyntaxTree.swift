/// The language has one statement shape: `keyword argument* [{ statement* }]`, ended by a line
/// break or `;`. Declarations (`org`, `flow`, …) and their properties (`kind`, `level`, …) are all
/// statements; their meaning is given by the schema in FlowModel. Comments are kept for `fmt`.
///
/// A value type whose fields live in one copy-on-write box: the parser moves nodes through arrays
/// and lowering walks them by value, and a copy must cost one reference count, not one per token.
public struct SyntaxNode: Sendable, Hashable {
    struct Fields: Sendable, Hashable {
        var keyword: Token
        var arguments: [Token]
        var block: SyntaxBlock?
        var leadingTrivia: [Trivia]
        var trailingComment: Token?
    }

    final class Storage: @unchecked Sendable {
        // Mutated only through `SyntaxNode`'s setters, and only when uniquely referenced.
        var fields: Fields

        init(_ fields: Fields) { self.fields = fields }
    }

    private var storage: Storage

    public init(
        keyword: Token, arguments: [Token] = [], block: SyntaxBlock? = nil,
        leadingTrivia: [Trivia] = [], trailingComment: Token? = nil
    ) {
        storage = Storage(Fields(
            keyword: keyword, arguments: arguments, block: block, leadingTrivia: leadingTrivia, trailingComment: trailingComment
        ))
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
        return storage
    }

    public var keyword: Token { get { storage.fields.keyword } set { unique().fields.keyword = newValue } }

    /// Words, strings, `->` and `,` in source order.
    public var arguments: [Token] { get { storage.fields.arguments } set { unique().fields.arguments = newValue } }

    public var block: SyntaxBlock? { get { storage.fields.block } set { unique().fields.block = newValue } }

    /// Comments on their own lines and empty lines before the statement, in source order.
    public var leadingTrivia: [Trivia] { get { storage.fields.leadingTrivia } set { unique().fields.leadingTrivia = newValue } }

    public var trailingComment: Token? { get { storage.fields.trailingComment } set { unique().fields.trailingComment = newValue } }

    public static func == (lhs: SyntaxNode, rhs: SyntaxNode) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }

    public var name: String { storage.fields.keyword.text }

    /// The statements of the block, if any; read in place, without copying the block (lowering
    /// walks every block, and a copied block is four more reference counts per statement).
    public var statements: [SyntaxNode] { storage.fields.block?.statements ?? [] }

    /// Where the block opens, or nil without a block.
    public var blockOpenSpan: SourceSpan? { storage.fields.block?.openSpan }

    public var keywordSpan: SourceSpan { storage.fields.keyword.span }

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
