public enum TokenKind: Sendable, Hashable {
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

public struct Token: Sendable, Hashable {
    public let kind: TokenKind
    /// Decoded text: the word itself, a string's value, or a comment's text after `#`.
    public let text: String
    public let span: SourceSpan
    /// For `terminator` tokens: true when it is a line break (as opposed to `;`).
    public let isLineBreak: Bool

    public init(kind: TokenKind, text: String, span: SourceSpan, isLineBreak: Bool = false) {
        self.kind = kind
        self.text = text
        self.span = span
        self.isLineBreak = isLineBreak
    }
}
