import FlowLanguage

/// The text `flowgate explain` prints (also used for docs/rules.md).
public enum RuleDocumentation {
    public static func page(for rule: Rule) -> String {
        var text = "\(rule.code) \(rule.slug) (\(rule.severity.rawValue))\n\n\(rule.summary)\n\nLegal source: \(rule.legalSource)\n\n\(rule.explanation)\n"
        for (index, example) in rule.triggeringExamples.enumerated() {
            text += "\nTriggers \(rule.code) (example \(index + 1)):\n\n\(indent(example))\n"
        }
        for (index, example) in rule.passingExamples.enumerated() {
            text += "\nDoes not trigger \(rule.code) (example \(index + 1)):\n\n\(indent(example))\n"
        }
        text += "\nExamples use the declarations printed by `flowgate explain --prelude`.\n"
        return text
    }

    /// docs/rules.md: every rule's page, generated so the reference never drifts from the code.
    public static func markdown() -> String {
        var text = "# Rules\n\nGenerated from the rule catalogue by `flowgate explain --markdown`; do not edit by hand.\n"
        text += "Each rule's examples are executed as tests. Examples use the declarations printed by `flowgate explain --prelude`.\n\n"
        text += "| Code | Slug | Severity | Summary |\n|---|---|---|---|\n"
        for rule in RuleCatalog.all {
            text += "| [\(rule.code)](#\(rule.code.lowercased())) | `\(rule.slug)` | \(rule.severity.rawValue) | \(rule.summary) |\n"
        }
        for rule in RuleCatalog.all {
            text += "\n## \(rule.code)\n\n`\(rule.slug)` — default severity **\(rule.severity.rawValue)**\n\n\(rule.summary)\n\n"
            text += "*Legal source:* \(rule.legalSource)\n\n\(rule.explanation)\n"
            for (index, example) in rule.triggeringExamples.enumerated() {
                text += "\nTriggers \(rule.code) (example \(index + 1)):\n\n```flow\n\(example)\n```\n"
            }
            for (index, example) in rule.passingExamples.enumerated() {
                text += "\nDoes not trigger \(rule.code) (example \(index + 1)):\n\n```flow\n\(example)\n```\n"
            }
        }
        return text
    }

    public static func listing() -> String {
        var text = ""
        let width = (RuleCatalog.all.map(\.slug.count).max() ?? 0)
        for rule in RuleCatalog.all {
            text += "\(rule.code)  \(rule.slug.padding(toLength: width, withPad: " ", startingAt: 0))  \(rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(rule.summary)\n"
        }
        for code in LanguageCode.allCases {
            text += "\(code.rawValue)  \(slug(code).padding(toLength: width, withPad: " ", startingAt: 0))  \(code.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(code.summary)\n"
        }
        return text
    }

    /// `unknownProperty` → `unknown-property`.
    public static func slug(_ code: LanguageCode) -> String {
        var result = ""
        var previous: Character?
        for character in String(describing: code) {
            if character.isUppercase, let previous, previous.isLowercase || previous.isNumber {
                result += "-"
            }
            result += character.lowercased()
            previous = character
        }
        return result
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "    " + $0 }.joined(separator: "\n")
    }
}
