import FlowAnalysis
import FlowLanguage
import FlowModel

/// Runs a rule example: the example text as one file beside the shared prelude, checked as a model.
public enum RuleExamples {
    /// Examples are evaluated on a fixed date so expiry-based rules are reproducible.
    public static let asOf = Day(year: 2026, month: 1, day: 1)!

    public struct Outcome: Sendable {
        public let diagnostics: [Diagnostic]
        public let findings: [Finding]
    }

    public static func evaluate(_ example: String) -> Outcome {
        let provider = InMemorySourceProvider(["examples/prelude.flow": RuleExamplePrelude.text, "examples/example.flow": example])
        let loaded = ModelLoader.load(paths: ["examples"], provider: provider)
        guard let model = loaded.model else { return Outcome(diagnostics: loaded.diagnostics, findings: []) }
        let result = RuleEngine.run(Analysis(model: model), asOf: asOf)
        return Outcome(diagnostics: loaded.diagnostics, findings: result.findings)
    }
}
