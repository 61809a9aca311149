import FlowLanguage
import Testing

/// parse → format → parse keeps the syntax tree (spans aside), and formatting is a fixpoint.
@Suite struct RoundTripTests {
    @Test(arguments: ConstructFixture.all)
    func roundTripKeepsStructure(_ fixture: ConstructFixture) throws {
        try expectRoundTrip(fixture.source)
    }

    @Test func roundTripOfEveryConstructInOneFile() throws {
        try expectRoundTrip(ConstructFixture.combined)
    }

    @Test func fixturesCoverEveryDeclarationAndTransform() {
        let declarations = [
            "model", "include", "use", "org", "boundary", "dataset", "at", "purpose", "approval", "agreement",
            "contract", "arrangement", "dpia", "gateway", "opt-out", "key", "notice", "flow", "waiver",
        ]
        let statements = TestSource.parse(ConstructFixture.combined).syntax.statements
        let keywords = Set(statements.map(\.name))
        for keyword in declarations {
            #expect(keywords.contains(keyword), "no fixture declares `\(keyword)`")
        }
        let operations = Set(statements.filter { $0.name == "at" }.compactMap { $0.arguments.dropFirst().first?.text })
        #expect(operations == ["pseudonymise", "link", "aggregate", "anonymise", "filter", "re-identify"])
        let flows = statements.filter { $0.name == "flow" }
        #expect(flows.contains { $0.arguments.firstIndex { $0.kind == .arrow } == 1 }, "a flow without an id")
        #expect(flows.contains { $0.arguments.firstIndex { $0.kind == .arrow } == 2 }, "a flow with an id")
        let nested = statements.first { $0.name == "boundary" }?.block?.statements.first { $0.name == "boundary" }
        #expect(nested?.block?.statements.contains { $0.name == "boundary" } == true, "boundaries nested two deep")
    }

    /// The formatted text of one construct is exactly the canonical layout.
    @Test func canonicalLayoutOfAMessyStatement() throws {
        let source = "flow  x a->b \"T\"{data  d;level   identifiable ; purpose p,q ,r}"
        let formatted = try #require(TestSource.format(source))
        #expect(formatted == """
            flow x a -> b "T" {
              data d
              level identifiable
              purpose p, q, r
            }

            """)
    }

    private func expectRoundTrip(_ source: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let first = TestSource.parse(source)
        #expect(first.diagnostics.isEmpty, "fixture does not parse: \(first.diagnostics.map(\.message))", sourceLocation: sourceLocation)
        let formatted = Formatter.format(first.syntax)
        let second = TestSource.parse(formatted)
        #expect(second.diagnostics.isEmpty, "formatted text does not parse: \(second.diagnostics.map(\.message))", sourceLocation: sourceLocation)
        expectSameStructure(first.syntax, second.syntax, "parse(x) vs parse(format(x))", sourceLocation: sourceLocation)

        let reformatted = Formatter.format(second.syntax)
        #expect(reformatted == formatted, "format is not a fixpoint", sourceLocation: sourceLocation)
        let third = TestSource.parse(reformatted)
        expectSameStructure(second.syntax, third.syntax, keepBlankLines: true, "parse(format(x)) vs parse(format(format(x)))", sourceLocation: sourceLocation)
    }
}
