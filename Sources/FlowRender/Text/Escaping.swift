import FlowGraphviz

/// Escaping of user text (names, titles, references) for every output language FlowRender writes.
///
/// Each function is total: any Swift string in, a fragment out that the target language reads back as
/// exactly that text (or, for characters the language cannot carry, a visible U+FFFD). No user string
/// can end a token early, so none can add an attribute, a statement or markup.
public enum Escape {
    /// `text` as a double-quoted DOT string, for IDs and escString attributes (`tooltip`, plain labels):
    /// `FlowGraphviz.DOTEscaping.quoted`, the one implementation of DOT quoting.
    public static func dotQuoted(_ text: String) -> String { DOTEscaping.quoted(text) }

    /// `text` as a double-quoted DOT `tooltip`: `FlowGraphviz.DOTEscaping.quotedTooltip`.
    public static func dotTooltip(_ text: String) -> String { DOTEscaping.quotedTooltip(text) }

    /// `text` as character data inside a Graphviz HTML-like label (`<...>`).
    ///
    /// `& < > " '` become entities, so the DOT scanner's `<`/`>` nesting count and Graphviz's XML
    /// parser both see plain text; `\` is doubled (Graphviz substitutes `\N`, `\G`… in HTML text
    /// too); line breaks become `<BR/>`; tab a space; characters XML 1.0 forbids (C0/C1 controls,
    /// U+FFFE/U+FFFF) become U+FFFD.
    public static func html(_ text: String) -> String {
        var result = ""
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            // Graphviz expands \N, \G, \E, \T, \H, \L in HTML text too (after entities are decoded);
            // a doubled backslash is its escape.
            case "\\": result += "\\\\"
            case "\r": result += "<BR/>"
            case "\n": if !previousWasCarriageReturn { result += "<BR/>" }
            case "\t": result += " "
            case _ where isControl(scalar): result.unicodeScalars.append("\u{FFFD}")
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `text` for inside a double-quoted Mermaid label (`id["…"]`, `-->|"…"|`).
    ///
    /// Letters, digits, space and harmless punctuation pass through; everything else becomes a Mermaid
    /// entity code `#NNN;` (decimal), so quotes, `|`, brackets, `#`, `<`, `>`, `&`, backticks and
    /// Markdown markers are all inert. Line breaks become `<br/>`; control characters U+FFFD.
    public static func mermaid(_ text: String) -> String {
        var result = ""
        var previousWasCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { previousWasCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\r": result += "<br/>"
            case "\n": if !previousWasCarriageReturn { result += "<br/>" }
            case "\t": result += " "
            case _ where isControl(scalar): result += "#65533;"
            case _ where isMermaidSafe(scalar): result.unicodeScalars.append(scalar)
            default: result += "#\(scalar.value);"
            }
        }
        return result
    }

    /// `text` as inline Markdown text: every ASCII punctuation character backslash-escaped, line breaks
    /// and control characters turned into spaces (a heading or table cell stays on one line).
    public static func markdown(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\r", "\n", "\t": result += " "
            case _ where isControl(scalar): result.unicodeScalars.append("\u{FFFD}")
            case _ where scalar.isASCII && isASCIIPunctuation(scalar):
                result += "\\"
                result.unicodeScalars.append(scalar)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool { DOTEscaping.isDisallowed(scalar) }

    private static func isMermaidSafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", " ", ",", ".", "-", "_", "(", ")", "/", ":", "+", "·", "→", "⊘", "⚠", "…", "×": true
        default: !scalar.isASCII && scalar.properties.isAlphabetic
        }
    }

    private static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E: true
        default: false
        }
    }
}
