/// On summary diagrams (the overview and partner pages), the leaves of a busy node — organisations
/// whose only arrow joins them to it — are rows of one table instead of a box each.
///
/// `dot` gives every such leaf its own box in the next rank, and every arrow's label a slot beside
/// it: fifteen of them make a column (or row) far longer than an A4 page holds at a readable size,
/// and spreading them over more ranks only adds ranks. As rows of a table they take a fraction of
/// the space and each keeps its own arrow — line style, weight and colour of its level — ending at
/// its row; the row says in words what the box and the arrow's label said: name, kind, the level as
/// its capitalised marker, the number of flows, the opt-out marker and the finding codes.
struct LeafTable {
    /// Node name and SVG id: `leaves-to-<hub>` (the hub sends to the rows) or `leaves-from-<hub>`.
    var id: String
    var outgoing: Bool
    var rows: [(node: DiagramNode, edge: DiagramEdge)]

    /// A node needs at least this many leaves on one side for them to become a table.
    static let minimumRows = 4

    static func tables(_ spec: DiagramSpec) -> [LeafTable] {
        guard spec.labels == .summary else { return [] }
        let nodes = Dictionary(spec.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let edges = Dictionary(spec.edges.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        return FanOut.groups(spec.edges).compactMap { group in
            // A leaf in a boundary keeps its box: the boundary's frame must be drawn round it.
            let rows = group.leaves.compactMap { leaf -> (node: DiagramNode, edge: DiagramEdge)? in
                guard let node = nodes[leaf.leaf], node.cluster == nil, let edge = edges[leaf.edge] else { return nil }
                if case .organisation = node.kind { return (node, edge) }
                return nil
            }
            guard rows.count >= minimumRows else { return nil }
            return LeafTable(id: "leaves-" + (group.outgoing ? "to-" : "from-") + group.hub, outgoing: group.outgoing, rows: rows)
        }
    }

    /// The table: a heading, then a row per leaf (its port, named by the leaf's node id, faces the hub).
    func label(_ spec: DiagramSpec, key: FindingKey) -> String {
        let heading = outgoing
            ? "\(rows.count) recipients, each receiving data from this organisation only"
            : "\(rows.count) sources, each sending data to this organisation only"
        var html = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>" + Escape.html(heading) + "</B></TD></TR>"
        for (node, edge) in rows {
            let line = "<BR ALIGN=\"LEFT\"/>"
            var text = Wording.wrap(node.title, width: 40).map { "<B>" + Escape.html($0) + "</B>" }.joined(separator: line)
            // One font per line (see `DOTWriter.codeLines`): the level's capitals mark it.
            var level = (outgoing ? "receives " : "sends ") + LevelStyle.of(edge.level).marker
            if edge.flowCount > 1 { level += " · \(edge.flowCount) flows" }
            if !edge.optOutsApplied.isEmpty { level += " · ⊘" }
            text += line + Escape.html((node.details.first.map { $0 + " · " } ?? "") + level)
            if let declared = edge.declaredLevel { text += line + Escape.html("(declared " + Wording.level(declared) + ")") }
            let fill = node.kind.organisationFill
            let findings = DOTWriter.codeLines(node.findings + edge.findings, width: 20, key: key)
            // The arrow meets the row at the table's edge facing the hub: the name cell's west side
            // for recipients, the last cell's east side for sources.
            let lastPort = outgoing ? "" : " PORT=\"\(node.id)\""
            let findingCell = findings.isEmpty
                ? "<TD\(lastPort) SIDES=\"T\" BORDER=\"1\" BGCOLOR=\"\(fill)\"></TD>"
                : "<TD\(lastPort) SIDES=\"T\" BORDER=\"1\" ALIGN=\"LEFT\" BALIGN=\"LEFT\" BGCOLOR=\"\(DOTWriter.findingFill)\">"
                    + findings.joined(separator: "<BR ALIGN=\"LEFT\"/>") + "<BR ALIGN=\"LEFT\"/></TD>"
            let firstPort = outgoing ? " PORT=\"\(node.id)\"" : ""
            html += "<TR><TD\(firstPort) SIDES=\"T\" BORDER=\"1\" ALIGN=\"LEFT\" BALIGN=\"LEFT\" BGCOLOR=\"\(fill)\">"
                + text + "<BR ALIGN=\"LEFT\"/></TD>" + findingCell + "</TR>"
        }
        return "<FONT POINT-SIZE=\"9\"><TABLE BORDER=\"1\" COLOR=\"#333333\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"3\" BGCOLOR=\"#FFFFFF\">"
            + html + "</TABLE></FONT>"
    }

    /// Hover text: every row's organisation and flows.
    var tooltip: String {
        rows.map { $0.node.tooltip + "\n" + $0.edge.tooltip }.joined(separator: "\n\n")
    }
}

extension DiagramNodeKind {
    /// The pale fill of an organisation's box (white for anything else).
    var organisationFill: String {
        if case .organisation(let kind) = self { return OrganisationGroup(kind).fill }
        return "#FFFFFF"
    }
}
