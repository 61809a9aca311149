/// Removes the render time from cairo's PDF output, so that the same DOT gives the same PDF bytes
/// at any time and in any time zone.
enum PDFCreationDate {
    /// `bytes` without their `/CreationDate (D:…)` entry, the cross-reference table and `startxref`
    /// moved to match. Blanking the entry in place (same length) kept the offsets valid but not the
    /// bytes: the date ends with its time zone, `Z` in UTC and `+05'30'` in India, and `+01'00'`
    /// under UK summer time, so `render --check` failed on a committed PDF drawn in winter.
    static func normalised(_ bytes: [UInt8]) -> [UInt8] {
        guard let entry = entry(in: bytes) else { return bytes }
        var result = bytes
        result.removeSubrange(entry)
        let removed = entry.count
        // Every offset past the entry moves back by its length; nothing before it moves.
        func moved(_ offset: Int) -> Int { offset > entry.lowerBound ? offset - removed : offset }
        guard let table = lastIndex(of: Array("\nxref\n".utf8), in: result) else { return bytes }
        var index = table + 6
        while let line = nextLine(in: result, from: index) {
            let text = result[line]
            // A subsection header ("0 47"), an entry ("0000036592 00000 n "), or the end of the table.
            if text.count >= 18, text[text.startIndex + 10] == UInt8(ascii: " "), let offset = Int(String(decoding: text.prefix(10), as: UTF8.self)) {
                let digits = Array(String(moved(offset)).utf8)
                guard digits.count <= 10 else { return bytes }
                result.replaceSubrange(line.lowerBound..<line.lowerBound + 10, with: Array(repeating: UInt8(ascii: "0"), count: 10 - digits.count) + digits)
            } else if !text.allSatisfy({ $0 == UInt8(ascii: " ") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) {
                break
            }
            index = line.upperBound + 1
        }
        guard let start = lastIndex(of: Array("startxref\n".utf8), in: result),
              let line = nextLine(in: result, from: start + 10),
              let offset = Int(String(decoding: result[line], as: UTF8.self)) else { return bytes }
        result.replaceSubrange(line, with: Array(String(moved(offset)).utf8))
        return result
    }

    /// `/CreationDate (…)` with the space before it.
    private static func entry(in bytes: [UInt8]) -> Range<Int>? {
        let key = Array("/CreationDate (".utf8)
        guard let start = firstIndex(of: key, in: bytes),
              let close = bytes[(start + key.count)...].prefix(64).firstIndex(of: UInt8(ascii: ")")) else { return nil }
        let lower = start > 0 && bytes[start - 1] == UInt8(ascii: " ") ? start - 1 : start
        return lower..<close + 1
    }

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).first { bytes[$0] == needle[0] && bytes[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    private static func lastIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        return (0...(bytes.count - needle.count)).reversed().first { bytes[$0] == needle[0] && bytes[$0..<$0 + needle.count].elementsEqual(needle) }
    }

    /// The line starting at `index`, without its line feed (and without a carriage return before it).
    private static func nextLine(in bytes: [UInt8], from index: Int) -> Range<Int>? {
        guard index < bytes.count, let end = bytes[index...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
        let last = end > index && bytes[end - 1] == UInt8(ascii: "\r") ? end - 1 : end
        return index..<last
    }
}
