/// Quoting of arbitrary text for DOT, so that Graphviz displays exactly that text.
public enum DOTEscaping {
    /// `text` as a double-quoted DOT string (quotes included), usable as an ID or
    /// as a `label`/`tooltip`/`id` value.
    ///
    /// - `"` and `\` are backslash-escaped (Graphviz turns `\\` back into `\` in labels).
    /// - `&` becomes `&amp;`, because Graphviz decodes HTML entities in labels.
    /// - Line breaks (`\n`, `\r\n`, `\r`) become the DOT escape `\n`.
    /// - Tab becomes a space; other control characters and U+FFFE/U+FFFF (invalid in
    ///   SVG/XML) become U+FFFD.
    public static func quoted(_ text: String) -> String {
        var result = "\""
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "&": result += "&amp;"
            case "\r": result += "\\n"
            case "\n": if !previousWasCarriageReturn { result += "\\n" }
            case "\t": result += " "
            case _ where isDisallowed(scalar): result.unicodeScalars.append("\u{FFFD}")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    /// `text` as a double-quoted DOT string for a `tooltip`. Graphviz reads a tooltip's escapes twice:
    /// once as a DOT string and again when it substitutes `\N`, `\G`, `\L`… (the node's name, the
    /// graph's, the label's source), so a title holding `\N` showed the node's id and `\L` the
    /// label's source. Each backslash is doubled once more here, then once by `quoted`.
    public static func quotedTooltip(_ text: String) -> String {
        quoted(text.replacingOccurrences(of: "\\", with: "\\\\"))
    }

    /// Control characters (C0, DEL, C1) and U+FFFE/U+FFFF: what no label may carry, because SVG/XML
    /// cannot hold them (`quoted` turns them into U+FFFD).
    public static func isDisallowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}
