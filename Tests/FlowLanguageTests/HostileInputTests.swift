import FlowLanguage
import Testing

/// Whatever the bytes, lexing, parsing, formatting and rendering finish with diagnostics or a tree:
/// never a trap, never unbounded output.
@Suite struct HostileInputTests {
    /// Parses, checks the invariants every result must satisfy, and renders every diagnostic.
    @discardableResult
    private func survive(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> (SyntaxFile, [Diagnostic]) {
        let file = SourceFile(path: "hostile.flow", bytes: bytes)
        let (syntax, diagnostics) = Parser.parse(file)
        #expect(diagnostics.count <= DiagnosticSink.defaultLimit + 1, sourceLocation: sourceLocation)
        let sources = SourceMap([file])
        for diagnostic in diagnostics {
            let span = diagnostic.span
            #expect(span.map { $0.start >= 0 && $0.end <= bytes.count } ?? true, "span out of bounds", sourceLocation: sourceLocation)
            let rendered = DiagnosticRenderer.render(diagnostic, sources: sources)
            #expect(rendered.hasPrefix("hostile.flow:"), sourceLocation: sourceLocation)
            #expect(!rendered.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "control character in output", sourceLocation: sourceLocation)
        }
        if diagnostics.isEmpty {
            let formatted = Formatter.format(syntax)
            #expect(Formatter.format(SourceFile(path: "hostile.flow", text: formatted)) == formatted, sourceLocation: sourceLocation)
        }
        return (syntax, diagnostics)
    }

    @Test func emptyFile() {
        let (syntax, diagnostics) = survive([])
        #expect(diagnostics.isEmpty)
        #expect(syntax.statements.isEmpty && syntax.danglingComments.isEmpty)
        #expect(Formatter.format(syntax) == "")
    }

    @Test(arguments: [1, 2, 3, 42, 2024] as [UInt64])
    func randomBinaryBytes(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let bytes = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let (_, diagnostics) = survive(bytes)
        #expect(diagnostics.map(\.code) == [LanguageCode.invalidUTF8.rawValue])
        // The lexer on its own must also cope with bytes that are not UTF-8.
        let (tokens, lexerDiagnostics) = Lexer.tokenize(SourceFile(path: "hostile.flow", bytes: bytes))
        #expect(tokens.last?.kind == .endOfFile)
        #expect(!lexerDiagnostics.isEmpty && lexerDiagnostics.count <= DiagnosticSink.defaultLimit + 1)
    }

    @Test(arguments: [7, 8, 9] as [UInt64])
    func randomASCII(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let bytes = (0..<65_536).map { _ in UInt8.random(in: 0...127, using: &generator) }
        let (_, diagnostics) = survive(bytes)
        #expect(!diagnostics.isEmpty)
        #expect(!diagnostics.contains { $0.code == LanguageCode.invalidUTF8.rawValue })
    }

    /// Random sequences of the language's own tokens reach every parser path; those that parse
    /// cleanly must round-trip through the formatter (checked in `survive`).
    @Test(arguments: [11, 12, 13, 14] as [UInt64])
    func randomTokenSoup(seed: UInt64) {
        let pieces = [
            "org", "a-b", "x.y", "1", "_", "a->", "{", "}", ",", "->", "-", "\"s\"", "\"\\u{41}\"", "\"\\u{D}\"", "\"\\u{2028}\"",
            "# c", "#", "\n", "\n\n", "\r", "\t", ";", " ", "é", "\u{85}", "\"", "\\",
        ]
        var generator = SeededGenerator(seed: seed)
        var cleanParses = 0
        for _ in 0..<2_000 {
            let count = Int.random(in: 1...25, using: &generator)
            let text = (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let (_, diagnostics) = survive(Array(text.utf8))
            if diagnostics.isEmpty { cleanParses += 1 }
        }
        #expect(cleanParses > 0, "the soup never parses: it no longer exercises the formatter")
    }

    @Test func fileInLatin1() {
        let bytes: [UInt8] = Array("org caf".utf8) + [0xE9] + Array(" \"Caf".utf8) + [0xE9, 0x22]
        let file = SourceFile(path: "hostile.flow", bytes: bytes)
        let diagnostics = Parser.parse(file).diagnostics
        #expect(TestSource.summary(diagnostics, in: file) == ["FG101 1:8"])
        #expect(diagnostics.first?.message.contains("0xE9") == true)
        #expect(diagnostics.first?.help == "save the file as UTF-8")
        survive(bytes)
    }

    @Test func tenMegabyteFile() throws {
        let declaration = Array("org organisation-00000 \"An organisation with a long title\" {\n  kind trust\n  ods \"X\"\n}\n\n".utf8)
        let count = 10 * 1024 * 1024 / declaration.count + 1
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * declaration.count)
        for index in 0..<count {
            var copy = declaration
            var digits = Array(String(index).utf8)
            digits = Array(repeating: UInt8(ascii: "0"), count: 5 - min(5, digits.count)) + digits.suffix(5)
            copy.replaceSubrange(17..<22, with: digits)
            bytes += copy
        }
        #expect(bytes.count >= 10 * 1024 * 1024)
        let (syntax, diagnostics) = Parser.parse(SourceFile(path: "big.flow", bytes: bytes))
        #expect(diagnostics.isEmpty)
        #expect(syntax.statements.count == count)
        #expect(syntax.statements.last?.block?.statements.map(\.name) == ["kind", "ods"])
        #expect(Formatter.format(syntax).utf8.count == bytes.count - 1, "canonical except for the final blank line")
    }

    @Test func tenThousandOpenBracesAfterAKeyword() {
        let text = String(repeating: "a {", count: 10_000)
        let file = SourceFile(path: "hostile.flow", text: text)
        let (_, diagnostics) = survive(Array(text.utf8))
        let codes = diagnostics.map(\.code)
        #expect(codes.first == LanguageCode.nestingTooDeep.rawValue)
        #expect(TestSource.summary(Array(diagnostics.prefix(1)), in: file) == ["FG107 1:\(Parser.maximumDepth * 3 + 3)"])
        #expect(codes.dropFirst() == ArraySlice(repeating: LanguageCode.unclosedBlock.rawValue, count: Parser.maximumDepth))
    }

    @Test func tenThousandBareOpenBraces() {
        let (_, diagnostics) = survive(Array(String(repeating: "{", count: 10_000).utf8))
        #expect(diagnostics.map(\.code) == [LanguageCode.unexpectedToken.rawValue])
    }

    @Test func tenThousandBalancedBlocks() {
        let text = String(repeating: "a {\n", count: 10_000) + String(repeating: "}\n", count: 10_000)
        let (_, diagnostics) = survive(Array(text.utf8))
        #expect(diagnostics.map(\.code) == [LanguageCode.nestingTooDeep.rawValue])
    }

    @Test func tenThousandClosingBraces() {
        let (_, diagnostics) = survive(Array(String(repeating: "}", count: 10_000).utf8))
        #expect(diagnostics.count == DiagnosticSink.defaultLimit + 1)
        #expect(diagnostics.last?.code == LanguageCode.tooManyErrors.rawValue)
        #expect(diagnostics.dropLast().allSatisfy { $0.code == LanguageCode.unexpectedClosingBrace.rawValue })
    }

    @Test func oneMegabyteStringLiteral() throws {
        let value = String(repeating: "abcdefghé\\\"", count: 1024 * 1024 / 12)
        let text = "org a \"\(value)\"\n"
        let (syntax, diagnostics) = survive(Array(text.utf8))
        #expect(diagnostics.isEmpty)
        let argument = try #require(syntax.statements.first?.arguments.last)
        #expect(argument.text.unicodeScalars.count == 10 * (1024 * 1024 / 12))
        #expect(Formatter.format(syntax) == text)
    }

    @Test func oneMegabyteUnterminatedStringRendersTruncated() throws {
        let text = "org a \"" + String(repeating: "x", count: 1024 * 1024)
        let file = SourceFile(path: "hostile.flow", text: text)
        let (_, diagnostics) = survive(Array(text.utf8))
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == LanguageCode.unterminatedString.rawValue)
        let rendered = DiagnosticRenderer.render(diagnostic, sources: SourceMap([file]))
        #expect(rendered.count < 2_000, "the excerpt of a 1 MB line is clipped")
    }

    @Test func lineOfControlCharacters() {
        let controls = (UInt8(0)..<0x20).filter { ![0x09, 0x0A, 0x0D].contains($0) } + [0x7F]
        let bytes = Array("org a ".utf8) + controls + Array(" b".utf8)
        let file = SourceFile(path: "hostile.flow", bytes: bytes)
        let (_, diagnostics) = survive(bytes)
        #expect(diagnostics.count == controls.count)
        #expect(diagnostics.allSatisfy { $0.code == LanguageCode.unexpectedCharacter.rawValue })
        #expect(TestSource.summary(diagnostics, in: file).first == "FG102 1:7")
        #expect(diagnostics.first?.message == "unexpected character U+0")
        #expect(diagnostics.last?.message == "unexpected character U+7F")
    }
}
