/// Comma-separated values per RFC 4180: records end with CRLF, fields holding a comma, a double quote,
/// CR or LF are quoted and their quotes doubled, the first record is the header. A field that starts
/// with one of OWASP's formula triggers (`=`, `+`, `-`, `@`, TAB, CR) gets a leading `'` so that
/// spreadsheets do not evaluate it as a formula.
public enum CSV {
    public static func document(header: [String], rows: [[String]]) -> String {
        var out = record(header)
        for row in rows { out += record(row) }
        return out
    }

    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\r\n"
    }

    static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    public static func field(_ text: String) -> String {
        var clean = ""
        for scalar in text.unicodeScalars {
            // Other control characters cannot be read back reliably by spreadsheet programs.
            if MarkdownText.isControl(scalar), scalar != "\r", scalar != "\n", scalar != "\t" {
                clean.unicodeScalars.append("\u{FFFD}")
            } else {
                clean.unicodeScalars.append(scalar)
            }
        }
        // A spreadsheet would run a cell starting with any of these as a formula (`-2+3+cmd|…`
        // too, and TAB or CR are dropped by some importers to expose the next one): keep it text.
        if let first = clean.unicodeScalars.first, formulaTriggers.contains(first) {
            clean = "'" + clean
        }
        let needsQuotes = clean.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return clean }
        var quoted = "\""
        for character in clean {
            quoted += character == "\"" ? "\"\"" : String(character)
        }
        return quoted + "\""
    }
}
