/// Makes Graphviz's output depend on the DOT text alone, so that a render can be compared byte for
/// byte with a committed file (`flowgate render --check`).
public enum OutputFinishing {
    /// Replaces each cluster's `<title>%N</title>` with its `id`. Clusters are local (`%`) subgraphs
    /// (see `DOTWriter`), which Graphviz titles with a process-wide counter, so the same DOT rendered
    /// twice in one process would otherwise differ.
    public static func svg(_ bytes: [UInt8]) -> [UInt8] {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var clusterID: String?
        for index in lines.indices {
            let line = lines[index]
            if let id = clusterID {
                clusterID = nil
                if line.hasPrefix("<title>%"), line.hasSuffix("</title>") {
                    lines[index] = "<title>" + id + "</title>"
                }
                continue
            }
            if line.hasPrefix("<g id=\""), line.hasSuffix("\" class=\"cluster\">") {
                clusterID = String(line.dropFirst(7).dropLast(17))
            }
        }
        return Array(lines.joined(separator: "\n").utf8)
    }

    /// Blanks cairo's `/CreationDate (D:…)` entry with spaces of the same length (so the cross-reference
    /// offsets stay valid): the PDF then carries no render time.
    public static func pdf(_ bytes: [UInt8]) -> [UInt8] {
        let key = Array("/CreationDate (".utf8)
        var result = bytes
        var index = 0
        while index + key.count <= result.count {
            guard result[index] == key[0], Array(result[index..<index + key.count]) == key else {
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
