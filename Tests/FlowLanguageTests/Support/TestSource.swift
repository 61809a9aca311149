import FlowLanguage

/// Parsing and formatting helpers for text written inline in tests.
enum TestSource {
    static let path = "test.flow"

    static func file(_ text: String, path: String = path) -> SourceFile {
        SourceFile(path: path, text: text)
    }

    static func parse(_ text: String, path: String = path) -> (syntax: SyntaxFile, diagnostics: [Diagnostic]) {
        Parser.parse(file(text, path: path))
    }

    static func parse(bytes: [UInt8], path: String = path) -> (syntax: SyntaxFile, diagnostics: [Diagnostic]) {
        Parser.parse(SourceFile(path: path, bytes: bytes))
    }

    /// The canonical text of `text`, or nil when it does not parse cleanly.
    static func format(_ text: String, path: String = path) -> String? {
        Formatter.format(file(text, path: path))
    }

    /// "FG102 1:7" for each diagnostic: compact and readable in failure messages.
    static func summary(_ diagnostics: [Diagnostic], in file: SourceFile) -> [String] {
        diagnostics.map { diagnostic in
            guard let span = diagnostic.span else { return diagnostic.code }
            return "\(diagnostic.code) \(file.location(of: span.start))"
        }
    }
}

/// Deterministic pseudo-random numbers (SplitMix64) so generated inputs are the same every run.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
