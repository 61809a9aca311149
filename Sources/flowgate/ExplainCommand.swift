import ArgumentParser
import FlowLanguage
import FlowRules

struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show a rule's documentation and examples, or list every code."
    )

    @Argument(help: "A code such as FG015.")
    var code: String?

    @Flag(help: "List every code with its slug and severity.")
    var list = false

    @Flag(help: "Print the declarations the rule examples rely on.")
    var prelude = false

    @Flag(help: "Print every rule's documentation as Markdown (docs/rules.md).")
    var markdown = false

    func run() throws {
        if prelude {
            Terminal.output(RuleExamplePrelude.text)
            return
        }
        if markdown {
            Terminal.output(RuleDocumentation.markdown())
            return
        }
        if list {
            Terminal.output(RuleDocumentation.listing())
            return
        }
        guard let code else {
            Terminal.error("error: give a code (e.g. `flowgate explain FG015`) or --list")
            throw ExitStatus.invalid
        }
        if let rule = RuleCatalog.rule(code) {
            Terminal.output(RuleDocumentation.page(for: rule))
        } else if let languageCode = LanguageCode(rawValue: code.uppercased()) {
            let kind = languageCode.severity == .error ? "error" : "warning"
            Terminal.output("\(languageCode.rawValue) (\(kind)): \(languageCode.summary)\nA language or resolver \(kind); see docs/language.md, section Diagnostics.\n")
        } else {
            let codes = RuleCatalog.all.map(\.code) + LanguageCode.allCases.map(\.rawValue)
            Terminal.error("error: no code `\(code)`" + (Suggestion.help(for: code.uppercased(), in: codes).map { "; \($0)" } ?? "; see `flowgate explain --list`"))
            throw ExitStatus.invalid
        }
    }
}
