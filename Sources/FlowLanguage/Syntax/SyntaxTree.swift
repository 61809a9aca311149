/// The language has one statement shape: `keyword argument* [{ statement* }]`, ended by a line
/// break or `;`. Declarations (`org`, `flow`, …) and their properties (`kind`, `level`, …) are all
/// statements; their meaning is given by the schema in FlowModel. Comments are kept for `fmt`.
///
/// A view of one record of the tree's shared storage: copying it costs one reference count, and
/// its tokens and statements are read in place (lowering reads every property line once, and a
/// node of its own per line, with an array of arguments, was most of the cost of parsing).
public struct SyntaxNode: Sendable, Hashable {
    let storage: SyntaxStorage
    let index: Int

    init(_ storage: SyntaxStorage, index: Int) {
        self.storage = storage
        self.index = index
    }

    private var record: NodeRecord { storage.records.nodes[index] }

    public var keyword: Token { Token(storage.records.tokens[record.keyword], in: storage) }

    /// Words, strings, `->` and `,` in source order.
    public var arguments: SyntaxTokens {
        let record = record
        return SyntaxTokens(records: RecordRange(storage: storage, range: (record.keyword + 1)..<record.argumentsEnd))
    }

    public var block: SyntaxBlock? {
        let record = record
        guard record.block >= 0 else { return nil }
        let block = storage.records.blocks[record.block]
        return SyntaxBlock(
            openSpan: block.openSpan, statements: Array(statements),
            danglingComments: SyntaxFile.trivia(block.danglingComments, in: storage), closeSpan: block.closeSpan
        )
    }

    /// Comments on their own lines and empty lines before the statement, in source order.
    public var leadingTrivia: [Trivia] { SyntaxFile.trivia(record.leadingTrivia, in: storage) }

    public var trailingComment: Token? {
        let record = record
        return record.trailingComment >= 0 ? Token(storage.records.tokens[record.trailingComment], in: storage) : nil
    }

    public static func == (lhs: SyntaxNode, rhs: SyntaxNode) -> Bool {
        lhs.keyword == rhs.keyword && lhs.arguments.elementsEqual(rhs.arguments) && lhs.block == rhs.block
            && lhs.leadingTrivia == rhs.leadingTrivia && lhs.trailingComment == rhs.trailingComment
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(keyword)
        for argument in arguments { hasher.combine(argument) }
        hasher.combine(block)
        hasher.combine(leadingTrivia)
        hasher.combine(trailingComment)
    }

    public var name: String { keyword.text }

    /// The keyword's index in `table`, matched by its bytes without making a `Token` or `String`.
    public func keywordIndex(in table: SpellingTable) -> Int? {
        storage.records.withUTF8(of: storage.records.tokens[record.keyword], table.index(ofUTF8:))
    }

    /// The statements of the block, if any, read in place.
    public var statements: SyntaxNodes {
        let record = record
        return SyntaxNodes(records: RecordRange(storage: storage, range: record.block >= 0 ? storage.records.blocks[record.block].statements : 0..<0))
    }

    public var hasBlock: Bool { record.block >= 0 }

    /// Where the block opens, or nil without a block.
    public var blockOpenSpan: SourceSpan? {
        let record = record
        return record.block >= 0 ? storage.records.blocks[record.block].openSpan : nil
    }

    public var keywordSpan: SourceSpan { storage.records.tokens[record.keyword].span }

    /// From the keyword to the last argument or the closing brace.
    public var span: SourceSpan {
        var result = headerSpan
        let record = record
        if record.block >= 0 {
            let block = storage.records.blocks[record.block]
            result = result.union(block.closeSpan ?? block.openSpan)
        }
        return result
    }

    /// The span of the keyword and its arguments only (the statement's header line).
    public var headerSpan: SourceSpan {
        let record = record
        let keywordSpan = storage.records.tokens[record.keyword].span
        return record.argumentsEnd > record.keyword + 1 ? keywordSpan.union(storage.records.tokens[record.argumentsEnd - 1].span) : keywordSpan
    }
}

/// A statement's arguments, read in place from the tree's storage; indexed from zero.
public struct SyntaxTokens: RandomAccessCollection, Sendable {
    let records: RecordRange

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.range.count }

    public subscript(position: Int) -> Token {
        Token(record(at: position), in: records.storage)
    }

    /// The kind of the token at `position`, read without making a `Token`.
    public func kind(at position: Int) -> TokenKind { record(at: position).kind }

    // Read in place as `kind(at:)` is: lowering reads most arguments through these, and a `Token`
    // per argument was a reference count taken and given back each time.

    public func span(at position: Int) -> SourceSpan { record(at: position).span }

    /// The text of the token at `position`, as `Token.text` gives it.
    public func text(at position: Int) -> String { records.storage.records.text(of: record(at: position)) }

    /// The index of the token's text in `table`, matched by its bytes.
    public func index(at position: Int, in table: SpellingTable) -> Int? {
        records.storage.records.withUTF8(of: record(at: position), table.index(ofUTF8:))
    }

    /// Calls `body` with the UTF-8 bytes of the token's text (a string's value), read in place.
    public func withUTF8<Result>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        records.storage.records.withUTF8(of: record(at: position), body)
    }

    /// Whether the token's text starts with an ASCII letter.
    public func startsWithASCIILetter(at position: Int) -> Bool {
        records.storage.records.withUTF8(of: record(at: position), ASCII.startsWithLetter)
    }

    public func contains(kind: TokenKind) -> Bool { firstIndex(ofKind: kind) != nil }

    public func firstIndex(ofKind kind: TokenKind) -> Int? {
        let tokens = records.storage.records.tokens
        for index in records.range where tokens[index].kind == kind { return index - records.range.lowerBound }
        return nil
    }

    private func record(at position: Int) -> TokenRecord {
        records.storage.records.tokens[records.index(at: position)]
    }
}

/// A block's statements, read in place from the tree's storage; indexed from zero.
public struct SyntaxNodes: RandomAccessCollection, Sendable {
    let records: RecordRange

    public var startIndex: Int { 0 }
    public var endIndex: Int { records.range.count }

    public subscript(position: Int) -> SyntaxNode {
        SyntaxNode(records.storage, index: records.index(at: position))
    }
}

/// Consecutive records of one storage, seen from zero.
struct RecordRange: Sendable {
    let storage: SyntaxStorage
    let range: Range<Int>

    /// The storage index of `position`; traps outside the range, as an array would.
    func index(at position: Int) -> Int {
        precondition(position >= 0 && position < range.count, "index out of range")
        return range.lowerBound + position
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

    /// The trivia records in `range` of `storage`, as values.
    static func trivia(_ range: Range<Int>, in storage: SyntaxStorage) -> [Trivia] {
        storage.records.trivia[range].map { record in
            switch record {
            case .comment(let token): .comment(Token(storage.records.tokens[token], in: storage))
            case .blankLine: .blankLine
            }
        }
    }
}

/// What the formatter keeps between statements besides the statements themselves.
public enum Trivia: Sendable, Hashable {
    case comment(Token)
    case blankLine
}
