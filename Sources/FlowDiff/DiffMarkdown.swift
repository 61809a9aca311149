import FlowModel

/// The diff as GitHub-flavoured Markdown, fit for a pull-request comment. Model text (titles,
/// messages) is escaped so that it can neither break a table nor inject HTML, links or mentions.
public enum DiffMarkdown {
    public static func document(_ diff: ModelDiff) -> String {
        var out = "### flowgate diff: `\(code(diff.oldLabel))` → \(escape(diff.newLabel))\n\n"
        if diff.isEmpty {
            return out + "No changes to flows, recipients or findings.\n"
        }
        out += "| Flows added | Flows removed | Flows changed | New identifiable | New special-category | New recipients | New findings | Resolved findings |\n"
        out += "|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        out += "| \(diff.added.count) | \(diff.removed.count) | \(diff.changed.count) | \(diff.newIdentifiable.count) | "
            + "\(diff.newSpecialCategory.count) | \(diff.newRecipients.count) | \(diff.newFindings.count) | \(diff.resolvedFindings.count) |\n"

        if !diff.newIdentifiable.isEmpty || !diff.newSpecialCategory.isEmpty || !diff.newRecipients.isEmpty {
            out += "\n> [!WARNING]\n"
            if !diff.newIdentifiable.isEmpty {
                out += "> Identifiable data now reaches a recipient through " + shortList(diff.newIdentifiable.map(\.id)) + ".\n"
            }
            if !diff.newSpecialCategory.isEmpty {
                out += "> Special-category personal data now flows through " + shortList(diff.newSpecialCategory.map(\.id)) + ".\n"
            }
            if !diff.newRecipients.isEmpty {
                out += "> New recipients: " + shortList(diff.newRecipients.map(\.id)) + ".\n"
            }
        }

        if !diff.added.isEmpty { out += section("Flows added", count: diff.added.count, flowTable(diff.added)) }
        if !diff.removed.isEmpty { out += section("Flows removed", count: diff.removed.count, flowTable(diff.removed)) }
        if !diff.changed.isEmpty {
            var table = "| Flow | Attribute | Before | After |\n|---|---|---|---|\n"
            for change in diff.changed {
                for (index, attribute) in change.changes.enumerated() {
                    let flow = index == 0 ? "`\(code(change.id))` (\(code(change.after.from)) → \(code(change.after.to)))" : ""
                    table += "| \(flow) | \(attribute.attribute) | \(value(attribute.before)) | \(value(attribute.after)) |\n"
                }
            }
            out += section("Flows changed", count: diff.changed.count, table)
        }
        if !diff.newRecipients.isEmpty {
            var table = "| Organisation | Receives through |\n|---|---|\n"
            for recipient in diff.newRecipients {
                table += "| `\(code(recipient.id))`" + (recipient.title.map { " " + escape($0) } ?? "") + " | " + list(recipient.flows) + " |\n"
            }
            out += section("New recipients", count: diff.newRecipients.count, table)
        }
        if !diff.newFindings.isEmpty { out += section("New findings", count: diff.newFindings.count, findingTable(diff.newFindings)) }
        if !diff.resolvedFindings.isEmpty {
            out += section("Resolved findings", count: diff.resolvedFindings.count, findingTable(diff.resolvedFindings))
        }
        return out
    }

    /// Sections longer than this are folded (`<details>`), so a large change still makes a readable comment.
    public static let foldAbove = 15
    /// Warnings name at most this many flows or organisations, then "and N more".
    public static let warningListLimit = 10

    static func section(_ title: String, count: Int, _ table: String) -> String {
        guard count > foldAbove else { return "\n#### \(title)\n\n" + table }
        return "\n<details><summary><b>\(title) (\(count))</b></summary>\n\n" + table + "\n</details>\n"
    }

    static func flowTable(_ flows: [FlowSummary]) -> String {
        var out = "| Flow | From → To | Data | Level (recipient) | Special category | Purposes |\n|---|---|---|---|---|---|\n"
        for flow in flows {
            let title = flow.title.map { "<br>" + escape($0) } ?? ""
            out += "| `\(code(flow.id))`\(title) | \(code(flow.from)) → \(code(flow.to)) | `\(code(flow.dataset))` | \(flow.recipientLevel.spelling)"
                + " | \(flow.specialCategories.isEmpty ? "—" : flow.specialCategories.map(\.spelling).joined(separator: ", "))"
                + " | \(flow.purposes.map { "`\(code($0))`" }.joined(separator: ", ")) |\n"
        }
        return out
    }

    static func findingTable(_ findings: [FindingSummary]) -> String {
        var out = "| Severity | Code | Where | Message |\n|---|---|---|---|\n"
        for finding in findings {
            let place = finding.location.map { "`\(code($0.description))`" } ?? "`\(code(finding.target))`"
            out += "| \(finding.severity.rawValue) | \(finding.code) | \(place) | \(escape(finding.message)) |\n"
        }
        return out
    }

    static func list(_ ids: [String]) -> String { ids.map { "`\(code($0))`" }.joined(separator: ", ") }

    static func shortList(_ ids: [String]) -> String {
        guard ids.count > warningListLimit else { return list(ids) }
        return list(Array(ids.prefix(warningListLimit))) + " and \(ids.count - warningListLimit) more"
    }

    static func value(_ text: String) -> String { text.isEmpty ? "*(none)*" : "`\(code(text))`" }

    /// Text inside a code span in a table cell: backticks cannot be escaped there, so they become `'`,
    /// and `|` must be escaped even inside code spans in GFM tables.
    static func code(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "`": result += "'"
            case "|": result += "\\|"
            case "\n", "\r", "\t": result += " "
            default: result.append(character)
            }
        }
        return result
    }

    /// Plain text: Markdown punctuation backslash-escaped, HTML special characters as entities,
    /// line breaks as spaces, and `@` kept from mentioning anyone.
    public static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "@": result += "@\u{200B}"
            case "\n", "\r", "\t": result += " "
            case "\\", "`", "*", "_", "[", "]", "|", "~":
                result += "\\" + String(character)
            default: result.append(character)
            }
        }
        return result
    }
}
