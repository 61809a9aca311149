public enum TokenKind: UInt8, Sendable, Hashable {
    /// A bare name or value: `dscro`, `identifiable`, `2027-09-30`, `para2`.
    case word
    /// A double-quoted string; `text` holds the decoded value.
    case string
    case arrow
    case comma
    case openBrace
    case closeBrace
    /// A line break or `;`: both end a statement.
    case terminator
    case comment
    case endOfFile

    /// Tokens that can be a statement's argument.
    var isArgument: Bool {
        switch self {
        case .word, .string, .arrow, .comma: true
        default: false
        }
    }
}

/// What the lexer knows of a token: its kind and where it is, but not its text. Trivially
/// destructible, so the syntax tree's token arrays are freed without visiting each element, and
/// no `String` is made for a token whose text nobody reads (keywords and vocabulary values are
/// matched by their bytes).
struct TokenRecord: Sendable {
    /// What the kind leaves open, one bit each.
    struct Flags: OptionSet, Sendable {
        let rawValue: UInt8

        /// A `terminator` that is a line break (as opposed to `;`).
        static let lineBreak = Flags(rawValue: 1 << 0)
        /// A `string` whose value has escapes, so it is not a plain slice of the bytes.
        static let escapes = Flags(rawValue: 1 << 1)
        /// A `string` with no closing `"` (already diagnosed): the value runs to the span's end.
        static let unterminated = Flags(rawValue: 1 << 2)
    }

    let span: SourceSpan
    let kind: TokenKind
    let flags: Flags
    /// An index into the statement's interned texts when the parser interned the word, else -1.
    var internedText: Int32 = -1

    init(kind: TokenKind, span: SourceSpan, flags: Flags = []) {
        self.span = span
        self.kind = kind
        self.flags = flags
    }

    var isLineBreak: Bool { flags.contains(.lineBreak) }
    var hasEscapes: Bool { flags.contains(.escapes) }
    var isUnterminated: Bool { flags.contains(.unterminated) }

    /// The bytes of the token's text when it is a slice of the file (not for escaped strings).
    var textRange: Range<Int> {
        switch kind {
        case .string: (span.start + 1)..<max(span.start + 1, isUnterminated ? span.end : span.end - 1)
        case .comment: (span.start + 1)..<max(span.start + 1, span.end)
        default: span.start..<span.end
        }
    }
}

/// One token of a file, as read from its syntax tree (or from `Lexer.tokenize`). A value that
/// refers to the tree's storage: its text is made when asked for, or matched in place.
public struct Token: Sendable, Hashable {
    let storage: SyntaxStorage
    let record: TokenRecord

    init(_ record: TokenRecord, in storage: SyntaxStorage) {
        self.storage = storage
        self.record = record
    }

    public var kind: TokenKind { record.kind }
    public var span: SourceSpan { record.span }
    /// For `terminator` tokens: true when it is a line break (as opposed to `;`).
    public var isLineBreak: Bool { record.isLineBreak }

    /// Decoded text: the word itself, a string's value, or a comment's text after `#`.
    public var text: String { storage.records.text(of: record) }

    /// Whether this is the word `spelling`, compared byte by byte without making a `String`.
    public func isWord(_ spelling: StaticString) -> Bool {
        guard record.kind == .word else { return false }
        return withUTF8 { bytes in
            bytes.count == spelling.utf8CodeUnitCount
                && bytes.elementsEqual(UnsafeBufferPointer(start: spelling.utf8Start, count: spelling.utf8CodeUnitCount))
        }
    }

    /// Whether `text` starts with an ASCII letter, read in place.
    public var startsWithASCIILetter: Bool { withUTF8(ASCII.startsWithLetter) }

    /// Calls `body` with the UTF-8 bytes of `text`, read in place where the text is a slice of the
    /// file (every word, and strings without escapes).
    func withUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        storage.records.withUTF8(of: record, body)
    }

    public static func == (lhs: Token, rhs: Token) -> Bool {
        lhs.kind == rhs.kind && lhs.span == rhs.span && lhs.isLineBreak == rhs.isLineBreak && lhs.text == rhs.text
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(span)
        hasher.combine(text)
    }
}
