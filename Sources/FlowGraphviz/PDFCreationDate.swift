/// Removes the render time from cairo's PDF output, so that the same DOT gives the same PDF bytes.
enum PDFCreationDate {
    /// `bytes` with each `/CreationDate (D:…)` entry overwritten by spaces of the same length, so the
    /// cross-reference table's byte offsets stay valid.
    static func blanked(_ bytes: [UInt8]) -> [UInt8] {
        let key = Array("/CreationDate (".utf8)
        var result = bytes
        var index = 0
        while index + key.count <= result.count {
            guard result[index] == key[0], result[index..<index + key.count].elementsEqual(key) else {
                index += 1
                continue
            }
            guard let close = result[(index + key.count)...].prefix(64).firstIndex(of: UInt8(ascii: ")")) else { break }
            for position in index...close { result[position] = UInt8(ascii: " ") }
            index = close + 1
        }
        return result
    }
}
