/// Turns a file's bytes into tokens. Never traps: any byte sequence yields tokens and diagnostics.
public struct Lexer {
    private let bytes: [UInt8]
    private let path: SourcePath
    private var index = 0
    private var words = TextInterner()
    public private(set) var sink: DiagnosticSink

    public init(file: SourceFile, sink: DiagnosticSink = DiagnosticSink()) {
        self.bytes = file.bytes
        self.path = SourcePath.interned(file.path)
        self.sink = sink
        // Editors on Windows often save a UTF-8 byte-order mark; it is not part of the text.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
    }

    public static func tokenize(_ file: SourceFile) -> (tokens: [Token], diagnostics: [Diagnostic]) {
        var lexer = Lexer(file: file)
        let tokens = lexer.tokenize()
        return (tokens, lexer.sink.diagnostics)
    }

    public mutating func tokenize() -> [Token] {
        var tokens: [Token] = []
        tokens.reserveCapacity(bytes.count / 4)
        while let token = nextToken() {
            tokens.append(token)
        }
        tokens.append(endOfFile)
        return tokens
    }

    /// The next token; at the end, an `endOfFile` token (again on every call).
    mutating func nextTokenOrEnd() -> Token {
        nextToken() ?? endOfFile
    }

    private var endOfFile: Token {
        Token(kind: .endOfFile, text: "", span: span(bytes.count, bytes.count))
    }

    private func span(_ start: Int, _ end: Int) -> SourceSpan {
        SourceSpan(file: path, start: start, end: end)
    }

    private mutating func nextToken() -> Token? {
        while index < bytes.count {
            let start = index
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                return Token(kind: .terminator, text: "\n", span: span(start, index), isLineBreak: true)
            case UInt8(ascii: ";"):
                index += 1
                return Token(kind: .terminator, text: ";", span: span(start, index))
            case UInt8(ascii: "{"):
                index += 1
                return Token(kind: .openBrace, text: "{", span: span(start, index))
            case UInt8(ascii: "}"):
                index += 1
                return Token(kind: .closeBrace, text: "}", span: span(start, index))
            case UInt8(ascii: ","):
                index += 1
                return Token(kind: .comma, text: ",", span: span(start, index))
            case UInt8(ascii: "#"):
                return lexComment()
            case UInt8(ascii: "\""):
                return lexString()
            case UInt8(ascii: "-") where peek(1) == UInt8(ascii: ">"):
                index += 2
                return Token(kind: .arrow, text: "->", span: span(start, index))
            default:
                if Lexer.isWordStart(byte) {
                    return lexWord()
                }
                reportUnexpectedCharacter(at: start)
            }
        }
        return nil
    }

    private func peek(_ offset: Int) -> UInt8? {
        let position = index + offset
        return position < bytes.count ? bytes[position] : nil
    }

    static func isWordStart(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
            || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            || byte == UInt8(ascii: "_")
    }

    static func isWordContinuation(_ byte: UInt8) -> Bool {
        isWordStart(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
    }

    private mutating func lexWord() -> Token {
        let start = index
        while index < bytes.count, Lexer.isWordContinuation(bytes[index]) {
            // `a->b`: the hyphen belongs to the arrow, not the word.
            if bytes[index] == UInt8(ascii: "-"), peek(1) == UInt8(ascii: ">") { break }
            index += 1
        }
        return Token(kind: .word, text: words.text(of: bytes, start..<index), span: span(start, index))
    }

    private mutating func lexComment() -> Token {
        let start = index
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        var end = index
        if end > start + 1, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        let text = String(decoding: bytes[(start + 1)..<max(start + 1, end)], as: UTF8.self)
        return Token(kind: .comment, text: text, span: span(start, end))
    }

    private mutating func lexString() -> Token {
        let start = index
        index += 1
        // Most strings have no escapes: decode those straight from the file's bytes.
        var end = index
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\\") {
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            let text = String(decoding: bytes[index..<end], as: UTF8.self)
            index = end + 1
            return Token(kind: .string, text: text, span: span(start, index))
        }
        var value = Array(bytes[index..<end])
        index = end
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return Token(kind: .string, text: String(decoding: value, as: UTF8.self), span: span(start, index))
            }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\\") {
                lexEscape(into: &value)
                continue
            }
            value.append(byte)
            index += 1
        }
        sink.report(
            .unterminatedString, "unterminated string literal", at: span(start, start + 1),
            help: "close the string with `\"` on the same line; write a line break as `\\n`"
        )
        return Token(kind: .string, text: String(decoding: value, as: UTF8.self), span: span(start, index))
    }

    private mutating func lexEscape(into value: inout [UInt8]) {
        let start = index
        index += 1
        guard index < bytes.count else { return }
        let escaped = bytes[index]
        index += 1
        switch escaped {
        case UInt8(ascii: "\""): value.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): value.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "n"): value.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): value.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "u"):
            if let scalar = lexUnicodeEscape() {
                value.append(contentsOf: Array(String(Character(scalar)).utf8))
            } else {
                sink.report(.invalidEscape, "invalid unicode escape; expected `\\u{…}` with 1–8 hex digits naming a Unicode scalar", at: span(start, index))
            }
        default:
            if escaped == UInt8(ascii: "\n") { index -= 1 }
            sink.report(
                .invalidEscape, "unknown escape sequence in string", at: span(start, index),
                help: "the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{XXXX}`"
            )
        }
    }

    private mutating func lexUnicodeEscape() -> Unicode.Scalar? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        var digits = ""
        while index < bytes.count, bytes[index] != UInt8(ascii: "}"), bytes[index] != UInt8(ascii: "\""),
              bytes[index] != UInt8(ascii: "\n"), digits.count <= 8 {
            digits.append(Character(Unicode.Scalar(bytes[index])))
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "}") else { return nil }
        index += 1
        guard (1...8).contains(digits.count), let value = UInt32(digits, radix: 16) else { return nil }
        return Unicode.Scalar(value)
    }

    private mutating func reportUnexpectedCharacter(at start: Int) {
        // Consume the whole scalar (or one invalid byte) so columns stay meaningful.
        var end = start + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80, end - start < 4 { end += 1 }
        index = end
        // Past the sink's limit nothing more is reported: do not build messages for every byte of
        // a hostile file (tens of megabytes of control characters took minutes).
        guard !sink.isSaturated else { return }
        let text = String(decoding: bytes[start..<end], as: UTF8.self)
        let shown = text.unicodeScalars.first.map { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? "`\(text)`" : "U+\(String($0.value, radix: 16, uppercase: true))" } ?? "?"
        sink.report(
            .unexpectedCharacter, "unexpected character \(shown)", at: span(start, end),
            help: "names use ASCII letters, digits, `-`, `_` and `.`; put other text in a quoted string"
        )
    }
}
