/// Appends declarations to `.flow` text in the canonical layout that `flowgate fmt` produces (a
/// property per line, two-space indent, a blank line after each block), so a generated estate is
/// also a realistic input for the formatter.
struct FlowText {
    private(set) var text = ""

    init(reservingCapacity capacity: Int = 0) { text.reserveCapacity(capacity) }

    mutating func comment(_ line: String) {
        text += "# \(line)\n"
    }

    mutating func line(_ statement: String) {
        text += "\(statement)\n\n"
    }

    /// `header { properties }`; empty property strings are skipped, so a chain can leave a line out.
    mutating func block(_ header: String, _ properties: [String]) {
        text += header
        text += " {\n"
        for property in properties where !property.isEmpty {
            text += "  "
            text += property
            text += "\n"
        }
        text += "}\n\n"
    }

    mutating func flow(_ id: String, _ from: String, _ to: String, _ title: String, _ properties: [String]) {
        block("flow \(id) \(from) -> \(to) \"\(title)\"", properties)
    }

    /// The text as a file: the canonical layout has no blank line at the end.
    var fileText: String {
        text.hasSuffix("\n\n") ? String(text.dropLast()) : text
    }

    mutating func removeAll() { text.removeAll(keepingCapacity: true) }
}
