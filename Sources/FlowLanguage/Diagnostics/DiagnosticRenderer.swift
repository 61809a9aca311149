/// Renders diagnostics in the compiler style editors and CI logs understand:
///
///     flows/a.flow:12:9: error[FG112]: unknown identifiability level `pseudo`
///        |
///     12 |   level pseudo
///        |         ^^^^^^
///        = note: …
///        = help: did you mean `pseudonymised`?
public enum DiagnosticRenderer {
    public static func render(_ diagnostic: Diagnostic, sources: SourceMap) -> String {
        var lines: [String] = []
        let label = "\(diagnostic.severity.rawValue)[\(diagnostic.code)]"
        if let span = diagnostic.span, let file = sources[span.path] {
            let location = file.location(of: span.start)
            lines.append("\(span.path):\(location.line):\(location.column): \(label): \(diagnostic.message)")
            lines.append(contentsOf: excerpt(span, in: file))
        } else if let span = diagnostic.span {
            lines.append("\(span.path): \(label): \(diagnostic.message)")
        } else {
            lines.append("\(label): \(diagnostic.message)")
        }
        for note in diagnostic.notes {
            if let span = note.span, let location = sources.location(of: span) {
                lines.append("   = note: \(note.message) (\(span.path):\(location.line):\(location.column))")
            } else {
                lines.append("   = note: \(note.message)")
            }
        }
        if let help = diagnostic.help {
            lines.append("   = help: \(help)")
        }
        return lines.joined(separator: "\n")
    }

    /// The source line under the span with carets; multi-line spans are marked on their first line.
    static func excerpt(_ span: SourceSpan, in file: SourceFile) -> [String] {
        let start = file.location(of: span.start)
        let end = file.location(of: max(span.start, span.end))
        let text = sanitised(file.lineText(start.line))
        let gutter = String(repeating: " ", count: String(start.line).count)
        let width: Int
        if end.line == start.line {
            width = max(1, end.column - start.column)
        } else {
            width = max(1, text.count - start.column + 1)
        }
        let clippedWidth = max(1, min(width, max(1, text.count - start.column + 1)))
        let caret = String(repeating: " ", count: max(0, start.column - 1)) + String(repeating: "^", count: clippedWidth)
        return [
            "\(gutter) |",
            "\(start.line) | \(text)",
            "\(gutter) | \(caret)",
        ]
    }

    /// Replaces control characters so a hostile line cannot corrupt the terminal, and keeps one
    /// character per column so the caret lines up.
    private static func sanitised(_ line: String) -> String {
        var result = ""
        var count = 0
        for scalar in line.unicodeScalars {
            // Only the first 400 are shown: stop there, not after copying a line of megabytes.
            count += 1
            if count > 401 { break }
            if scalar == "\t" {
                result += " "
            } else if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) {
                result += "\u{FFFD}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        if result.unicodeScalars.count > 400 {
            result = String(String.UnicodeScalarView(result.unicodeScalars.prefix(400))) + "…"
        }
        return result
    }
}
