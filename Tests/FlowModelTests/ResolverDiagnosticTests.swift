import FlowLanguage
import FlowModel
import Testing

/// Name and consistency errors in one file, pinned to code, line and column (notes and help too).
@Suite struct ResolverDiagnosticTests {
    static let cases: [ModelErrorCase] = [
        ModelErrorCase("unknown name, did you mean", "org a {\n  kind trust\n  successor srcc\n}", .unknownReference, 3, 13,
                       help: "did you mean `src`?"),
        ModelErrorCase("unknown name, suggestion of the right kind only", "org a {\n  kind trust\n  successor caree\n}",
                       .unknownReference, 3, 13, help: ""),
        ModelErrorCase("unknown dataset in a flow", "flow src -> dst {\n  data dat\n  level identifiable\n  purpose care\n}",
                       .unknownReference, 2, 8, help: "did you mean `data`?"),
        ModelErrorCase("unknown endpoint of a flow", "flow src -> nowhere {\n  data data\n  level identifiable\n  purpose care\n}",
                       .unknownReference, 1, 13, help: ""),
        ModelErrorCase("unknown waiver target", "waiver FG015 nothing {\n  justification \"j\"\n  owner \"o\"\n  reference \"r\"\n  expires 2026-01-01\n}",
                       .unknownReference, 1, 14),
        ModelErrorCase("wrong kind, with note", "org a {\n  kind trust\n  successor care\n}", .wrongKindOfReference, 3, 13,
                       noteAt: "purpose care"),
        ModelErrorCase("dataset where an organisation is expected", "flow src -> data {\n  data data\n  level identifiable\n  purpose care\n}",
                       .wrongKindOfReference, 1, 13, noteAt: "dataset data"),
        ModelErrorCase("duplicate, note at the first", "org a {\n  kind trust\n}\n\norg a {\n  kind icb\n}", .duplicateDeclaration, 5, 1,
                       noteAt: "org a {"),
        ModelErrorCase("duplicate of another kind", "org a {\n  kind trust\n}\npurpose a {\n  category research\n}",
                       .duplicateDeclaration, 4, 1, noteAt: "org a"),
        ModelErrorCase("transform output that is already a dataset", "at src anonymise data -> data2\ndataset data2 {\n  origin england-health\n}",
                       .duplicateDeclaration, 2, 1, noteAt: "at src"),
        ModelErrorCase("duplicate flow ids derived from endpoints",
                       "flow src -> dst {\n  data data\n  level identifiable\n  purpose care\n}\nflow src -> dst {\n  data data\n  level aggregate\n  purpose care\n}",
                       .duplicateDeclaration, 6, 1, noteAt: "flow src"),
        ModelErrorCase("processor for itself", "org a {\n  kind supplier\n  processor-for a\n}", .inconsistentDeclaration, 1, 1),
        ModelErrorCase("valid until before valid from", "org a {\n  kind trust\n  valid-from 2024-01-02\n  valid-until 2024-01-01\n}",
                       .inconsistentDeclaration, 1, 1),
        ModelErrorCase("approval ending before it starts", "approval ap {\n  regulation 5\n  valid-from 2024-01-02\n  valid-until 2023-12-31\n}",
                       .inconsistentDeclaration, 1, 1),
        ModelErrorCase("successors in a cycle", "org a {\n  kind trust\n  successor b\n}\norg b {\n  kind trust\n  successor a\n}",
                       .inconsistentDeclaration, 5, 1, count: 2),
        ModelErrorCase("datasets derived from each other", "at src anonymise x -> y\nat src anonymise y -> x", .inconsistentDeclaration, 2, 1, count: 2),
    ]

    @Test(arguments: cases)
    func reportsCodeAtPosition(_ testCase: ModelErrorCase) {
        testCase.check()
    }

    @Test func unknownNameMessageSaysWhatWasExpected() throws {
        let result = Loading.load("org a {\n  kind trust\n  processor-for zzz\n}\n" + Prelude.text)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "unknown name `zzz`: expected an organisation")
    }

    @Test func wrongKindMessageNamesBothKinds() throws {
        let result = Loading.load("org a {\n  kind trust\n  successor data\n}\n" + Prelude.text)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "`data` is a dataset, but an organisation is expected here")
    }

    @Test func duplicateNoteNamesTheFirstKind() throws {
        let result = Loading.load("purpose src {\n  category research\n}\n" + Prelude.text)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == LanguageCode.duplicateDeclaration.rawValue)
        #expect(diagnostic.message == "`src` is already declared")
        #expect(diagnostic.notes.map(\.message) == ["a purpose `src` is declared here"])
    }
}
