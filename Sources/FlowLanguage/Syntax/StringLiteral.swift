/// The one decoder of string literals with escapes. The lexer runs it to find such a string's end
/// and to report its bad escapes; a token's text runs it again for the value, so a token keeps no
/// decoded copy. (Strings without escapes are a plain slice of the file and need neither.)
enum StringLiteral {
    enum Problem {
        case invalidUnicodeEscape
        case unknownEscape
    }

    struct Scan {
        var value: [UInt8] = []
        /// Just past the closing quote, or where the string stopped (a line break or the file's end).
        var end: Int
        var isTerminated = false
        var hasEscapes = false
    }

    /// Scans the literal whose opening `"` is at `quote`, reporting each bad escape's range.
    static func scan(_ bytes: [UInt8], at quote: Int, report: (Problem, Range<Int>) -> Void) -> Scan {
        var scan = Scan(end: quote + 1)
        while scan.end < bytes.count {
            let byte = bytes[scan.end]
            if byte == UInt8(ascii: "\"") {
                scan.end += 1
                scan.isTerminated = true
                return scan
            }
            if byte == UInt8(ascii: "\n") { break }
            if byte == UInt8(ascii: "\\") {
                scan.hasEscapes = true
                decodeEscape(bytes, into: &scan, report: report)
                continue
            }
            scan.value.append(byte)
            scan.end += 1
        }
        return scan
    }

    /// The decoded value of the literal whose opening `"` is at `quote`.
    static func value(in bytes: [UInt8], at quote: Int) -> [UInt8] {
        scan(bytes, at: quote) { _, _ in }.value
    }

    private static func decodeEscape(_ bytes: [UInt8], into scan: inout Scan, report: (Problem, Range<Int>) -> Void) {
        let start = scan.end
        scan.end += 1
        guard scan.end < bytes.count else { return }
        let escaped = bytes[scan.end]
        scan.end += 1
        switch escaped {
        case UInt8(ascii: "\""): scan.value.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): scan.value.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "n"): scan.value.append(UInt8(ascii: "\n"))
        case UInt8(ascii: "t"): scan.value.append(UInt8(ascii: "\t"))
        case UInt8(ascii: "u"):
            if let scalar = unicodeEscape(bytes, at: &scan.end) {
                scan.value.append(contentsOf: String(Character(scalar)).utf8)
            } else {
                report(.invalidUnicodeEscape, start..<scan.end)
            }
        default:
            // A line break ends the string, so it is not swallowed by the escape.
            if escaped == UInt8(ascii: "\n") { scan.end -= 1 }
            report(.unknownEscape, start..<scan.end)
        }
    }

    /// `{X…}` after `\u`: 1–8 hex digits naming a Unicode scalar.
    private static func unicodeEscape(_ bytes: [UInt8], at index: inout Int) -> Unicode.Scalar? {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        let digitsStart = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "}"), bytes[index] != UInt8(ascii: "\""),
              bytes[index] != UInt8(ascii: "\n"), index - digitsStart <= 8 {
            index += 1
        }
        let digits = bytes[digitsStart..<index]
        guard index < bytes.count, bytes[index] == UInt8(ascii: "}") else { return nil }
        index += 1
        guard (1...8).contains(digits.count), let value = UInt32(String(decoding: digits, as: UTF8.self), radix: 16) else { return nil }
        return Unicode.Scalar(value)
    }
}
