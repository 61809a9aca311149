import FlowAnalysis
import FlowLanguage
import FlowModel
import FlowRules

/// One fuzz input through every stage that reads untrusted text: lexer, parser, formatter, lowering,
/// include and `use` handling, resolution, diagnostics rendering, and (for inputs that resolve) the
/// analysis, the rules, the diagrams and the reports (`OutputStages`). Used by the libFuzzer target, by its corpus replayer and by the
/// regression tests, so a crash found by fuzzing replays exactly.
///
/// Any trap is a bug: the stages promise never to trap on any bytes. Besides not trapping, the
/// harness checks what the formatter promises for every file that parses without errors:
/// the formatted text parses without errors, and `format(parse(format(x))) == format(x)`.
///
/// An input can hold several files: a line `#--- NAME` starts a file called NAME (the text before
/// the first such line is `main.flow`). All files live under `fuzz/` in an `InMemorySourceProvider`,
/// so `include` between them works. Because `#` starts a comment, a multi-file input is also a
/// valid single `.flow` file.
public enum FuzzHarness {
    /// The directory every fuzz file lives in.
    public static let root = "fuzz"
    /// The line prefix that starts another file.
    public static let fileMarker = "#--- "
    /// Inputs larger than this are cut (libFuzzer's default `-max_len` is far smaller anyway).
    public static let maximumInputSize = 1 << 20

    /// The date the rules are checked as of, fixed so runs are reproducible.
    static let asOf = Day(year: 2026, month: 1, day: 1)!

    public static func run(_ input: [UInt8]) {
        let bytes = input.count > maximumInputSize ? Array(input.prefix(maximumInputSize)) : input
        let files = split(bytes)
        for (path, content) in files {
            checkLanguage(SourceFile(path: path, bytes: content))
        }
        checkModel(files)
    }

    /// The files of one input, by path under `root`, in input order (later duplicates win).
    public static func split(_ bytes: [UInt8]) -> [(path: String, bytes: [UInt8])] {
        let marker = Array(fileMarker.utf8)
        var files: [(path: String, bytes: [UInt8])] = []
        var currentPath = "\(root)/main.flow"
        var current: [UInt8] = []
        var lineStart = 0
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            let line = bytes[lineStart..<lineEnd]
            let next = min(lineEnd + 1, bytes.count)
            if line.starts(with: marker) {
                files.append((currentPath, current))
                current = []
                currentPath = "\(root)/" + fileName(Array(line.dropFirst(marker.count)), index: files.count)
            } else {
                current += bytes[lineStart..<next]
            }
            lineStart = next
        }
        files.append((currentPath, current))
        // A later file of the same name replaces an earlier one (a provider holds one text per path).
        var seen: Set<String> = []
        var unique: [(path: String, bytes: [UInt8])] = []
        for file in files.reversed() where seen.insert(file.path).inserted {
            unique.append(file)
        }
        return unique.reversed()
    }

    /// The one input that `split` turns into `files` (paths under `root`; the first is `main.flow`).
    public static func join(_ files: [(path: String, bytes: [UInt8])]) -> [UInt8] {
        var result: [UInt8] = []
        let prefix = root + "/"
        for (index, file) in files.enumerated() {
            if index > 0 || file.path != prefix + "main.flow" {
                if let last = result.last, last != UInt8(ascii: "\n") { result.append(UInt8(ascii: "\n")) }
                result += Array((fileMarker + file.path.dropFirst(prefix.count)).utf8) + [UInt8(ascii: "\n")]
            }
            result += file.bytes
        }
        return result
    }

    /// A safe relative name made of `[A-Za-z0-9._/-]` (no `..` segments); `.flow` is added if missing.
    static func fileName(_ raw: [UInt8], index: Int) -> String {
        let allowed = raw.prefix(64).filter { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || "._/-".utf8.contains(byte)
        }
        let segments = String(decoding: allowed, as: UTF8.self).split(separator: "/")
            .filter { $0 != "." && $0 != ".." && !$0.isEmpty }
        var name = segments.joined(separator: "/")
        if name.isEmpty { name = "file\(index)" }
        if !name.hasSuffix(".flow") { name += ".flow" }
        return name
    }

    /// Lexer and parser never trap; spans stay inside the file; the formatter's promises hold.
    static func checkLanguage(_ file: SourceFile) {
        let (tokens, lexDiagnostics) = Lexer.tokenize(file)
        guard let last = tokens.last, last.kind == .endOfFile else { fatalError("the lexer did not end with endOfFile") }
        var previousEnd = 0
        for token in tokens {
            guard token.span.start >= previousEnd, token.span.end <= file.bytes.count else {
                fatalError("token span \(token.span.start)..<\(token.span.end) out of order or outside the file (\(file.bytes.count) bytes)")
            }
            previousEnd = token.span.end
        }
        let (syntax, diagnostics) = Parser.parse(file)
        var sources = SourceMap()
        sources.add(file)
        for diagnostic in lexDiagnostics + diagnostics {
            if let span = diagnostic.span, span.end > file.bytes.count {
                fatalError("diagnostic span \(span.start)..<\(span.end) outside the file (\(file.bytes.count) bytes)")
            }
            _ = DiagnosticRenderer.render(diagnostic, sources: sources)
        }
        guard !diagnostics.contains(where: { $0.severity == .error }) else {
            // Formatting must refuse broken input rather than guess.
            if Formatter.format(file) != nil { fatalError("Formatter.format(SourceFile) formatted a file with syntax errors") }
            return
        }
        let once = Formatter.format(syntax)
        let reparsed = Parser.parse(SourceFile(path: file.path, text: once))
        if reparsed.diagnostics.contains(where: { $0.severity == .error }) {
            let messages = reparsed.diagnostics.map { "\($0.code): \($0.message)" }.joined(separator: "; ")
            fatalError("formatted text does not parse: \(messages)\n--- formatted ---\n\(once)")
        }
        let twice = Formatter.format(reparsed.syntax)
        if twice != once {
            fatalError("formatting is not idempotent\n--- format(x) ---\n\(once)\n--- format(parse(format(x))) ---\n\(twice)")
        }
        // Layout only: the same tokens (words, strings by value, arrows, commas, braces, comments)
        // in the same order. Line breaks and `;` are layout, and comments lose trailing blanks.
        let before = essentialTokens(tokens)
        let after = essentialTokens(Lexer.tokenize(SourceFile(path: file.path, text: once)).tokens)
        if before != after {
            let index = before.indices.first { $0 >= after.count || before[$0] != after[$0] } ?? before.count
            let was = index < before.count ? "\(before[index])" : "nothing"
            let now = index < after.count ? "\(after[index])" : "nothing"
            fatalError("formatting changed token \(index): \(was) became \(now)\n--- formatted ---\n\(once)")
        }
    }

    static func essentialTokens(_ tokens: [Token]) -> [String] {
        tokens.compactMap { token in
            switch token.kind {
            case .terminator, .endOfFile: nil
            case .comment:
                "comment:" + String(token.text.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
            default: "\(token.kind):\(token.text)"
            }
        }
    }

    /// Lowering, includes, `use`, resolution; then analysis and rules when the model is valid.
    static func checkModel(_ files: [(path: String, bytes: [UInt8])]) {
        var contents: [String: [UInt8]] = [:]
        for file in files { contents[file.path] = file.bytes }
        let result = ModelLoader.load(paths: [root], provider: InMemorySourceProvider(bytes: contents))
        for diagnostic in result.diagnostics {
            _ = DiagnosticRenderer.render(diagnostic, sources: result.sources)
        }
        guard let model = result.model else { return }
        let analysis = Analysis(model: model)
        let checked = RuleEngine.run(analysis, asOf: asOf)
        for finding in checked.findings {
            _ = finding.fingerprint
            _ = DiagnosticRenderer.render(finding.diagnostic, sources: result.sources)
        }
        OutputStages.run(analysis, checked, asOf: asOf)
    }
}
