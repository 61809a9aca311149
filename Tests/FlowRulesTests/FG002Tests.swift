import FlowLanguage
import FlowModel
import Testing

@testable import FlowRules

/// Shared by the FG002–FG014 tests: the findings of one rule for a `.flow` snippet (prelude in scope).
enum RulesATestSupport {
    static func findings(_ code: String, in text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [Finding] {
        let outcome = RuleExamples.evaluate(text)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "not a valid model: \(errors.map(\.message))", sourceLocation: sourceLocation)
        return outcome.findings.filter { $0.code == code }
    }

    /// (discriminator, severity) of each finding of `code` in the rule's triggering example `number` (1-based).
    static func triggering(_ code: String, _ number: Int) -> [String] {
        let rule = RuleCatalog.rule(code)!
        return findings(code, in: rule.triggeringExamples[number - 1]).map { "\($0.discriminator)/\($0.severity.rawValue)" }
    }
}

struct FG002Tests {
    @Test func triggeringExamplesHitOneFlowEach() {
        #expect(RulesATestSupport.triggering("FG002", 1) == ["/error"])
        #expect(RulesATestSupport.triggering("FG002", 2) == ["/error"])
    }

    @Test func anonymisedInContextWithAssessmentIsNotPersonalData() {
        let findings = RulesATestSupport.findings("FG002", in: """
        at dscro pseudonymise sus -> sus-deid {
          key dscro-key
          level anonymised-in-context
        }

        flow dscro -> icb "De-identified SUS with an anonymisation assessment" {
          data sus-deid
          level anonymised-in-context
          purpose commissioning
          assessment "ANON-2025-04"
        }
        """)
        #expect(findings.isEmpty)
    }
}
