import FlowLanguage

/// How findings read on a diagram, shared by the DOT and Mermaid writers: one group per severity, most
/// severe first, each code once (`⚠ error FG003 FG015 FG017`). Naming the severity once per group
/// instead of after every code keeps the highlighted block narrow; the code is what
/// `flowgate explain` takes, and the tooltip has the messages.
enum FindingText {
    /// Lines of at most `width` characters where possible; a group too long for one line continues
    /// on the next without repeating the severity.
    /// `name` says how a finding is named: its code, or its callout number (`FindingKey`).
    static func lines(_ findings: [DiagramFinding], width: Int, name: (DiagramFinding) -> String = \.code) -> [String] {
        var lines: [String] = []
        for severity in Severity.allCases.sorted(by: >) {
            var seen: Set<String> = []
            let codes = findings.filter { $0.severity == severity && seen.insert($0.code).inserted }.map(name)
            guard !codes.isEmpty else { continue }
            var current = "⚠ " + severity.rawValue
            var holdsCode = false
            for code in codes {
                if holdsCode, current.count + 1 + code.count > width {
                    lines.append(current)
                    current = code
                } else {
                    current += " " + code
                }
                holdsCode = true
            }
            lines.append(current)
        }
        return lines
    }

    /// The short form on overview labels and boxes: each code once (at its most severe), most severe
    /// first, `⚠ FG003 FG011 FG008` wrapped at `width` characters. Writers set error codes in bold
    /// (`isError`), which the legend explains.
    static func codes(_ findings: [DiagramFinding], width: Int, name: (DiagramFinding) -> String = \.code) -> [[(code: String, isError: Bool)]] {
        var seen: Set<String> = []
        let unique = findings.sorted().filter { seen.insert($0.code).inserted }
        var lines: [[(code: String, isError: Bool)]] = []
        var current: [(code: String, isError: Bool)] = []
        var length = 1
        for finding in unique {
            let label = name(finding)
            if !current.isEmpty, length + 1 + label.count > width {
                lines.append(current)
                current = []
                length = 1
            }
            current.append((label, finding.severity == .error))
            length += 1 + label.count
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
