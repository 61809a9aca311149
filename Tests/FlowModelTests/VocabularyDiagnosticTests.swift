import FlowLanguage
import FlowModel
import Testing

/// Every closed vocabulary rejects an unknown value with FG112 at the value, lists the valid
/// spellings in a note, and suggests the nearest spelling for a typo.
struct VocabularyCase: Sendable, CustomTestStringConvertible {
    let vocabularyName: String
    let spellings: [String]
    /// A declaration (plus `Prelude`) with `VALUE` where the vocabulary's value goes.
    let template: String

    init<V: Vocabulary>(_ type: V.Type, _ template: String) {
        vocabularyName = V.vocabularyName
        spellings = V.spellings
        self.template = template
    }

    var testDescription: String { vocabularyName }

    func text(with value: String) -> String { template.replacingOccurrences(of: "VALUE", with: value) + "\n" + Prelude.text }

    static let flow = "flow src -> dst {\n  data data\n  level identifiable\n  purpose care\n"

    static let all: [VocabularyCase] = [
        VocabularyCase(OrganisationKind.self, "org a {\n  kind VALUE\n}"),
        VocabularyCase(DSPTStatus.self, "org a {\n  kind trust\n  dspt VALUE \"2024/25\"\n}"),
        VocabularyCase(BoundaryKind.self, "boundary b {\n  kind VALUE\n}"),
        VocabularyCase(BoundaryPromise.self, "boundary b {\n  promise data-stays-in-uk, VALUE\n}"),
        VocabularyCase(DataOrigin.self, "dataset d {\n  origin VALUE\n}"),
        VocabularyCase(SpecialCategory.self, "dataset d {\n  origin england-health\n  special-category health, VALUE\n}"),
        VocabularyCase(Identifier.self, "dataset d {\n  origin england-health\n  identifiers VALUE\n}"),
        VocabularyCase(DataSubject.self, "dataset d {\n  origin england-health\n  subjects VALUE\n}"),
        VocabularyCase(IdentifiabilityLevel.self, "dataset d {\n  origin england-health\n  level VALUE\n}"),
        VocabularyCase(TransformOperation.self, "at src VALUE data -> out"),
        VocabularyCase(PurposeCategory.self, "purpose p {\n  category VALUE\n}"),
        // No `purposes`: an unknown kind must not also be treated as `programme` (which needs them).
        VocabularyCase(OptOutKind.self, "opt-out o {\n  kind VALUE\n}"),
        VocabularyCase(NDOOStatus.self, "approval ap {\n  regulation 5\n  ndoo VALUE\n}"),
        VocabularyCase(DecisionMaker.self, "approval ap {\n  regulation 5\n  decision-maker VALUE\n}"),
        VocabularyCase(AgreementKind.self, "agreement ag {\n  kind VALUE\n}"),
        VocabularyCase(GatewayKind.self, "gateway g {\n  kind VALUE\n  citation \"Act\"\n}"),
        VocabularyCase(SubProcessingAuthorisation.self, "contract c {\n  controller src\n  processor dst\n  sub-processing VALUE\n}"),
        VocabularyCase(Article6Basis.self, flow + "  art6 VALUE \"Act\"\n}"),
        VocabularyCase(Article9Condition.self, flow + "  art9 VALUE\n}"),
        VocabularyCase(Article10Route.self, flow + "  art10 VALUE\n}"),
        VocabularyCase(ConfidentialityBasis.self, flow + "  confidentiality VALUE\n}"),
        VocabularyCase(RecipientRole.self, flow + "  role VALUE\n}"),
        VocabularyCase(TransferMechanism.self, flow + "  transfer VALUE\n}"),
        VocabularyCase(Frequency.self, flow + "  frequency VALUE\n}"),
        VocabularyCase(RetentionAction.self, flow + "  retention \"6 years\" VALUE\n}"),
        VocabularyCase(Identifier.self, flow + "  needs VALUE\n}"),
        VocabularyCase(PurposeCategory.self, "model \"M\" {\n  commissioner-identifiable-channels research, VALUE\n}"),
    ]
}

@Suite struct VocabularyDiagnosticTests {
    @Test(arguments: VocabularyCase.all)
    func unknownValueIsPinnedAndListsTheValidValues(_ testCase: VocabularyCase) throws {
        let text = testCase.text(with: "zzbad")
        let result = Loading.load(text)
        let expected = try #require(ModelErrorCase.location(of: "zzbad", in: text))
        #expect(Loading.summary(result) == ["FG112 \(expected)"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "unknown \(testCase.vocabularyName) `zzbad`")
        #expect(diagnostic.notes.map(\.message) == ["valid values: \(testCase.spellings.joined(separator: ", "))"])
        #expect(diagnostic.help == nil)
        #expect(result.model == nil)
    }

    /// Vocabularies of one- and two-letter values (Art 6, Art 9) are too short for a typo to be guessed.
    @Test(arguments: VocabularyCase.all.filter { $0.spellings.contains { $0.count >= 3 } })
    func typoGetsTheNearestSpelling(_ testCase: VocabularyCase) throws {
        // The longest spelling with its last letter doubled: one edit away from exactly one spelling.
        let longest = testCase.spellings.map(\.count).max() ?? 0
        let target = try #require(testCase.spellings.filter { $0.count == longest }.sorted().first)
        let typo = target + String(target.last!)
        let result = Loading.load(testCase.text(with: typo))
        #expect(result.diagnostics.first?.help == "did you mean `\(target)`?", "\(Loading.summary(result))")
    }

    @Test(arguments: VocabularyCase.all)
    func everySpellingIsAccepted(_ testCase: VocabularyCase) {
        for spelling in testCase.spellings {
            let result = Loading.load(testCase.text(with: spelling))
            // Some values have consequences of their own (a key for `pseudonymise`), never FG112.
            #expect(!result.diagnostics.contains { $0.code == LanguageCode.unknownValue.rawValue }, "`\(spelling)`: \(Loading.summary(result))")
        }
    }
}
