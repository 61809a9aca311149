import FlowLanguage
import FlowModel

/// The diff for a terminal or a CI log.
public enum DiffText {
    public static func document(_ diff: ModelDiff) -> String {
        var lines = ["Comparing \(diff.oldLabel) → \(diff.newLabel)", ""]
        if diff.isEmpty {
            lines.append("No changes to flows, recipients or findings.")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("Flows: \(diff.added.count) added, \(diff.removed.count) removed, \(diff.changed.count) changed")
        for flow in diff.added { lines.append("  + " + describe(flow)) }
        for flow in diff.removed { lines.append("  - " + describe(flow)) }
        for change in diff.changed {
            lines.append("  ~ \(change.id) (\(change.after.from) -> \(change.after.to))" + location(change.after))
            for attribute in change.changes {
                lines.append("      \(attribute.attribute): \(shown(attribute.before)) → \(shown(attribute.after))")
            }
        }
        section("New identifiable flows", diff.newIdentifiable, into: &lines) { flow in
            "  ! " + describe(flow) + (flow.declaredLevel != flow.recipientLevel ? " [identifiable in \(flow.to)'s hands]" : "")
        }
        section("New special-category flows", diff.newSpecialCategory, into: &lines) { flow in
            "  ! " + describe(flow) + " [" + flow.specialCategories.map(\.spelling).joined(separator: ", ") + "]"
        }
        section("New recipients", diff.newRecipients, into: &lines) { recipient in
            "  + \(recipient.id)" + (recipient.title.map { " \"\($0)\"" } ?? "") + " via " + recipient.flows.joined(separator: ", ")
        }
        if !diff.newFindings.isEmpty || !diff.resolvedFindings.isEmpty {
            lines.append("")
            lines.append("Findings: \(diff.newFindings.count) new, \(diff.resolvedFindings.count) resolved")
            for finding in diff.newFindings { lines.append("  + " + describe(finding, side: nil)) }
            for finding in diff.resolvedFindings { lines.append("  - " + describe(finding, side: diff.oldLabel)) }
        }
        // Titles, messages and paths come from the model: each line is escaped whole, line breaks
        // inside a title included.
        return lines.map { TerminalText.escaped($0) }.joined(separator: "\n") + "\n"
    }

    static func section<T>(_ title: String, _ items: [T], into lines: inout [String], _ line: (T) -> String) {
        guard !items.isEmpty else { return }
        lines.append("")
        lines.append("\(title) (\(items.count)):")
        for item in items { lines.append(line(item)) }
    }

    static func describe(_ flow: FlowSummary) -> String {
        var text = "\(flow.id) (\(flow.from) -> \(flow.to)): \(flow.dataset), \(flow.recipientLevel.spelling)"
        if let title = flow.title { text += " \"\(title)\"" }
        return text + location(flow)
    }

    static func location(_ flow: FlowSummary) -> String {
        flow.location.map { "  \($0)" } ?? ""
    }

    static func describe(_ finding: FindingSummary, side: String?) -> String {
        let place = finding.location.map { (side.map { "\($0):" } ?? "") + $0.description + ": " } ?? ""
        return "\(place)\(finding.severity.rawValue)[\(finding.code)]: \(finding.message) (fingerprint \(finding.fingerprint))"
    }

    static func shown(_ value: String) -> String { value.isEmpty ? "(none)" : value }
}
