import FlowLanguage
import FlowModel
import Testing

@testable import FlowRules

/// Every rule's documented examples are executed: triggering ones must produce the rule's code,
/// passing ones must not, and every example must be a valid model.
struct RuleExampleTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let code: String
        let number: Int
        let text: String
        let triggers: Bool
        var testDescription: String { "\(code) \(triggers ? "triggering" : "passing") #\(number)" }
    }

    static let examples: [Example] = RuleCatalog.all.flatMap { rule in
        rule.triggeringExamples.enumerated().map { Example(code: rule.code, number: $0.offset + 1, text: $0.element, triggers: true) }
            + rule.passingExamples.enumerated().map { Example(code: rule.code, number: $0.offset + 1, text: $0.element, triggers: false) }
    }

    @Test(arguments: examples)
    func example(_ example: Example) {
        let outcome = RuleExamples.evaluate(example.text)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "example is not a valid model: \(errors.map { "\($0.code) \($0.message)" })")
        let codes = outcome.findings.map(\.code)
        if example.triggers {
            #expect(codes.contains(example.code), "expected \(example.code), got \(codes)")
        } else {
            #expect(!codes.contains(example.code), "expected no \(example.code), got \(outcome.findings.filter { $0.code == example.code }.map(\.message))")
        }
    }

    @Test func everyRuleHasExamplesAndDocumentation() {
        for rule in RuleCatalog.all {
            #expect(!rule.triggeringExamples.isEmpty, "\(rule.code) has no triggering example")
            #expect(!rule.passingExamples.isEmpty, "\(rule.code) has no passing example")
            #expect(rule.explanation.count > 200, "\(rule.code) explanation is too thin")
            #expect(!rule.legalSource.isEmpty)
            #expect(rule.slug.allSatisfy { $0.isLowercase || $0 == "-" || $0.isNumber })
        }
    }

    @Test func preludeIsAValidModel() {
        let outcome = RuleExamples.evaluate("")
        #expect(outcome.diagnostics.isEmpty, "\(outcome.diagnostics.map(\.message))")
    }
}
