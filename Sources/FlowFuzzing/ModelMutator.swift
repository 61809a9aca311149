import FlowLanguage

/// Structure-aware mutations for the fuzzer: libFuzzer's byte flips almost never keep a model
/// valid, so the analysis, rules, diagrams and reports behind a valid model were rarely reached.
/// These mutations work on the tokens and lines of one file of an input and mostly keep it valid:
/// a value swapped for an extreme one (9999-12-31, 0001-01-01, a 20-digit number), a reference
/// swapped for another name in the file, a string for a hostile one, a property line copied into
/// another declaration, a line duplicated or removed. The same seed gives the same mutation
/// (`SplitMix64`), so libFuzzer can replay what it did.
public enum ModelMutator {
    static let extremeWords = [
        "9999-12-31", "0001-01-01", "2024-02-29", "2023-02-29", "1970-01-01", "2026-01-01", "0000-01-01",
        "0", "1", "7", "99999999999999999999", "18446744073709551616", "9223372036854775807", "00", "unknown", "yes", "no",
    ]
    static let hostileStrings = [
        "", "javascript:alert(1)", "JavaScript:alert(1)", "data:text/html,x", "mailto:dpo@example.nhs.uk", "https://example.nhs.uk/p",
        "=cmd|' /C calc'!A0", "-2+3+cmd|' /C calc'!A0", "@SUM(A1)", "\\t=1", "\\\\N\\\\G\\\\L\\\\E", "\\u{202E}evil\\u{2066}",
        "\\u{1B}[2J\\u{1B}]0;t\\u{7}", "\\u{0}", "../../etc/passwd", "/proc/self/environ", "a\\nb\\r\\nc", "<script>x</script>",
        String(repeating: "W", count: 300), String(repeating: "w ", count: 200),
    ]

    /// A mutation of `input`, at most `maximumSize` bytes; nil when there is nothing to mutate.
    public static func mutate(_ input: [UInt8], seed: UInt32, maximumSize: Int) -> [UInt8]? {
        var generator = SplitMix64(seed: UInt64(seed))
        var files = FuzzHarness.split(input)
        guard !files.isEmpty else { return nil }
        let chosen = Int.random(in: files.indices, using: &generator)
        guard let mutated = mutate(file: files[chosen].bytes, using: &generator) else { return nil }
        files[chosen].bytes = mutated
        let result = FuzzHarness.join(files)
        return result.count <= maximumSize ? result : nil
    }

    static func mutate(file bytes: [UInt8], using generator: inout SplitMix64) -> [UInt8]? {
        let tokens = Lexer.tokenize(SourceFile(path: "m.flow", bytes: bytes)).tokens
        let words = tokens.filter { $0.kind == .word }
        let strings = tokens.filter { $0.kind == .string }
        var lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
        switch Int.random(in: 0..<7, using: &generator) {
        case 0, 1:
            guard let token = words.randomElement(using: &generator) else { return nil }
            let replacement = Bool.random(using: &generator)
                ? extremeWords.randomElement(using: &generator)!
                : words.randomElement(using: &generator)!.text
            return replacing(token.span, in: bytes, with: replacement)
        case 2:
            guard let token = strings.randomElement(using: &generator) else { return nil }
            return replacing(token.span, in: bytes, with: "\"" + hostileStrings.randomElement(using: &generator)! + "\"")
        case 3:
            // A property of one declaration copied into another (or the same one, repeated).
            let properties = lines.indices.filter { lines[$0].starts(with: Array("  ".utf8)) && !lines[$0].contains(UInt8(ascii: "{")) }
            guard let from = properties.randomElement(using: &generator), let to = properties.randomElement(using: &generator) else { return nil }
            lines.insert(lines[from], at: to)
        case 4:
            guard let line = lines.indices.randomElement(using: &generator) else { return nil }
            lines.insert(lines[line], at: line)
        case 5:
            guard lines.count > 1, let line = lines.indices.randomElement(using: &generator) else { return nil }
            lines.remove(at: line)
        default:
            guard words.count > 1 else { return nil }
            let pair = (words.randomElement(using: &generator)!, words.randomElement(using: &generator)!)
            let (first, second) = pair.0.span.start < pair.1.span.start ? pair : (pair.1, pair.0)
            guard first.span.end <= second.span.start else { return nil }
            let swapped = replacing(second.span, in: bytes, with: first.text)
            return replacing(first.span, in: swapped, with: second.text)
        }
        return Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }

    static func replacing(_ span: SourceSpan, in bytes: [UInt8], with text: String) -> [UInt8] {
        var result = bytes
        result.replaceSubrange(span.start..<span.end, with: Array(text.utf8))
        return result
    }
}
