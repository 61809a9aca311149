import FlowAnalysis
import FlowLanguage
import FlowRules

/// Compiler-style text: each diagnostic or finding with its source line, notes, help, and for
/// path-based findings the witness path, origin first, with the breaking hop marked.
public enum FindingText {
    public static func document(_ report: CheckReport) -> String {
        var output = ""
        for diagnostic in report.diagnostics {
            output += DiagnosticRenderer.render(diagnostic, sources: report.sources) + "\n\n"
        }
        for group in report.groups {
            output += DiagnosticRenderer.render(group.lead.diagnostic, sources: report.sources) + "\n"
            if let witness = group.lead.witness {
                output += render(witness, sources: report.sources)
            }
            if !group.consequences.isEmpty {
                output += render(consequences: group.consequences, sources: report.sources)
            }
            output += "\n"
        }
        if !report.ruleSettings.isEmpty {
            output += "rule settings:\n"
            for applied in report.ruleSettings {
                output += "  \(applied.setting.location): \(applied.setting.summary)"
                if case .disable = applied.setting.action {
                    output += " (\(applied.suppressed) finding\(applied.suppressed == 1 ? "" : "s") not shown)"
                }
                output += "\n"
            }
            output += "\n"
        }
        output += summary(report) + "\n"
        return output
    }

    static func render(_ witness: WitnessPath, sources: SourceMap) -> String {
        var lines = ["   = path (origin first):"]
        let width = String(witness.hops.count).count
        for (index, hop) in witness.hops.enumerated() {
            let number = String(repeating: " ", count: width - String(index + 1).count) + String(index + 1)
            let marker = index == witness.breakingHop ? ">>" : "  "
            var line = "     \(marker) \(number). " + describe(hop, sources: sources)
            if index == witness.breakingHop { line += "  <- breaks the rule" }
            lines.append(TerminalText.escaped(line))
        }
        for branch in witness.branches {
            lines.append("   = joined at \(branch.joinsAt + 1) by (origin first):")
            for (index, hop) in branch.hops.enumerated() {
                lines.append(TerminalText.escaped("        \(branch.joinsAt + 1)\(Self.letter(index)). " + describe(hop, sources: sources)))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// a, b, …, z, then aa, ab, …: a branch's steps, told apart from the path's numbers.
    static func letter(_ index: Int) -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyz")
        return index < letters.count ? String(letters[index]) : String(letters[index / letters.count - 1]) + String(letters[index % letters.count])
    }

    static func describe(_ hop: WitnessHop, sources: SourceMap) -> String {
        var line = summary(of: hop)
        if let location = sources.location(of: hop.span) {
            line += " (\(hop.span.path):\(location.line))"
        }
        return line
    }

    /// What follows from a finding, one line each, under it: each is a finding of its own in JSON
    /// and SARIF, but here it is read as part of the root cause.
    static func render(consequences: [Finding], sources: SourceMap) -> String {
        var lines = ["   = follows from this, not counted apart (\(consequences.count)):"]
        for finding in consequences {
            var line = "     - \(finding.severity.rawValue)[\(finding.code)]: \(finding.message)"
            if let location = sources.location(of: finding.span) {
                line += " (\(finding.span.path):\(location.line):\(location.column))"
            }
            lines.append(TerminalText.escaped(line))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One hop of a witness path: `nhs-digital -> dscro | sus | identifiable | s251-reg5 cag-7-04a | opt-outs applied: none`.
    public static func summary(of hop: WitnessHop) -> String {
        let route = hop.kind == .flow ? "\(hop.from) -> \(hop.to)" : "at \(hop.from): \(hop.bases)"
        let filters = hop.filters.isEmpty ? "none" : hop.filters.joined(separator: ", ")
        var line = "\(route) | \(hop.dataset) | \(hop.level.rawValue)"
        if hop.kind == .flow { line += " | \(hop.bases)" }
        return line + " | opt-outs applied: \(filters)"
    }

    public static func summary(_ report: CheckReport) -> String {
        var parts: [String] = []
        for severity in Severity.allCases.reversed() {
            let count = report.count(severity)
            if count > 0 { parts.append("\(count) \(severity.rawValue)\(count == 1 ? "" : "s")") }
        }
        if report.groups.count < report.findings.count {
            parts.append("\(report.findings.count) findings in all, grouped by root cause")
        }
        if !report.waived.isEmpty { parts.append("\(report.waived.count) waived") }
        if report.baselined > 0 { parts.append("\(report.baselined) in baseline") }
        let disabled = report.ruleSettings.reduce(0) { $0 + $1.suppressed }
        if disabled > 0 { parts.append("\(disabled) from disabled rules") }
        return parts.isEmpty ? "no problems found" : parts.joined(separator: ", ")
    }
}
