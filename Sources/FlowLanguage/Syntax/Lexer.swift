/// Turns a file's bytes into tokens. Never traps: any byte sequence yields tokens and diagnostics.
/// Tokens are records of kind and position; their text is read from the file when needed.
public struct Lexer {
    private let bytes: [UInt8]
    let path: SourcePath
    private var index = 0
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
        var records = SyntaxRecords(bytes: file.bytes, path: lexer.path)
        records.tokens.reserveCapacity(file.bytes.count / 4)
        while let token = lexer.nextToken() {
            records.append(token)
        }
        records.append(lexer.endOfFile)
        let storage = SyntaxStorage(records)
        return (records.tokens.map { Token($0, in: storage) }, lexer.sink.diagnostics)
    }

    /// The next token; at the end, an `endOfFile` token (again on every call).
    mutating func nextTokenOrEnd() -> TokenRecord {
        nextToken() ?? endOfFile
    }

    private var endOfFile: TokenRecord {
        TokenRecord(kind: .endOfFile, span: span(bytes.count, bytes.count))
    }

    private func span(_ start: Int, _ end: Int) -> SourceSpan {
        SourceSpan(file: path, start: start, end: end)
    }

    private mutating func nextToken() -> TokenRecord? {
        while index < bytes.count {
            let start = index
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                index += 1
            case UInt8(ascii: "\n"):
                index += 1
                return TokenRecord(kind: .terminator, span: span(start, index), flags: .lineBreak)
            case UInt8(ascii: ";"):
                return single(.terminator)
            case UInt8(ascii: "{"):
                return single(.openBrace)
            case UInt8(ascii: "}"):
                return single(.closeBrace)
            case UInt8(ascii: ","):
                return single(.comma)
            case UInt8(ascii: "#"):
                return lexComment()
            case UInt8(ascii: "\""):
                return lexString()
            case UInt8(ascii: "-") where peek(1) == UInt8(ascii: ">"):
                index += 2
                return TokenRecord(kind: .arrow, span: span(start, index))
            default:
                if Lexer.isWordStart(byte) {
                    return lexWord()
                }
                reportUnexpectedCharacter(at: start)
            }
        }
        return nil
    }

    /// A one-byte token at `index`.
    private mutating func single(_ kind: TokenKind) -> TokenRecord {
        index += 1
        return TokenRecord(kind: kind, span: span(index - 1, index))
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

    /// What each byte is to a word being lexed, looked up once per byte: words are most of a
    /// file's bytes, and a table load is a fraction of the comparisons `isWordStart` makes.
    private enum WordByte: UInt8 {
        case ends
        case continues
        /// Continues the word unless it starts an arrow (`a->b`).
        case hyphen
    }

    private static let wordBytes: [WordByte] = (0...255).map { byte in
        if byte == Int(UInt8(ascii: "-")) { return .hyphen }
        return isWordStart(UInt8(byte)) || byte == Int(UInt8(ascii: ".")) ? .continues : .ends
    }

    private mutating func lexWord() -> TokenRecord {
        let start = index
        index = Self.wordBytes.withUnsafeBufferPointer { wordBytes in
            bytes.withUnsafeBufferPointer { bytes in
                var end = start
                while end < bytes.count {
                    switch wordBytes[Int(bytes[end])] {
                    case .continues: end += 1
                    case .hyphen where end + 1 == bytes.count || bytes[end + 1] != UInt8(ascii: ">"): end += 1
                    case .hyphen, .ends: return end
                    }
                }
                return end
            }
        }
        return TokenRecord(kind: .word, span: span(start, index))
    }

    private mutating func lexComment() -> TokenRecord {
        let start = index
        index += 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
        var end = index
        if end > start + 1, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return TokenRecord(kind: .comment, span: span(start, end))
    }

    private mutating func lexString() -> TokenRecord {
        let start = index
        // Most strings have no escapes: their value is the bytes between the quotes.
        var end = index + 1
        while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\n"), bytes[end] != UInt8(ascii: "\\") {
            end += 1
        }
        if end < bytes.count, bytes[end] == UInt8(ascii: "\"") {
            index = end + 1
            reportBidirectionalControl(in: bytes[(start + 1)..<end], string: start..<index)
            return TokenRecord(kind: .string, span: span(start, index))
        }
        let scan = StringLiteral.scan(bytes, at: start) { problem, range in
            switch problem {
            case .invalidUnicodeEscape:
                sink.report(.invalidEscape, "invalid unicode escape; expected `\\u{…}` with 1–8 hex digits naming a Unicode scalar", at: span(range.lowerBound, range.upperBound))
            case .unknownEscape:
                sink.report(
                    .invalidEscape, "unknown escape sequence in string", at: span(range.lowerBound, range.upperBound),
                    help: "the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\u{XXXX}`"
                )
            }
        }
        index = scan.end
        reportBidirectionalControl(in: scan.value[...], string: start..<index)
        if !scan.isTerminated {
            sink.report(
                .unterminatedString, "unterminated string literal", at: span(start, start + 1),
                help: "close the string with `\"` on the same line; write a line break as `\\n`"
            )
        }
        var flags: TokenRecord.Flags = []
        if scan.hasEscapes { flags.insert(.escapes) }
        if !scan.isTerminated { flags.insert(.unterminated) }
        return TokenRecord(kind: .string, span: span(start, index), flags: flags)
    }

    /// A string holding a bidirectional embedding, override or isolate (U+202A–U+202E,
    /// U+2066–U+2069, written raw or as `\u{…}`) shows one text and means another: a warning.
    private mutating func reportBidirectionalControl(in value: ArraySlice<UInt8>, string: Range<Int>) {
        // All of them are E2 80 AA–AE or E2 81 A6–A9 in UTF-8; most strings hold no E2 at all.
        var position = value.startIndex
        while let lead = value[position...].firstIndex(of: 0xE2) {
            position = lead + 1
            guard lead + 2 < value.endIndex else { return }
            let second = value[lead + 1]
            let third = value[lead + 2]
            if (second == 0x80 && (0xAA...0xAE).contains(third)) || (second == 0x81 && (0xA6...0xA9).contains(third)) {
                let scalar = 0x2000 + (UInt32(second & 0x3F) << 6) + UInt32(third & 0x3F)
                sink.report(Diagnostic(
                    code: LanguageCode.bidirectionalControl.rawValue, severity: LanguageCode.bidirectionalControl.severity,
                    message: "string holds the bidirectional control U+\(String(scalar, radix: 16, uppercase: true)), which makes text display differently from what it says",
                    span: span(string.lowerBound, string.upperBound),
                    help: "remove it; text that really mixes scripts displays correctly without it"
                ))
                return
            }
        }
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
