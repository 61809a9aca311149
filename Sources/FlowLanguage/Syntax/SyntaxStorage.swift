/// The records a syntax tree is made of, in flat arrays that one tree shares: a node is a few
/// indices into them, not a class box with arrays of its own. Every record is trivially
/// destructible, so emptying the arrays for the next statement frees nothing element by element.
struct SyntaxRecords: Sendable {
    let bytes: [UInt8]
    let path: SourcePath
    var tokens: [TokenRecord] = []
    var nodes: [NodeRecord] = []
    var blocks: [BlockRecord] = []
    var trivia: [TriviaRecord] = []
    /// The interned texts of long words (see `TextInterner`), by `TokenRecord.internedText`.
    var texts: [String] = []

    init(bytes: [UInt8], path: SourcePath) {
        self.bytes = bytes
        self.path = path
    }

    /// Forgets every record, keeping the arrays' capacity.
    mutating func removeRecords() {
        tokens.removeAll(keepingCapacity: true)
        nodes.removeAll(keepingCapacity: true)
        blocks.removeAll(keepingCapacity: true)
        trivia.removeAll(keepingCapacity: true)
        texts.removeAll(keepingCapacity: true)
    }

    /// Appends a token and returns its index.
    @discardableResult
    mutating func append(_ token: TokenRecord) -> Int {
        tokens.append(token)
        return tokens.count - 1
    }

    /// Appends a token whose text is `text` (an interned long word's).
    mutating func append(_ token: TokenRecord, text: String) {
        var token = token
        token.internedText = Int32(texts.count)
        texts.append(text)
        tokens.append(token)
    }

    func text(of token: TokenRecord) -> String {
        if token.internedText >= 0 { return texts[Int(token.internedText)] }
        if token.hasEscapes { return String(decoding: StringLiteral.value(in: bytes, at: token.span.start), as: UTF8.self) }
        return String(decoding: bytes[token.textRange], as: UTF8.self)
    }

    func withUTF8<Result>(of token: TokenRecord, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        if token.hasEscapes { return StringLiteral.value(in: bytes, at: token.span.start).withUnsafeBufferPointer(body) }
        let range = token.textRange
        return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }
}

/// A syntax tree's records, shared by the `SyntaxNode`s and `Token`s that read them. Immutable:
/// the parser builds records in a `SyntaxRecords` of its own and hands over a finished copy, so
/// reading a tree needs no exclusivity checks, and the parser gets unshared arrays back once the
/// consumer has let go of the tree.
final class SyntaxStorage: Sendable {
    let records: SyntaxRecords

    init(_ records: SyntaxRecords) {
        self.records = records
    }
}

/// A statement: `keyword argument* [{ … }] [# comment]`.
struct NodeRecord: Sendable {
    /// The keyword's token; the arguments are the tokens after it, up to `argumentsEnd`.
    var keyword: Int
    var argumentsEnd: Int
    /// Indices into the storage's trivia.
    var leadingTrivia: Range<Int> = 0..<0
    /// A block's index, or -1.
    var block: Int = -1
    /// A comment token's index, or -1.
    var trailingComment: Int = -1
}

struct BlockRecord: Sendable {
    var openSpan: SourceSpan
    /// Nil when the block was never closed (already diagnosed).
    var closeSpan: SourceSpan?
    /// Node indices: a block's statements are stored next to each other.
    var statements: Range<Int>
    /// Trivia indices: the comments after the last statement.
    var danglingComments: Range<Int>
}

enum TriviaRecord: Sendable, Equatable {
    case comment(token: Int)
    case blankLine
}
