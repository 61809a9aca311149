import FlowAnalysis
import FlowLanguage
import FlowModel
import Testing

@testable import FlowRules

/// Helpers for the tests of FG028–FG037.
enum RulesCTestSupport {
    /// Findings of `code` for `text` beside the rule-example prelude, on `asOf`.
    static func findings(
        _ code: String, in text: String, asOf: Day = RuleExamples.asOf, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) -> [Finding] {
        let provider = InMemorySourceProvider(["examples/prelude.flow": RuleExamplePrelude.text, "examples/example.flow": text])
        let loaded = ModelLoader.load(paths: ["examples"], provider: provider)
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "not a valid model: \(errors.map(\.message))", sourceLocation: sourceLocation)
        guard let model = loaded.model, let rule = RuleCatalog.rule(code) else { return [] }
        return rule.findings(in: Analysis(model: model), asOf: asOf)
    }

    /// "target/discriminator/severity" of each finding, in report order.
    static func summary(_ code: String, in text: String, asOf: Day = RuleExamples.asOf) -> [String] {
        findings(code, in: text, asOf: asOf).map { "\($0.target)/\($0.discriminator)/\($0.severity.rawValue)" }
    }

    static func triggering(_ code: String, _ number: Int) -> [String] {
        summary(code, in: RuleCatalog.rule(code)!.triggeringExamples[number - 1])
    }
}

struct FG028Tests {
    @Test func branches() {
        #expect(RulesCTestSupport.triggering("FG028", 1) == ["gp.supplier.gp-extract.risk-stratification/missing/error"])
        #expect(RulesCTestSupport.triggering("FG028", 2) == [
            "trust.supplier.sus.population-health/missing/error", "gp.supplier.gp-extract.population-health/missing/error",
        ])
        #expect(RulesCTestSupport.triggering("FG028", 3) == ["supplier.helpdesk.gp-extract.commissioning/missing/error"])
        #expect(RulesCTestSupport.triggering("FG028", 4) == ["dscro.icb.sus-pseudo.commissioning/missing/warning"])
        #expect(RulesCTestSupport.triggering("FG028", 5) == ["gp.supplier.gp-extract.risk-stratification/stale/warning"])
    }

    @Test func dpiaOverdueForReview() {
        let summary = RulesCTestSupport.summary("FG028", in: """
        dpia old-dpia "Commissioning DPIA" {
          controller icb
          purposes commissioning
          completed 2023-01-01
          next-review 2024-01-01
        }
        """)
        #expect(summary == ["old-dpia/review/warning"])
    }

    @Test func linkingDataWithItsOwnDerivativeIsNotDataMatching() {
        let summary = RulesCTestSupport.summary("FG028", in: """
        flow trust -> icb "SUS" {
          data sus
          level identifiable
          purpose invoice-validation
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5
        }

        at icb filter sus -> sus-filtered {
          opt-out ndoo
        }

        at icb link sus, sus-filtered -> sus-merged
        """)
        #expect(summary.isEmpty)
    }

    @Test func aDPIAForAnotherControllerDoesNotCover() {
        let summary = RulesCTestSupport.summary("FG028", in: """
        dpia council-dpia "Council DPIA" {
          controller council
          purposes risk-stratification
          completed 2025-01-01
        }

        flow gp -> supplier "GP extract" {
          data gp-extract
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-7-04a
        }
        """)
        #expect(summary == ["gp.supplier.gp-extract.risk-stratification/missing/error"])
    }
}
