/// Renders diagnostics in the compiler style editors and CI logs understand:
///
///     flows/a.flow:12:9: error[FG112]: unknown identifiability level `pseudo`
///        |
///     12 |   level pseudo
///        |         ^^^^^^
///        = note: …
///        = help: did you mean `pseudonymised`?
public enum DiagnosticRenderer {
    /// Every user string is escaped (`TerminalText`): messages quote names, titles and paths
    /// from the model.
    public static func render(_ diagnostic: Diagnostic, sources: SourceMap) -> String {
        var lines: [String] = []
        let label = "\(diagnostic.severity.rawValue)[\(diagnostic.code)]"
        let message = TerminalText.escaped(diagnostic.message)
        if let span = diagnostic.span, let file = sources[span.path] {
            let location = file.location(of: span.start)
            lines.append("\(TerminalText.escaped(span.path)):\(location.line):\(location.column): \(label): \(message)")
            lines.append(contentsOf: excerpt(span, in: file))
        } else if let span = diagnostic.span {
            lines.append("\(TerminalText.escaped(span.path)): \(label): \(message)")
        } else {
            lines.append("\(label): \(message)")
        }
        for note in diagnostic.notes {
            let text = TerminalText.escaped(note.message)
            if let span = note.span, let location = sources.location(of: span) {
                lines.append("   = note: \(text) (\(TerminalText.escaped(span.path)):\(location.line):\(location.column))")
            } else {
                lines.append("   = note: \(text)")
            }
        }
        if let help = diagnostic.help {
            lines.append("   = help: \(TerminalText.escaped(help))")
        }
        return lines.joined(separator: "\n")
    }

    /// The most columns of a source line shown, and how many of them come before the span when the
    /// span starts further right than that.
    static let excerptWidth = 400
    static let excerptLead = 40

    /// The source line under the span with carets; multi-line spans are marked on their first line.
    /// A long line is shown as a window of at most `excerptWidth` columns around the span, so the
    /// excerpt and its caret line stay small whatever the line's length. A file that is not text
    /// (invalid UTF-8 or NUL bytes: a binary, or a secret reached through a link) is never quoted.
    static func excerpt(_ span: SourceSpan, in file: SourceFile) -> [String] {
        guard file.isText else { return [] }
        let start = file.location(of: span.start)
        let line = start.line
        let lineStart = file.lineStarts[line - 1]
        var lineEnd = line < file.lineStarts.count ? file.lineStarts[line] - 1 : file.bytes.count
        if lineEnd > lineStart, file.bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
        var textStart = lineStart
        if line == 1, file.hasByteOrderMark { textStart = min(3, lineEnd) }
        let spanStart = min(max(span.start, textStart), lineEnd)
        let spanEnd = min(max(span.end, spanStart), lineEnd)
        // Scalars before the span: all of them on an ordinary line, the last `excerptLead` on a long one.
        var windowStart = spanStart
        var leading = 0
        while windowStart > textStart, leading < excerptLead || start.column <= excerptWidth - excerptLead {
            windowStart -= 1
            if file.bytes[windowStart] & 0xC0 != 0x80 { leading += 1 }
        }
        let before = String(decoding: file.bytes[windowStart..<spanStart], as: UTF8.self)
        let after = String(decoding: file.bytes[spanStart..<min(lineEnd, spanStart + 4 * excerptWidth)], as: UTF8.self)
        var shown = windowStart > textStart ? "…" : ""
        var caretColumn = shown.count
        for scalar in before.unicodeScalars {
            shown += TerminalText.escaped(String(scalar), tabAsSpace: true)
            caretColumn += TerminalText.width(scalar, tabAsSpace: true)
        }
        var caretWidth = 0
        var columns = caretColumn
        var offset = spanStart
        var clipped = false
        for scalar in after.unicodeScalars {
            let width = TerminalText.width(scalar, tabAsSpace: true)
            if columns + width > excerptWidth {
                clipped = true
                break
            }
            shown += TerminalText.escaped(String(scalar), tabAsSpace: true)
            columns += width
            if offset < spanEnd { caretWidth += width }
            offset += scalar.utf8.count
        }
        if clipped || spanStart + 4 * excerptWidth < lineEnd { shown += "…" }
        let gutter = String(repeating: " ", count: String(line).count)
        let caret = String(repeating: " ", count: caretColumn) + String(repeating: "^", count: max(1, caretWidth))
        return [
            "\(gutter) |",
            "\(line) | \(shown)",
            "\(gutter) | \(caret)",
        ]
    }
}
