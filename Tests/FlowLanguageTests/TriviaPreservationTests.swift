import FlowLanguage
import Testing

/// Comments (leading, trailing, dangling at block end and at file end) and single blank lines
/// survive formatting; runs of blank lines become one.
@Suite struct TriviaPreservationTests {
    private func formatted(_ source: String) throws -> String {
        try #require(TestSource.format(source), "does not parse: \(TestSource.parse(source).diagnostics.map(\.message))")
    }

    @Test func leadingCommentsAreKept() throws {
        #expect(try formatted(TriviaFixtures.leading) == """
            # File header

            # About a
            org a {
              # About kind
              kind trust
            }

            """)
    }

    @Test func trailingCommentsAreKeptAndTrimmed() throws {
        #expect(try formatted(TriviaFixtures.trailing) == """
            org a {
              kind trust # the kind
              public-authority yes # yes
            } # end of a

            use std # the library

            """)
    }

    @Test func danglingCommentsAreKept() throws {
        #expect(try formatted(TriviaFixtures.dangling) == """
            org a {
              kind trust

              # dangling at block end
            }

            org b {
              # only a comment
            }
            # dangling at file end

            """)
    }

    @Test func singleBlankLinesAreKeptAndRunsCollapse() throws {
        #expect(try formatted(TriviaFixtures.blankLines) == """
            use std

            include "a.flow"
            include "b.flow"

            org a {
              kind trust

              ods "X"
            }

            """)
    }

    /// The parser records a run of blank lines as one blank line, wherever the run is.
    @Test func aRunOfBlankLinesIsOneTriviaItem() throws {
        let (syntax, _) = TestSource.parse("a\n\n\n\n# c\n\n\n\nb {\n  x\n\n\n  y\n\n\n}\n\n\n")
        #expect(syntax.statements.map(\.leadingTrivia.count) == [0, 3])
        let b = try #require(syntax.statements.last)
        #expect(b.leadingTrivia.first == .blankLine && b.leadingTrivia.last == .blankLine)
        #expect(b.block?.statements.last?.leadingTrivia == [.blankLine])
        #expect(b.block?.danglingComments == [.blankLine])
        #expect(syntax.danglingComments == [.blankLine])
    }

    @Test func crlfBecomesLF() throws {
        #expect(try formatted(TriviaFixtures.crlf) == "# windows\norg a {\n  kind trust # t\n\n  ods \"X\"\n}\n")
    }

    /// Regression: a comment ending in `\r` and blanks was written back as `#…\r\n`; the lexer then
    /// dropped the `\r`, so a second `fmt` changed the file again.
    @Test(arguments: ["# a\r \nx", "# a\r\t\r\nx", "x # a\r \n", "x {\n  # a\r \n}"])
    func carriageReturnsEndingACommentAreTrimmed(_ source: String) throws {
        let once = try formatted(source)
        #expect(!once.contains("\r"))
        #expect(try formatted(once) == once)
    }

    @Test func commentAfterOpeningBraceLeadsTheFirstStatement() throws {
        #expect(try formatted("org a { # about a\n  kind trust\n}") == "org a {\n  # about a\n  kind trust\n}\n")
    }

    @Test func commentTextIsNotReinterpreted() throws {
        let source = "# { } \" -> , ; \\u{zz} é\norg a {}\n"
        #expect(try formatted(source) == source)
    }

    @Test func emptyAndCommentOnlyFiles() throws {
        #expect(try formatted("") == "")
        #expect(try formatted("\n\n\n") == "")
        #expect(try formatted("# only\n\n\n# comments") == "# only\n\n# comments\n")
    }

    @Test(arguments: TriviaFixtures.all)
    func everyCommentSurvives(_ fixture: ConstructFixture) throws {
        let source = fixture.source
        let before = TestSource.parse(source).syntax
        let after = TestSource.parse(try formatted(source)).syntax
        expectSameStructure(before, after)
        #expect(comments(in: before) == comments(in: after))
        #expect(!comments(in: before).isEmpty || source == TriviaFixtures.blankLines)
    }

    private func comments(in file: SyntaxFile) -> [String] {
        collect(file.statements, file.danglingComments)
    }

    private func collect(_ statements: [SyntaxNode], _ dangling: [Trivia]) -> [String] {
        var result: [String] = []
        func add(_ trivia: [Trivia]) {
            for case .comment(let token) in trivia { result.append(token.text.trimmingTrailingBlanks) }
        }
        for node in statements {
            add(node.leadingTrivia)
            if let comment = node.trailingComment { result.append(comment.text.trimmingTrailingBlanks) }
            if let block = node.block { result += collect(block.statements, block.danglingComments) }
        }
        add(dangling)
        return result
    }
}

private extension String {
    var trimmingTrailingBlanks: String {
        var text = self
        while let last = text.last, last == " " || last == "\t" || last == "\r" { text.removeLast() }
        return text
    }
}
