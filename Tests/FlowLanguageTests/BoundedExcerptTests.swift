import FlowLanguage
import Testing

/// What a diagnostic quotes is bounded and inert: a window of a long line, a cut token, escaped
/// control characters, nothing of a file that is not text, and columns that skip a byte-order mark.
@Suite struct BoundedExcerptTests {
    @Test func aHugeWordIsQuotedAsABoundedExcerpt() throws {
        let word = String(repeating: "w", count: 5_000_000)
        let text = "org a {\n  kind \(word)\n}\n"
        let file = SourceFile(path: "m.flow", text: text)
        let start = text.utf8.count - word.utf8.count - 3
        let diagnostic = Diagnostic(.unknownValue, "unknown organisation kind `\(word)`", at: SourceSpan(path: "m.flow", start: start, end: start + word.utf8.count))
        #expect(diagnostic.message.count < 200)
        let rendered = DiagnosticRenderer.render(diagnostic, sources: SourceMap([file]))
        #expect(rendered.utf8.count < 2_000)
        #expect(rendered.contains("2 |   kind www"))
    }

    @Test func theCaretOfASpanFarAlongALineStaysShort() throws {
        let text = String(repeating: "x", count: 3_000_000) + " @"
        let file = SourceFile(path: "m.flow", text: text)
        let offset = text.utf8.count - 1
        let rendered = DiagnosticRenderer.render(Diagnostic(.unexpectedCharacter, "unexpected character `@`", at: SourceSpan(path: "m.flow", start: offset, end: offset + 1)), sources: SourceMap([file]))
        let lines = rendered.split(separator: "\n")
        #expect(lines[0] == "m.flow:1:3000002: error[FG102]: unexpected character `@`")
        #expect(rendered.utf8.count < 1_000)
        // The caret still points at the `@` in the window shown.
        let source = try #require(lines.first { $0.hasPrefix("1 | ") })
        let caret = try #require(lines.last)
        #expect(source.hasPrefix("1 | …x") && source.hasSuffix(" @"))
        #expect(caret.count == source.count && caret.hasSuffix("^"))
    }

    @Test func controlCharactersInAMessageOrAPathAreEscaped() {
        let file = SourceFile(path: "a\u{1B}[2J\nb.flow", text: "org a\n")
        let diagnostic = Diagnostic(
            .unknownReference, "unknown `\u{1B}]0;pwned\u{07}` \u{202E}x", at: SourceSpan(path: file.path, start: 4, end: 5),
            notes: [DiagnosticNote("see \u{9B}31m")], help: "did you mean \u{1B}[8m?"
        )
        let rendered = DiagnosticRenderer.render(diagnostic, sources: SourceMap([file]))
        #expect(rendered.hasPrefix("a\\u{1B}[2J\\u{A}b.flow:1:5: error[FG121]: unknown `\\u{1B}]0;pwned\\u{7}` \\u{202E}x"))
        #expect(!rendered.unicodeScalars.contains { TerminalText.isUnsafe($0) && $0 != "\n" })
    }

    @Test func aFileThatIsNotTextIsNeverQuoted() {
        for bytes in [Array("password=hunter2\0\n".utf8), Array("password=hunter2 ".utf8) + [0xFF]] {
            let file = SourceFile(path: "x.flow", bytes: bytes)
            #expect(!file.isText)
            let rendered = DiagnosticRenderer.render(Diagnostic(.unexpectedCharacter, "unexpected character", at: SourceSpan(path: "x.flow", start: 0, end: 1)), sources: SourceMap([file]))
            #expect(rendered == "x.flow:1:1: error[FG102]: unexpected character")
        }
        #expect(SourceFile(path: "x.flow", text: "org “a” →\n").isText)
    }

    @Test func aByteOrderMarkIsSkippedAndNotCounted() throws {
        let file = SourceFile(path: "m.flow", bytes: SourceFile.byteOrderMark + Array("org @\n".utf8))
        let (_, diagnostics) = Parser.parse(file)
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1 && diagnostic.code == LanguageCode.unexpectedCharacter.rawValue)
        #expect(file.location(of: diagnostic.span!.start) == SourceLocation(line: 1, column: 5))
        #expect(DiagnosticRenderer.render(diagnostic, sources: SourceMap([file])).contains("\n1 | org @\n  |     ^\n"))
        // Anywhere else it is a character like any other: FG102.
        let inside = SourceFile(path: "m.flow", bytes: Array("org a\n".utf8) + SourceFile.byteOrderMark)
        #expect(Parser.parse(inside).diagnostics.map(\.code) == [LanguageCode.unexpectedCharacter.rawValue])
    }

    @Test func bidirectionalControlsInStringsAreWarnedAbout() {
        for text in ["org a \"x\u{202E}y\"\n", "org a \"x\\u{2067}y\"\n"] {
            let diagnostics = Parser.parse(SourceFile(path: "m.flow", text: text)).diagnostics
            #expect(diagnostics.map(\.code) == [LanguageCode.bidirectionalControl.rawValue])
            #expect(diagnostics.first?.severity == .warning)
        }
        #expect(Parser.parse(SourceFile(path: "m.flow", text: "org a \"Café → “ICB”\"\n")).diagnostics.isEmpty)
        // A warning leaves the file well formed: `fmt` still formats it.
        #expect(Formatter.format(SourceFile(path: "m.flow", text: "org   a \"x\u{202E}y\"\n")) == "org a \"x\u{202E}y\"\n")
    }
}
