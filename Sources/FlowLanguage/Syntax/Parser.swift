/// Builds a `SyntaxFile` from tokens. Recovers at statement boundaries so that one run reports
/// every independent error; never recurses deeper than `maximumDepth`.
public struct Parser {
    public static let maximumDepth = 32

    /// Tokens are pulled one at a time: the grammar never looks further ahead than the current
    /// token, and a token array for a large estate cost more memory than the whole model.
    private var lexer: Lexer
    private var current: TokenRecord
    private var depth = 0
    /// The parser's own diagnostics; the lexer keeps its own, and they are merged lexer-first.
    private var sink = DiagnosticSink()
    /// The current top-level statement's records. Handed over to the consumer when the statement
    /// is complete, then emptied and reused: one file's parse allocates almost nothing per statement.
    private var records: SyntaxRecords
    /// Each long word's one `String`, for the whole file (records keep them per statement).
    private var texts = TextInterner()
    /// Reused while a block's statements are gathered at each depth, then appended to the storage
    /// together: a block's statements must be stored next to each other, after their own blocks'.
    private var blockBuffers: [[NodeRecord]] = []

    private init(lexer: Lexer, bytes: [UInt8]) {
        self.lexer = lexer
        records = SyntaxRecords(bytes: bytes, path: lexer.path)
        current = self.lexer.nextTokenOrEnd()
    }

    /// Parses a source file: UTF-8 validation, lexing and parsing, with all their diagnostics.
    public static func parse(_ file: SourceFile) -> (syntax: SyntaxFile, diagnostics: [Diagnostic]) {
        var statements: [SyntaxNode] = []
        let (comments, diagnostics) = parse(file) { statements.append($0) }
        return (SyntaxFile(path: file.path, statements: statements, danglingComments: comments), diagnostics)
    }

    /// Parses a source file as `parse(_:)` does, but hands each top-level statement to `body` as
    /// soon as it is complete, in source order, instead of building the whole tree: a consumer
    /// that lowers each statement at once works on syntax still in the cache, and a large file's
    /// tree never exists in memory all at once. Returns the comments after the last statement and
    /// the diagnostics.
    public static func parse(_ file: SourceFile, eachStatement body: (SyntaxNode) -> Void) -> (danglingComments: [Trivia], diagnostics: [Diagnostic]) {
        if let invalidOffset = UTF8Validation.firstInvalidOffset(in: file.bytes) {
            let diagnostic = Diagnostic(
                .invalidUTF8, "file is not valid UTF-8 (byte 0x\(String(file.bytes[invalidOffset], radix: 16, uppercase: true)))",
                at: SourceSpan(path: file.path, start: invalidOffset, end: invalidOffset + 1),
                help: "save the file as UTF-8"
            )
            return ([], [diagnostic])
        }
        var parser = Parser(lexer: Lexer(file: file), bytes: file.bytes)
        let comments = parser.parseStatements(openedBy: nil) { parser, node in parser.handOver(node, to: body) }
        let dangling = SyntaxFile.trivia(comments, in: SyntaxStorage(parser.records))
        // As if lexing had finished before parsing began: lexer diagnostics first, one shared limit.
        var diagnostics = parser.lexer.sink
        for diagnostic in parser.sink.diagnostics { diagnostics.report(diagnostic) }
        return (dangling, diagnostics.diagnostics)
    }

    /// Hands a complete top-level statement to `body`, then empties the records for the next one.
    /// When the consumer kept the statement, its tree keeps the arrays and new ones are started
    /// (small ones: keeping the capacity of a large statement for every statement after it would
    /// multiply a large file's memory).
    private mutating func handOver(_ node: NodeRecord, to body: (SyntaxNode) -> Void) {
        records.nodes.append(node)
        var storage: SyntaxStorage? = SyntaxStorage(records)
        body(SyntaxNode(storage!, index: records.nodes.count - 1))
        let isKept = !isKnownUniquelyReferenced(&storage!)
        storage = nil
        if isKept { records = SyntaxRecords(bytes: records.bytes, path: records.path) } else { records.removeRecords() }
    }

    /// Appends an argument: a long word is interned, so a name written many times is one string.
    private mutating func appendArgument(_ token: TokenRecord) {
        let range = token.span.start..<token.span.end
        if token.kind == .word, range.count > TextInterner.inlineLimit {
            records.append(token, text: texts.text(of: records.bytes, range))
        } else {
            records.append(token)
        }
    }

    private mutating func advance() {
        if current.kind != .endOfFile { current = lexer.nextTokenOrEnd() }
    }

    /// Parses statements up to the `}` closing `openBrace` (or the end of the file), handing each
    /// to `emit`; returns the range of the storage's trivia after the last one.
    private mutating func parseStatements(openedBy openBrace: TokenRecord?, _ emit: (inout Parser, NodeRecord) -> Void) -> Range<Int> {
        // The comments and blank lines since the last statement, appended to the storage's trivia
        // as they come: nothing else is stored until the next statement starts.
        var pendingStart = records.trivia.count
        var lineBreaksInARow = 0
        // A `{` or the file start counts as a line start, so `{\n\n` is one blank line.
        var seenContent = false
        while true {
            let token = current
            switch token.kind {
            case .terminator:
                if token.isLineBreak {
                    lineBreaksInARow += 1
                    if lineBreaksInARow == 2, seenContent, records.trivia.count == pendingStart || records.trivia.last != .blankLine {
                        records.trivia.append(.blankLine)
                    }
                }
                advance()
                continue
            case .comment:
                // Comments on their own lines lead the next statement (or dangle at the end).
                let comment = records.append(token)
                records.trivia.append(.comment(token: comment))
                seenContent = true
                lineBreaksInARow = 0
                advance()
                continue
            case .closeBrace:
                if openBrace != nil { return pendingStart..<records.trivia.count }
                sink.report(.unexpectedClosingBrace, "unexpected `}` with no matching `{`", at: token.span)
                advance()
            case .endOfFile:
                if let openBrace {
                    sink.report(
                        .unclosedBlock, "block is never closed", at: openBrace.span,
                        help: "add `}` to close this block"
                    )
                }
                return pendingStart..<records.trivia.count
            case .word:
                let leadingTrivia = pendingStart..<records.trivia.count
                var node = parseStatement()
                node.leadingTrivia = leadingTrivia
                emit(&self, node)
                pendingStart = records.trivia.count
            case .openBrace:
                sink.report(
                    .unexpectedToken, "`{` must be on the same line as the statement it opens", at: token.span,
                    help: "move `{` to the end of the previous line"
                )
                skipBalancedBlock()
            case .string, .arrow, .comma:
                sink.report(.unexpectedToken, "expected a keyword at the start of a statement, found \(describe(token))", at: token.span)
                skipToEndOfStatement()
            }
            lineBreaksInARow = 0
            seenContent = true
        }
    }

    private mutating func parseStatement() -> NodeRecord {
        let keyword = records.append(current)
        advance()
        while current.kind.isArgument {
            appendArgument(current)
            advance()
        }
        var node = NodeRecord(keyword: keyword, argumentsEnd: records.tokens.count)
        if current.kind == .openBrace {
            node.block = parseBlock()
        }
        switch current.kind {
        case .comment:
            node.trailingComment = records.append(current)
            advance()
        case .terminator, .closeBrace, .endOfFile:
            break
        default:
            sink.report(.unexpectedToken, "expected the end of the statement, found \(describe(current))", at: current.span,
                        help: "start each statement on its own line, or separate statements with `;`")
            skipToEndOfStatement()
        }
        return node
    }

    /// The index of the block's record, or -1 when it is nested too deep (and skipped).
    private mutating func parseBlock() -> Int {
        let open = current
        if depth >= Parser.maximumDepth {
            sink.report(.nestingTooDeep, "blocks are nested more than \(Parser.maximumDepth) deep", at: open.span)
            skipBalancedBlock()
            return -1
        }
        advance()
        if blockBuffers.count == depth { blockBuffers.append([]) }
        let level = depth
        depth += 1
        let comments = parseStatements(openedBy: open) { parser, node in parser.blockBuffers[level].append(node) }
        depth -= 1
        let statementsStart = records.nodes.count
        records.nodes.append(contentsOf: blockBuffers[level])
        blockBuffers[level].removeAll(keepingCapacity: true)
        var closeSpan: SourceSpan?
        if current.kind == .closeBrace {
            closeSpan = current.span
            advance()
        }
        records.blocks.append(BlockRecord(
            openSpan: open.span, closeSpan: closeSpan, statements: statementsStart..<records.nodes.count, danglingComments: comments
        ))
        return records.blocks.count - 1
    }

    /// Skips from a `{` to its matching `}` without recursion (input may be nested arbitrarily deep).
    private mutating func skipBalancedBlock() {
        var level = 0
        repeat {
            switch current.kind {
            case .openBrace: level += 1
            case .closeBrace: level -= 1
            case .endOfFile: return
            default: break
            }
            advance()
        } while level > 0
    }

    private mutating func skipToEndOfStatement() {
        while true {
            switch current.kind {
            case .terminator, .endOfFile, .closeBrace:
                return
            case .openBrace:
                skipBalancedBlock()
            default:
                advance()
            }
        }
    }

    private func describe(_ token: TokenRecord) -> String {
        switch token.kind {
        case .word: "`\(records.text(of: token))`"
        case .string: "a string"
        case .arrow: "`->`"
        case .comma: "`,`"
        case .openBrace: "`{`"
        case .closeBrace: "`}`"
        case .terminator: "the end of the line"
        case .comment: "a comment"
        case .endOfFile: "the end of the file"
        }
    }
}

enum UTF8Validation {
    /// The offset of the first byte that is not part of valid UTF-8, or nil when valid.
    static func firstInvalidOffset(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                if byte < 0x80 { index = endOfASCII(in: bytes, from: index + 1); continue }
                let length: Int
                let minimum: UInt32
                var scalar: UInt32
                switch byte {
                case 0xC2...0xDF: length = 2; minimum = 0x80; scalar = UInt32(byte & 0x1F)
                case 0xE0...0xEF: length = 3; minimum = 0x800; scalar = UInt32(byte & 0x0F)
                case 0xF0...0xF4: length = 4; minimum = 0x10000; scalar = UInt32(byte & 0x07)
                default: return index
                }
                guard index + length <= count else { return index }
                for offset in 1..<length {
                    let continuation = bytes[index + offset]
                    guard continuation & 0xC0 == 0x80 else { return index }
                    scalar = (scalar << 6) | UInt32(continuation & 0x3F)
                }
                if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return index }
                index += length
            }
            return nil
        }
    }

    /// Where the run of ASCII bytes from `index` ends, found eight bytes at a time: nearly all of a
    /// model is ASCII.
    private static func endOfASCII(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var index = start
        while index + 8 <= bytes.count, bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
            index += 8
        }
        while index < bytes.count, bytes[index] < 0x80 { index += 1 }
        return index
    }
}
