import FlowLanguage
import Testing

/// The round-trip tests are only as strong as the comparison they use: it must ignore spans and
/// layout, and notice every other change.
@Suite struct StructuralComparisonTests {
    private func shape(_ text: String, keepBlankLines: Bool = false) -> SyntaxShape {
        SyntaxShape(TestSource.parse(text).syntax, SyntaxShape.Options(keepBlankLines: keepBlankLines))
    }

    @Test func layoutAndSpansAreIgnored() {
        #expect(shape("org a \"A\" {\n  kind trust\n}\n") == shape("org   a \"A\"{ kind trust }"))
        #expect(shape("a x,y") == shape("a x , y"))
        #expect(shape("# c   \nx") == shape("# c\nx"), "trailing spaces of a comment are layout")
    }

    @Test(arguments: [
        ("org a {\n kind trust\n}", "org a {\n kind icb\n}"),
        ("org a \"A\"", "org a A"),
        ("org a {}", "org a"),
        ("org a {}", "org a {\n}\nx"),
        ("# one\norg a", "org a"),
        ("org a # one", "org a"),
        ("org a {\n # one\n}", "org a {}"),
        ("org a {\n # one\n}", "# one\norg a {}"),
        ("a -> b", "a b"),
        ("a b, c", "a b c"),
        ("org a {\n  kind x\n}", "org a {\n  kind x"),
    ])
    func changesAreNoticed(_ lhs: String, _ rhs: String) {
        #expect(SyntaxShape.firstDifference(shape(lhs), shape(rhs)) != nil)
    }

    @Test func blankLinesCountOnlyWhenAsked() {
        let spaced = "a\n\nb"
        let tight = "a\nb"
        #expect(shape(spaced) == shape(tight))
        #expect(shape(spaced, keepBlankLines: true) != shape(tight, keepBlankLines: true))
    }
}
