import FlowAnalysis
import FlowLanguage
import FlowModel
import Testing

@testable import FlowRules

/// Checks a small, whole model (no prelude): what a user would see from `flowgate check` on it.
enum ModelCheck {
    static let asOf = Day(year: 2026, month: 6, day: 1)!

    static func findings(_ text: String, asOf: Day = asOf, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Finding] {
        let provider = InMemorySourceProvider(["model/model.flow": text])
        let loaded = ModelLoader.load(paths: ["model"], provider: provider)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "not a valid model: \(errors.map(\.message))", sourceLocation: sourceLocation)
        guard let model = loaded.model else { return [] }
        return RuleEngine.run(Analysis(model: model), asOf: asOf).findings
    }

    /// "CODE target severity" of every finding, sorted, for whole-model assertions.
    static func summary(_ text: String, asOf: Day = asOf, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String] {
        findings(text, asOf: asOf, sourceLocation: sourceLocation).map { "\($0.code) \($0.target) \($0.severity.rawValue)" }.sorted()
    }

    /// The organisations most tests need: a trust, an ICB and a council, all public authorities.
    static let organisations = """
    use std

    org trust "Example Hospital NHS Trust" {
      kind trust
      public-authority yes
      confidentiality-duty yes
      apd yes
    }

    org icb "Example ICB" {
      kind icb
      public-authority yes
      confidentiality-duty yes
      apd yes
    }

    org council "Example Council" {
      kind local-authority
      public-authority yes
      confidentiality-duty yes
      apd yes
    }

    """

    /// A research body, for models of research disclosures.
    static let university = """
    org university "University" {
      kind research-body
      public-authority yes
      confidentiality-duty yes
      apd yes
    }

    """
}
