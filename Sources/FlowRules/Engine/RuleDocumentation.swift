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

    public static func listing() -> String {
        var text = ""
        let width = (RuleCatalog.all.map(\.slug.count).max() ?? 0)
        for rule in RuleCatalog.all {
            text += "\(rule.code)  \(rule.slug.padding(toLength: width, withPad: " ", startingAt: 0))  \(rule.severity.rawValue.padding(toLength: 7, withPad: " ", startingAt: 0))  \(rule.summary)\n"
        }
        for code in LanguageCode.allCases {
            text += "\(code.rawValue)  \(slug(code).padding(toLength: width, withPad: " ", startingAt: 0))  error    \(code.summary)\n"
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
