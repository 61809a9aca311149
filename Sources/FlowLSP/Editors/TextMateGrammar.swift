import FlowModel
import Foundation

/// The TextMate grammar of `.flow` files (editors/vscode/syntaxes/flow.tmLanguage.json), made
/// from the language's schema so its keywords, properties and vocabularies are the ones lowering
/// accepts. Its regular expressions keep to what Oniguruma, ICU and Python share (classes,
/// groups, alternation, look-ahead and fixed-length look-behind).
public enum TextMateGrammar {
    static let word = "[A-Za-z0-9_][A-Za-z0-9_.]*(?:-(?!>)[A-Za-z0-9_.]*)*"
    /// Where a word ends: not followed by a character that would continue it.
    static let wordEnd = "(?![A-Za-z0-9_.]|-(?!>))"
    static let wordStart = "(?<![A-Za-z0-9_.-])"

    public static func json() -> String {
        let grammar: [String: Any] = [
            "$schema": "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
            "name": "Flow",
            "scopeName": "source.flow",
            "fileTypes": ["flow"],
            "patterns": [include("comment"), include("transform-header"), include("declaration-header"), include("block"), include("arguments")],
            "repository": repository(),
        ]
        let data = try! JSONSerialization.data(withJSONObject: grammar, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func include(_ name: String) -> [String: Any] { ["include": "#" + name] }

    private static func alternation(_ words: [String]) -> String {
        words.sorted { ($0.count, $0) > ($1.count, $1) }.map { NSRegularExpression.escapedPattern(for: $0) }.joined(separator: "|")
    }

    private static func repository() -> [String: Any] {
        let keywords = LanguageSchema.declarationKeywords.filter { $0 != "at" }
        var repository: [String: Any] = [
            "comment": ["match": "#.*$", "name": "comment.line.number-sign.flow"],
            "string": [
                "begin": "\"", "end": "\"|$", "name": "string.quoted.double.flow",
                "patterns": [["match": "\\\\.", "name": "constant.character.escape.flow"]],
            ],
            "arguments": ["patterns": [
                include("comment"), include("string"),
                ["match": "->", "name": "keyword.operator.arrow.flow"],
                ["match": ",", "name": "punctuation.separator.comma.flow"],
                ["match": wordStart + "[0-9]{4}-[0-9]{2}(?:-[0-9]{2})?" + wordEnd, "name": "constant.numeric.date.flow"],
                ["match": word, "name": "variable.other.name.flow"],
            ]],
            "declaration-header": [
                "begin": "^\\s*(\(alternation(keywords)))(?=[\\s{;]|$)", "end": "(?=[{;])|$",
                "beginCaptures": ["1": ["name": "keyword.declaration.flow"]],
                "patterns": [include("arguments")],
            ],
            "transform-header": [
                "begin": "^\\s*(at)(?=[\\s{;]|$)", "end": "(?=[{;])|$",
                "beginCaptures": ["1": ["name": "keyword.declaration.flow"]],
                "patterns": [value(TransformOperation.spellings), include("arguments")],
            ],
        ]
        // Each property's closed vocabulary, over every declaration that has the property.
        var vocabularies: [String: Set<String>] = [:]
        for keyword in LanguageSchema.declarationKeywords {
            for property in LanguageSchema.properties(of: keyword) ?? [] {
                vocabularies[property, default: []].formUnion(LanguageSchema.vocabulary(of: property, in: keyword)?.values ?? [])
            }
        }
        let start = "(?:^|(?<=[;{]))\\s*("
        var blockPatterns: [[String: Any]] = [include("comment")]
        for (property, values) in vocabularies.sorted(by: { $0.key < $1.key }) where !values.isEmpty {
            blockPatterns.append([
                "begin": start + NSRegularExpression.escapedPattern(for: property) + ")(?=[\\s;{}]|$)", "end": "(?=[;{}])|$",
                "beginCaptures": ["1": ["name": "keyword.other.property.flow"]],
                "patterns": [value(values.sorted()), include("arguments")],
            ])
        }
        blockPatterns.append([
            "begin": start + word + ")", "end": "(?=[;{}])|$",
            "beginCaptures": ["1": ["name": "keyword.other.property.flow"]],
            "patterns": [include("arguments")],
        ])
        blockPatterns.append(include("block"))
        repository["block"] = [
            "begin": "\\{", "end": "\\}",
            "beginCaptures": ["0": ["name": "punctuation.section.block.begin.flow"]],
            "endCaptures": ["0": ["name": "punctuation.section.block.end.flow"]],
            "patterns": blockPatterns,
        ]
        return repository
    }

    private static func value(_ values: [String]) -> [String: Any] {
        ["match": wordStart + "(?:" + alternation(values) + ")" + wordEnd, "name": "constant.language.flow"]
    }
}
