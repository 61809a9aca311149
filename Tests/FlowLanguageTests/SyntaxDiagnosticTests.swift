import FlowLanguage
import Testing

/// Malformed input for the lexer and parser, each pinned to the one diagnostic it must produce.
struct SyntaxErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let bytes: [UInt8]
    let code: LanguageCode
    let line: Int
    let column: Int
    /// How many diagnostics the input produces in all (1 unless the case says otherwise).
    var count = 1

    init(_ name: String, _ source: String, _ code: LanguageCode, _ line: Int, _ column: Int, count: Int = 1) {
        self.init(name, bytes: Array(source.utf8), code, line, column, count: count)
    }

    init(_ name: String, bytes: [UInt8], _ code: LanguageCode, _ line: Int, _ column: Int, count: Int = 1) {
        self.name = name
        self.bytes = bytes
        self.code = code
        self.line = line
        self.column = column
        self.count = count
    }

    var testDescription: String { "\(name) → \(code.rawValue) \(line):\(column)" }

    /// 33 nested blocks: one more than the parser allows. The 33rd `{` is on line 33, column 5.
    static let tooDeep: String = {
        let depth = Parser.maximumDepth + 1
        let opens = (0..<depth).map { "b\(String($0).count == 1 ? "0\($0)" : "\($0)") {" }
        return (opens + Array(repeating: "}", count: depth)).joined(separator: "\n")
    }()

    static let all: [SyntaxErrorCase] = [
        // Lexer
        SyntaxErrorCase("unexpected ASCII character", "org a @ {}", .unexpectedCharacter, 1, 7),
        SyntaxErrorCase("unexpected non-ASCII character", "org a {\n  kind é\n}", .unexpectedCharacter, 2, 8),
        SyntaxErrorCase("lone hyphen", "flow a - b", .unexpectedCharacter, 1, 8),
        SyntaxErrorCase("control character", "org a\u{7}", .unexpectedCharacter, 1, 6),
        SyntaxErrorCase("column counts scalars", "org \"αβγ\" ~", .unexpectedCharacter, 1, 11),
        SyntaxErrorCase("unterminated string", "org a \"DSCRO\norg b", .unterminatedString, 1, 7),
        SyntaxErrorCase("unterminated string at EOF", "org a {\n  ods \"X2", .unterminatedString, 2, 7, count: 2),
        SyntaxErrorCase("unknown escape", #"org a "bad \q escape""#, .invalidEscape, 1, 12),
        SyntaxErrorCase("escape of a line break", "org a \"x\\\n", .invalidEscape, 1, 9, count: 2),
        SyntaxErrorCase("\\u without braces", #"org a "\u0041""#, .invalidEscape, 1, 8),
        SyntaxErrorCase("\\u{} empty", #"org a "\u{}""#, .invalidEscape, 1, 8),
        SyntaxErrorCase("\\u{} not hex", #"org a "\u{zz}""#, .invalidEscape, 1, 8),
        SyntaxErrorCase("\\u{} too many digits", #"org a "\u{000000041}""#, .invalidEscape, 1, 8),
        SyntaxErrorCase("\\u{} beyond Unicode", #"org a "\u{110000}""#, .invalidEscape, 1, 8),
        SyntaxErrorCase("\\u{} surrogate", #"org a "\u{D800}""#, .invalidEscape, 1, 8),
        SyntaxErrorCase("\\u{ unclosed", #"org a "\u{41""#, .invalidEscape, 1, 8),
        SyntaxErrorCase("invalid UTF-8 byte", bytes: Array("org a \"".utf8) + [0xFF, 0x22], .invalidUTF8, 1, 8),
        SyntaxErrorCase("overlong UTF-8", bytes: Array("org a\n".utf8) + [0xC0, 0x80], .invalidUTF8, 2, 1),
        SyntaxErrorCase("UTF-8 surrogate", bytes: Array("# ".utf8) + [0xED, 0xA0, 0x80], .invalidUTF8, 1, 3),
        SyntaxErrorCase("truncated UTF-8 at EOF", bytes: Array("org a é".utf8) + [0xE2, 0x82], .invalidUTF8, 1, 8),
        SyntaxErrorCase("stray continuation byte", bytes: Array("org\n  a ".utf8) + [0x80], .invalidUTF8, 2, 5),
        // Parser
        SyntaxErrorCase("stray }", "org a {}\n}\n", .unexpectedClosingBrace, 2, 1),
        SyntaxErrorCase("stray } after a statement", "use std }", .unexpectedClosingBrace, 1, 9),
        SyntaxErrorCase("unclosed { points at the opener", "org a {\n  kind trust\n", .unclosedBlock, 1, 7),
        SyntaxErrorCase(
            "unclosed outer { of two", "org a {\n  kind x\n}\nboundary b {\n  boundary c {\n  }\n",
            .unclosedBlock, 4, 12
        ),
        SyntaxErrorCase("{ on its own line", "org a\n{\n  kind trust\n}\n", .unexpectedToken, 2, 1),
        SyntaxErrorCase("string at statement start", "\"org\" a {}", .unexpectedToken, 1, 1),
        SyntaxErrorCase("string at property start", "org a {\n  \"kind\" trust\n}", .unexpectedToken, 2, 3),
        SyntaxErrorCase("arrow at statement start", "-> b", .unexpectedToken, 1, 1),
        SyntaxErrorCase("comma at statement start", "org a\n, b", .unexpectedToken, 2, 1),
        SyntaxErrorCase("tokens after }", "org a {} kind trust", .unexpectedToken, 1, 10),
        SyntaxErrorCase("second block", "org a {} {}", .unexpectedToken, 1, 10),
        SyntaxErrorCase("nesting too deep", tooDeep, .nestingTooDeep, 33, 5),
    ]
}

@Suite struct SyntaxDiagnosticTests {
    @Test(arguments: SyntaxErrorCase.all)
    func reportsCodeAtPosition(_ testCase: SyntaxErrorCase) {
        let file = SourceFile(path: "bad.flow", bytes: testCase.bytes)
        let diagnostics = Parser.parse(file).diagnostics
        let summary = TestSource.summary(diagnostics, in: file)
        #expect(summary.first == "\(testCase.code.rawValue) \(testCase.line):\(testCase.column)", "got \(summary)")
        #expect(diagnostics.count == testCase.count, "got \(summary)")
        #expect(diagnostics.allSatisfy { $0.span?.path == "bad.flow" && $0.severity == .error })
    }

    @Test func nestingAtTheLimitIsAccepted() {
        let depth = Parser.maximumDepth
        let text = (0..<depth).map { _ in "b {" }.joined(separator: "\n") + String(repeating: "\n}", count: depth)
        #expect(TestSource.parse(text).diagnostics.isEmpty)
    }

    @Test func unclosedBlocksAreEachReportedAtTheirOpener() {
        let file = TestSource.file("a {\n  b {\n    c {\n")
        let summary = TestSource.summary(Parser.parse(file).diagnostics, in: file)
        #expect(summary == ["FG106 3:7", "FG106 2:5", "FG106 1:3"])
    }

    @Test func errorHelpTextIsGiven() {
        let unterminated = TestSource.parse("org a \"x").diagnostics.first
        #expect(unterminated?.help?.contains("same line") == true)
        let brace = TestSource.parse("org a\n{\n}").diagnostics.first
        #expect(brace?.help == "move `{` to the end of the previous line")
        let escape = TestSource.parse(#"a "\z""#).diagnostics.first
        #expect(escape?.help?.contains(#"\u{XXXX}"#) == true)
    }

    @Test func tooManyErrorsStopsTheReport() {
        let text = String(repeating: "@\n", count: 500)
        let diagnostics = TestSource.parse(text).diagnostics
        #expect(diagnostics.count == DiagnosticSink.defaultLimit + 1)
        #expect(diagnostics.last?.code == LanguageCode.tooManyErrors.rawValue)
        #expect(diagnostics.dropLast().allSatisfy { $0.code == LanguageCode.unexpectedCharacter.rawValue })
    }

    @Test func validEscapesDecode() throws {
        let source = #"a "q\" b\\ n\n t\t u\u{41}\u{1F600}\u{0}""#
        let (syntax, diagnostics) = TestSource.parse(source)
        #expect(diagnostics.isEmpty)
        let value = try #require(syntax.statements.first?.arguments.first)
        #expect(value.kind == .string)
        #expect(value.text == "q\" b\\ n\n t\t uA😀\u{0}")
    }
}
