import FlowLanguage
import Testing

/// The exact text of rendered diagnostics: `file:line:col: error[FGnnn]: message`, the gutter, the
/// source line, carets under the span, then notes and help.
@Suite struct DiagnosticRendererTests {
    private static let path = "flows/a.flow"
    private static let source = "org a {\n  kind trust\n  level pseudo\n}\n"

    /// The byte span of the `occurrence`-th (1-based) appearance of `text` in the source.
    private func span(of text: String, in source: String = source, occurrence: Int = 1) throws -> SourceSpan {
        let bytes = Array(source.utf8)
        let needle = Array(text.utf8)
        var found = 0
        for start in 0...(bytes.count - needle.count) where Array(bytes[start..<(start + needle.count)]) == needle {
            found += 1
            if found == occurrence { return SourceSpan(path: Self.path, start: start, end: start + needle.count) }
        }
        throw SpanNotFound()
    }

    private struct SpanNotFound: Error {}

    private func render(_ diagnostic: Diagnostic, source: String = source) -> String {
        DiagnosticRenderer.render(diagnostic, sources: SourceMap([SourceFile(path: Self.path, text: source)]))
    }

    @Test func goldenWithNoteAndHelp() throws {
        let diagnostic = Diagnostic(
            .unknownValue, "unknown identifiability level `pseudo`", at: try span(of: "pseudo"),
            notes: [DiagnosticNote("the property is here", at: try span(of: "level")), DiagnosticNote("valid values: identifiable, aggregate")],
            help: "did you mean `pseudonymised`?"
        )
        #expect(render(diagnostic) == """
            flows/a.flow:3:9: error[FG112]: unknown identifiability level `pseudo`
              |
            3 |   level pseudo
              |         ^^^^^^
               = note: the property is here (flows/a.flow:3:3)
               = note: valid values: identifiable, aggregate
               = help: did you mean `pseudonymised`?
            """)
    }

    @Test func gutterWidensWithTheLineNumber() throws {
        let source = String(repeating: "\n", count: 11) + "org a b\n"
        let diagnostic = Diagnostic(code: "FG015", severity: .warning, message: "a finding", span: try span(of: "a b", in: source))
        #expect(render(diagnostic, source: source) == """
            flows/a.flow:12:5: warning[FG015]: a finding
               |
            12 | org a b
               |     ^^^
            """)
    }

    @Test func withoutSpanOrWithoutSource() {
        #expect(render(Diagnostic(.noInput, "no .flow files found", at: nil)) == "error[FG128]: no .flow files found")
        let elsewhere = Diagnostic(.unreadableFile, "cannot read", at: SourceSpan(path: "gone.flow", start: 0, end: 1))
        #expect(render(elsewhere) == "gone.flow: error[FG100]: cannot read")
    }

    @Test func spanAtEndOfFileAfterLineBreak() {
        let source = "org a {\n"
        let end = source.utf8.count
        let diagnostic = Diagnostic(.unclosedBlock, "block is never closed", at: SourceSpan(path: Self.path, start: end, end: end))
        #expect(render(diagnostic, source: source) == """
            flows/a.flow:2:1: error[FG106]: block is never closed
              |
            2 | \("")
              | ^
            """)
    }

    @Test func spanAtEndOfFileWithoutLineBreak() {
        let source = "org a {"
        let end = source.utf8.count
        let diagnostic = Diagnostic(.unclosedBlock, "block is never closed", at: SourceSpan(path: Self.path, start: end, end: end + 5))
        #expect(render(diagnostic, source: source) == """
            flows/a.flow:1:8: error[FG106]: block is never closed
              |
            1 | org a {
              |        ^
            """)
    }

    @Test func multiLineSpanIsMarkedOnItsFirstLine() throws {
        let start = try span(of: "a {")
        let end = try span(of: "}")
        let diagnostic = Diagnostic(.unexpectedToken, "the whole block", at: start.union(end))
        #expect(render(diagnostic) == """
            flows/a.flow:1:5: error[FG108]: the whole block
              |
            1 | org a {
              |     ^^^
            """)
    }

    @Test func tabsAndControlCharactersKeepCaretsAligned() throws {
        let source = "\torg\u{1}\u{1B}[31m x\n"
        let diagnostic = Diagnostic(.unexpectedToken, "here", at: try span(of: "x", in: source))
        #expect(render(diagnostic, source: source) == """
            flows/a.flow:1:12: error[FG108]: here
              |
            1 |  org\\u{1}\\u{1B}[31m x
              | \(String(repeating: " ", count: 20))^
            """)
    }

    @Test func columnsCountScalarsNotBytes() throws {
        let source = "org \"é😀\" x\n"
        let diagnostic = Diagnostic(.unexpectedToken, "here", at: try span(of: "x", in: source))
        #expect(render(diagnostic, source: source).hasPrefix("flows/a.flow:1:10: "))
        #expect(render(diagnostic, source: source).hasSuffix("\n  |          ^"))
    }

    @Test func renderedTextMatchesTheParserDiagnostic() throws {
        let source = "org a {\n  kind é\n}\n"
        let file = SourceFile(path: Self.path, text: source)
        let diagnostic = try #require(Parser.parse(file).diagnostics.first)
        #expect(DiagnosticRenderer.render(diagnostic, sources: SourceMap([file])) == """
            flows/a.flow:2:8: error[FG102]: unexpected character U+E9
              |
            2 |   kind é
              |        ^
               = help: names use ASCII letters, digits, `-`, `_` and `.`; put other text in a quoted string
            """)
    }
}
