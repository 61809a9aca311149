import Foundation

/// Enough of a TextMate tokenizer to check a grammar: `match` rules with captures, `begin`/`end`
/// rules with nested patterns, `include` of the repository, a line at a time. At each position
/// the earliest match wins, the open rule's `end` before its patterns on a tie, then the first
/// pattern listed. Regular expressions run on ICU (NSRegularExpression), whose syntax covers the
/// portable subset the grammar keeps to.
final class TextMateMatcher {
    private final class Rule {
        var match: NSRegularExpression?
        var begin: NSRegularExpression?
        var end: NSRegularExpression?
        var name: String?
        var captures: [Int: String] = [:]
        var beginCaptures: [Int: String] = [:]
        var endCaptures: [Int: String] = [:]
        var patterns: [Rule] = []
        var include: String?
    }

    private let root: Rule
    private var repository: [String: Rule] = [:]

    init(grammar: Data) throws {
        guard let json = try JSONSerialization.jsonObject(with: grammar) as? [String: Any] else { throw ClientError("the grammar is not a JSON object") }
        root = Rule()
        for (name, value) in json["repository"] as? [String: Any] ?? [:] {
            repository[name] = try Self.rule(value as? [String: Any] ?? [:])
        }
        root.patterns = try (json["patterns"] as? [[String: Any]] ?? []).map(Self.rule)
    }

    private static func rule(_ json: [String: Any]) throws -> Rule {
        let rule = Rule()
        let options: NSRegularExpression.Options = [.anchorsMatchLines]
        if let match = json["match"] as? String { rule.match = try NSRegularExpression(pattern: match, options: options) }
        if let begin = json["begin"] as? String { rule.begin = try NSRegularExpression(pattern: begin, options: options) }
        if let end = json["end"] as? String { rule.end = try NSRegularExpression(pattern: end, options: options) }
        rule.name = json["name"] as? String
        rule.include = json["include"] as? String
        rule.captures = captures(json["captures"])
        rule.beginCaptures = captures(json["beginCaptures"])
        rule.endCaptures = captures(json["endCaptures"])
        rule.patterns = try (json["patterns"] as? [[String: Any]] ?? []).map(Self.rule)
        return rule
    }

    private static func captures(_ json: Any?) -> [Int: String] {
        var result: [Int: String] = [:]
        for (key, value) in json as? [String: Any] ?? [:] {
            if let index = Int(key), let name = (value as? [String: Any])?["name"] as? String { result[index] = name }
        }
        return result
    }

    /// The patterns of a rule with includes replaced by what they name.
    private func expanded(_ patterns: [Rule]) -> [Rule] {
        patterns.flatMap { rule -> [Rule] in
            guard let include = rule.include else { return [rule] }
            if include == "$self" { return expanded(root.patterns) }
            guard include.hasPrefix("#"), let named = repository[String(include.dropFirst())] else { return [] }
            return named.match != nil || named.begin != nil ? [named] : expanded(named.patterns)
        }
    }

    /// Each line's scopes, per UTF-16 unit of the line (without its line break).
    func scopes(of text: String) -> [[[String]]] {
        var stack: [Rule] = []
        var result: [[[String]]] = []
        for line in text.components(separatedBy: "\n") {
            let nsLine = line as NSString
            let length = nsLine.length
            var scopes = [[String]](repeating: [], count: length)
            var position = 0
            var guardCount = 0
            func names() -> [String] { stack.compactMap(\.name) }
            func assign(_ range: NSRange, _ extra: [String]) {
                guard range.location != NSNotFound else { return }
                for index in range.location..<min(length, range.location + range.length) { scopes[index] = names() + extra }
            }
            func assignCaptures(_ match: NSTextCheckingResult, _ captures: [Int: String], base: [String]) {
                for (index, name) in captures.sorted(by: { $0.key < $1.key }) where index < match.numberOfRanges {
                    let range = match.range(at: index)
                    guard range.location != NSNotFound else { continue }
                    for unit in range.location..<min(length, range.location + range.length) { scopes[unit] = names() + base + [name] }
                }
            }
            while position <= length, guardCount < 10_000 {
                guardCount += 1
                let searchRange = NSRange(location: position, length: length - position)
                let matchOptions: NSRegularExpression.MatchingOptions = [.withTransparentBounds, .withoutAnchoringBounds]
                var best: (result: NSTextCheckingResult, rule: Rule?)?
                if let open = stack.last, let end = open.end, let found = end.firstMatch(in: line, options: matchOptions, range: searchRange) {
                    best = (found, nil)
                }
                let patterns = expanded(stack.last?.patterns ?? root.patterns)
                for rule in patterns {
                    guard let expression = rule.match ?? rule.begin,
                          let found = expression.firstMatch(in: line, options: matchOptions, range: searchRange) else { continue }
                    if best == nil || found.range.location < best!.result.range.location { best = (found, rule) }
                }
                guard let (found, rule) = best else { break }
                assign(NSRange(location: position, length: found.range.location - position), [])
                let after = found.range.location + found.range.length
                if let rule {
                    if rule.match != nil {
                        assign(found.range, rule.name.map { [$0] } ?? [])
                        assignCaptures(found, rule.captures, base: rule.name.map { [$0] } ?? [])
                    } else {
                        stack.append(rule)
                        assign(found.range, [])
                        assignCaptures(found, rule.beginCaptures, base: [])
                    }
                } else if let open = stack.last {
                    assign(found.range, [])
                    assignCaptures(found, open.endCaptures, base: [])
                    stack.removeLast()
                }
                // A zero-length match moves on by one; a zero-length end (`$`) has changed the
                // context, so the next rule is tried at the same place.
                if let rule, rule.match != nil, found.range.length == 0 { position += 1 } else { position = after }
            }
            if position < length { assign(NSRange(location: position, length: length - position), []) }
            result.append(scopes)
        }
        return result
    }
}
