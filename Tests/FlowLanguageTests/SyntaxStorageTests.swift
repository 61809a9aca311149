import FlowLanguage
import Testing

/// A syntax tree is records in arrays that the parser reuses from one top-level statement to the
/// next, and tokens whose text is made when read; these pin what that must not change.
@Suite struct SyntaxStorageTests {
    private let text = "# lead\norg a \"A\" {\n  kind trust # why\n}\n\norg a-name-longer-than-fifteen \"B\" {\n  kind icb\n}\n"

    @Test func nodesKeptFromAStreamedParseStayReadable() {
        var kept: [SyntaxNode] = []
        _ = Parser.parse(TestSource.file(text)) { kept.append($0) }
        #expect(kept == TestSource.parse(text).syntax.statements)
        #expect(kept.map { $0.arguments.first?.text } == ["a", "a-name-longer-than-fifteen"])
        #expect(kept.map { $0.statements.map(\.name) } == [["kind"], ["kind"]])
        #expect(kept.first?.statements.first?.trailingComment?.text == " why")
        #expect(kept.first?.leadingTrivia.count == 1)
    }

    @Test func nodesReadDuringAStreamedParseMatchTheWholeTree() {
        var seen: [String] = []
        _ = Parser.parse(TestSource.file(text)) { node in
            seen.append(node.arguments.map(\.text).joined(separator: " ") + " " + node.statements.map(\.name).joined())
        }
        #expect(seen == ["a A kind", "a-name-longer-than-fifteen B kind"])
    }

    @Test func escapedAndUnterminatedStringsReadTheirValues() {
        let (tokens, _) = Lexer.tokenize(TestSource.file("a \"x\\ty\" \"open\nb \"\\u{41}\\q"))
        #expect(tokens.filter { $0.kind == .string }.map(\.text) == ["x\ty", "open", "A"])
        #expect(tokens.map(\.kind) == [.word, .string, .string, .terminator, .word, .string, .endOfFile])
    }

    @Test func wordsAreMatchedByTheirBytes() throws {
        let node = try #require(TestSource.parse("kind yes \"yes\"").syntax.statements.first)
        #expect(node.keyword.isWord("kind") && !node.keyword.isWord("kin") && !node.keyword.isWord("kinds"))
        #expect(node.arguments[0].isWord("yes"))
        #expect(!node.arguments[1].isWord("yes"), "a string is not a word")
    }
}

@Suite struct SpellingTableTests {
    /// Lengths 1 to 20 cover each way the hash reads a spelling's last bytes.
    private let spellings = (1...20).map { String("ab-cd.ef_gh0ij1kl2mn3".prefix($0)) }

    @Test func findsEachSpellingByTextAndByKeyword() throws {
        var table = SpellingTable()
        for (index, spelling) in spellings.enumerated() {
            #expect(table.insert(spelling) == index)
        }
        #expect(table.insert(spellings[3]) == 3, "a spelling already present keeps its index")
        #expect(table.count == spellings.count && table.spellings == spellings)
        #expect(spellings.map { table.index(of: $0) } == Array(0..<20))
        let syntax = TestSource.parse(spellings.map { "\($0) x" }.joined(separator: "\n")).syntax
        #expect(syntax.statements.map { $0.keywordIndex(in: table) } == Array(0..<20))
        #expect(table.index(of: "ab-cd.ef_gh0ij1kl2mn4") == nil && table.index(of: "") == nil)
        let string = try #require(TestSource.parse("x \"ab-cd\"").syntax.statements.first?.arguments.first)
        #expect(table.index(of: string) == 4, "a string token is found by its value")
    }
}
