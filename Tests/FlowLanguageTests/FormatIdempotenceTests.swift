import FlowLanguage
import Testing

/// `format(parse(format(x))) == format(x)` for every `.flow` file in the repository and every fixture.
@Suite struct FormatIdempotenceTests {
    @Test func repositoryHasFlowFiles() {
        #expect(RepositoryFiles.flowFiles.contains("Sources/FlowModel/Library/std/national.flow"),
                "walked from \(RepositoryFiles.packageRoot.path), found \(RepositoryFiles.flowFiles)")
        #expect(!RepositoryFiles.flowFiles.contains { $0.hasPrefix(".build") })
    }

    @Test(arguments: RepositoryFiles.flowFiles)
    func repositoryFileIsIdempotent(_ path: String) throws {
        let bytes = try #require(RepositoryFiles.bytes(path))
        let source = SourceFile(path: path, bytes: bytes)
        let (syntax, diagnostics) = Parser.parse(source)
        guard diagnostics.isEmpty else {
            // A file being edited may not parse; the formatter must then refuse rather than guess.
            #expect(Formatter.format(source) == nil)
            return
        }
        expectIdempotent(Formatter.format(syntax), path: path)
    }

    @Test func shippedLibraryIsCanonical() throws {
        for path in RepositoryFiles.flowFiles where path.hasPrefix("Sources/FlowModel/Library/") {
            let bytes = try #require(RepositoryFiles.bytes(path))
            let formatted = Formatter.format(SourceFile(path: path, bytes: bytes))
            #expect(formatted.map { Array($0.utf8) } == bytes, "`flowgate fmt` would change \(path)")
        }
    }

    @Test(arguments: ConstructFixture.all + TriviaFixtures.all + [ConstructFixture(name: "every construct", source: ConstructFixture.combined)])
    func fixtureIsIdempotent(_ fixture: ConstructFixture) throws {
        let formatted = try #require(TestSource.format(fixture.source), "fixture does not parse")
        expectIdempotent(formatted, path: TestSource.path)
    }

    @Test func brokenInputIsNeverFormatted() {
        for source in ["org a {", "}", "org a \"x", "org a {} {}", "\"x\""] {
            #expect(TestSource.format(source) == nil, "formatted broken input \(source.debugDescription)")
        }
    }

    private func expectIdempotent(_ formatted: String, path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let again = Formatter.format(SourceFile(path: path, text: formatted))
        #expect(again == formatted, "format(parse(format(x))) != format(x) for \(path)", sourceLocation: sourceLocation)
    }
}
