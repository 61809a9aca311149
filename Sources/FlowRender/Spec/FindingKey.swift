import FlowLanguage

/// The numbered key of a diagram's findings: each rule code (at each severity) drawn on the diagram
/// gets a number, the diagram marks elements with the numbers (`[1]`), and a table under the legend
/// gives each number's code, severity and what the rule checks in plain words. A SIRO or Caldicott
/// Guardian reads the table; `flowgate explain CODE` has the law and the fix.
struct FindingKey {
    struct Entry: Equatable {
        var number: Int
        var code: String
        var severity: Severity
        /// The rule's summary; nil when the caller supplied none.
        var summary: String?
    }

    /// Characters per line of the key's text: within an A4 portrait page's text width.
    static let width = 74

    let entries: [Entry]
    private let numbers: [String: Int]

    /// Most severe first, then by code: the numbers read in order of urgency.
    init(_ spec: DiagramSpec) {
        let findings = (spec.nodes.flatMap(\.findings) + spec.edges.flatMap(\.findings)).sorted()
        var entries: [Entry] = []
        var numbers: [String: Int] = [:]
        for finding in findings where numbers[Self.key(finding)] == nil {
            numbers[Self.key(finding)] = entries.count + 1
            entries.append(Entry(number: entries.count + 1, code: finding.code, severity: finding.severity, summary: finding.summary))
        }
        self.entries = entries
        self.numbers = numbers
    }

    private static func key(_ finding: DiagramFinding) -> String { finding.code + "\u{0}" + finding.severity.rawValue }

    /// The callout drawn on an element: `[3]`.
    func callout(_ finding: DiagramFinding) -> String { "[\(numbers[Self.key(finding)] ?? 0)]" }

    /// Each entry's text lines, `width` characters wide: `FG003 error: An Article 9 condition …`.
    func lines(_ entry: Entry, width: Int) -> [String] {
        let summary = entry.summary ?? "see flowgate explain \(entry.code)"
        return Wording.wrap("\(entry.code) \(entry.severity.rawValue): \(summary)", width: width)
    }
}
