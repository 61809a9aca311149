/// The one escaping function for text written to a terminal or a CI log. Every user string
/// (messages, paths, titles, vocabulary values, source lines) passes through it, so a `.flow` file
/// from a pull request cannot clear the screen, set the window title, hide text or reorder it.
public enum TerminalText {
    /// C0 controls, DEL and C1 controls drive the terminal; the bidirectional embeddings, overrides
    /// and isolates reorder what is shown so that the text read is not the text checked.
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: true
        default: isBidirectionalControl(scalar)
        }
    }

    /// U+202A–U+202E and U+2066–U+2069 (also reported in string literals as FG129).
    public static func isBidirectionalControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// `text` with each unsafe scalar written as a visible `\u{1B}`; TAB as a space when
    /// `tabAsSpace` (a source line under a caret); line feeds kept when `keepingLineBreaks` (a
    /// whole document built of lines, such as `trace` or `diff` output).
    public static func escaped(_ text: some StringProtocol, tabAsSpace: Bool = false, keepingLineBreaks: Bool = false) -> String {
        func unsafe(_ scalar: Unicode.Scalar) -> Bool { isUnsafe(scalar) && !(keepingLineBreaks && scalar == "\n") }
        guard text.unicodeScalars.contains(where: unsafe) else { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if tabAsSpace, scalar == "\t" {
                result += " "
            } else if unsafe(scalar) {
                result += escape(scalar)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// How many columns `escaped` gives one scalar (for lining up carets).
    static func width(_ scalar: Unicode.Scalar, tabAsSpace: Bool) -> Int {
        if tabAsSpace, scalar == "\t" { return 1 }
        return isUnsafe(scalar) ? escape(scalar).count : 1
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
    }
}
