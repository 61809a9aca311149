import FlowGraphviz
import FlowModel

/// A small DOT graph of the change: the organisations at either end of an added, removed or
/// changed flow, those flows (added green and bold, removed red and dashed, changed orange), and
/// for context the unchanged flows between the same organisations (grey). New recipients get a
/// double green border. Every text is quoted with `DOTEscaping.quoted`.
public enum DiffDiagram {
    public static let addedColour = "#1a7f37"
    public static let removedColour = "#cf222e"
    public static let changedColour = "#bc4c00"
    public static let unchangedColour = "#8c959f"

    public static func dot(_ diff: ModelDiff) -> String {
        var nodes: Set<String> = []
        for flow in diff.added + diff.removed + diff.changed.map(\.after) {
            nodes.insert(flow.from)
            nodes.insert(flow.to)
        }
        let context = diff.unchanged.filter { nodes.contains($0.from) && nodes.contains($0.to) }
        let newRecipients = Set(diff.newRecipients.map(\.id))
        let q = DOTEscaping.quoted

        var lines = [
            "digraph flowgate_diff {",
            "  graph [rankdir=LR, fontname=\"Helvetica\", labelloc=t, label=\(q(title(diff)))];",
            "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#ffffff\", fontname=\"Helvetica\", fontsize=11];",
            "  edge [fontname=\"Helvetica\", fontsize=9];",
        ]
        for id in nodes.sorted() {
            let name = diff.organisationTitles[id].map { "\($0)\n(\(id))" } ?? id
            var attributes = ["label=\(q(name))"]
            if newRecipients.contains(id) {
                attributes += ["color=\(q(addedColour))", "peripheries=2", "penwidth=2", "tooltip=\(q("new recipient"))"]
            }
            lines.append("  \(q(id)) [\(attributes.joined(separator: ", "))];")
        }
        func edge(_ flow: FlowSummary, mark: String, colour: String, style: String, tooltip: String) {
            let label = "\(mark)\(flow.id)\n\(flow.dataset), \(flow.recipientLevel.spelling)"
            lines.append("  \(q(flow.from)) -> \(q(flow.to)) [label=\(q(label)), color=\(q(colour)), fontcolor=\(q(colour)), "
                + "style=\(style), penwidth=\(style == "bold" ? 2 : 1), tooltip=\(q(tooltip))];")
        }
        for flow in context { edge(flow, mark: "", colour: unchangedColour, style: "solid", tooltip: "unchanged") }
        for change in diff.changed {
            edge(change.after, mark: "~ ", colour: changedColour, style: "solid",
                 tooltip: "changed: " + change.changes.map(\.attribute).joined(separator: ", "))
        }
        for flow in diff.removed { edge(flow, mark: "− ", colour: removedColour, style: "dashed", tooltip: "removed") }
        for flow in diff.added { edge(flow, mark: "+ ", colour: addedColour, style: "bold", tooltip: "added") }
        if nodes.isEmpty {
            lines.append("  nochange [shape=plaintext, style=\"\", label=\(q("no flows added, removed or changed"))];")
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    static func title(_ diff: ModelDiff) -> String {
        "Flow changes: \(diff.oldLabel) → \(diff.newLabel)\n"
            + "+ added (\(diff.added.count))   − removed (\(diff.removed.count))   ~ changed (\(diff.changed.count))"
    }
}
