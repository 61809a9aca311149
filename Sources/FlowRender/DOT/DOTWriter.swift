import FlowLanguage
import FlowModel

/// Writes a `DiagramSpec` as Graphviz DOT, for the `dot` layout engine.
///
/// Deterministic: clusters, nodes and edges come out in the spec's order, attributes in a fixed order,
/// numbers in a fixed format. Every user string goes through `Escape.html` (labels) or
/// `Escape.dotQuoted` (tooltips); element names and ids are `DiagramID`s (`[A-Za-z0-9_.-]`), quoted too.
public enum DOTWriter {
    public static let fontName = "Helvetica"
    static let findingFill = "#F0E442"
    static let derivationColor = "#555555"
    /// The blank margin around the drawing (`pad`), in inches.
    static let padInches = 0.2
    /// Characters per line of a node's bold title and of its smaller detail lines.
    static let nodeTitleWidth = 22
    static let nodeDetailWidth = 28

    /// A table cell showing a level's line (colour, dash pattern and weight), as in the legend.
    static func lineSample(_ style: LevelStyle, width: Int) -> String {
        let border = max(1, Int(style.penWidth.rounded()))
        return "<TD WIDTH=\"\(width)\" HEIGHT=\"8\" SIDES=\"B\" BORDER=\"\(border)\" COLOR=\"\(style.color)\" STYLE=\"\(style.lineStyle)\"></TD>"
    }

    /// Summary findings as HTML-label lines: `⚠` and the findings' numbers (`FindingText.codes`,
    /// numbered by `key`, most severe first).
    ///
    /// No line of a label mixes fonts: Graphviz draws each font change as its own SVG text run, and
    /// SVG renderers such as rsvg drop the spaces at either end of a run, so "<B>IDENTIFIABLE</B> to
    /// processor" printed as "IDENTIFIABLEto processor". Emphasis is a whole line's.
    static func codeLines(_ findings: [DiagramFinding], width: Int, key: FindingKey) -> [String] {
        FindingText.codes(findings, width: width, name: key.callout).enumerated().map { index, codes in
            Escape.html((index == 0 ? "⚠ " : "") + codes.map(\.code).joined(separator: " "))
        }
    }

    /// The resolution bitmaps are drawn at: print quality at the drawing's own size.
    public static let bitmapDPI = 300

    /// `spec` as DOT. `dpi` sets the resolution of bitmap output (PNG); leave it nil for SVG and PDF,
    /// whose coordinates it would scale.
    public static func dot(_ spec: DiagramSpec, dpi: Int? = nil) -> String {
        var writer = Writer(spec: spec, dpi: dpi)
        return writer.write()
    }
}

private struct Writer {
    let spec: DiagramSpec
    let dpi: Int?
    let policy: LayoutPolicy
    var out = ""

    /// Estimated rank of each node (drawings with boundaries only).
    let rank: [String: Int]
    /// Edges lengthened to spread a busy node's leaves over several ranks.
    let minimumLengths: [String: Int]
    /// Summary diagrams: busy nodes' leaves listed as rows of a table (see `LeafTable`), and the
    /// table's node name for each tabled leaf.
    let tables: [LeafTable]
    let tableOf: [String: String]
    /// The numbers of the findings drawn, and the key under the legend that explains them.
    let key: FindingKey
    /// Edges written from their recipient to their sender and drawn backwards (see `init`).
    let reversed: Set<String>
    /// The side (compass point) of both its nodes that each edge of a two-way pair uses (see `init`).
    let sides: [String: String]

    init(spec: DiagramSpec, dpi: Int?) {
        self.spec = spec
        self.dpi = dpi
        policy = LayoutPolicy.choose(nodes: spec.nodes.count, edges: spec.edges.count)
        let tables = LeafTable.tables(spec)
        var tableOf: [String: String] = [:]
        for table in tables { for row in table.rows { tableOf[row.node.id] = table.id } }
        self.tables = tables
        self.tableOf = tableOf
        key = FindingKey(spec)
        minimumLengths = FanOut.minimumLengths(spec.edges.filter { tableOf[$0.from] == nil && tableOf[$0.to] == nil })
        var rank: [String: Int] = [:]
        let pairs = Set(spec.edges.map { $0.from + "\u{0}" + $0.to })
        let twoWay = spec.edges.filter { $0.from != $0.to && pairs.contains($0.to + "\u{0}" + $0.from) }
        if spec.clusters.contains(where: { $0.role != .lineage }) || (!twoWay.isEmpty && policy.edgeLabelAttribute == "label") {
            for (index, members) in SizeEstimate(spec: spec).ranks.enumerated() {
                for member in members { rank[member] = index }
            }
        }
        self.rank = rank
        // Two organisations that send each other data make a cycle, which dot breaks by turning one
        // edge round; its label then sits in the gap the other edge runs through. Written in the same
        // direction as its partner (and drawn backwards, `dir=back`), it gets its own place beside it.
        // The two then leave and enter their nodes on opposite sides, so that neither runs through the
        // other's label (side by side from the same ports, the second crossed the first's label).
        var reversed: Set<String> = []
        var sides: [String: String] = [:]
        if policy.edgeLabelAttribute == "label" {
            let (first, second) = spec.orientation == .topToBottom ? ("w", "e") : ("n", "s")
            for edge in twoWay where tableOf[edge.from] == nil && tableOf[edge.to] == nil {
                let backwards = (rank[edge.from] ?? 0, edge.from) > (rank[edge.to] ?? 0, edge.to)
                if backwards { reversed.insert(edge.id) }
                sides[edge.id] = backwards ? second : first
            }
        }
        self.reversed = reversed
        self.sides = sides
    }

    mutating func write() -> String {
        line("// Generated by `flowgate render` from .flow files; do not edit.")
        line("digraph \(quoted("flowgate")) {")
        var graph: [(String, String)] = [
            ("id", quoted("diagram")), ("charset", quoted("UTF-8")), ("rankdir", quoted(spec.orientation.rawValue)),
            ("fontname", quoted(DOTWriter.fontName)), ("fontsize", quoted("11")),
            ("labelloc", quoted("t")), ("labeljust", quoted("l")),
            ("nodesep", quoted("0.2")), ("ranksep", quoted(rankSeparation)), ("pad", quoted(number(DOTWriter.padInches))),
            ("newrank", quoted("true")), ("outputorder", quoted("edgesfirst")),
            ("tooltip", tooltip(spec.title)),
        ]
        graph += policy.graphAttributes.map { ($0.name, quoted($0.value)) }
        if let dpi { graph.append(("dpi", quoted(String(dpi)))) }
        graph.append(("label", "<" + graphLabel() + ">"))
        line("  graph [" + attributes(graph) + "];")
        line("  node [" + attributes([
            ("fontname", quoted(DOTWriter.fontName)), ("fontsize", quoted("10")), ("color", quoted("#333333")),
            ("penwidth", quoted("1.2")), ("margin", quoted("0.08,0.04")),
        ]) + "];")
        line("  edge [" + attributes([
            ("fontname", quoted(DOTWriter.fontName)), ("fontsize", quoted("9")), ("arrowsize", quoted("0.8")),
        ]) + "];")
        writeClusters(parent: nil, indent: "  ")
        for node in spec.nodes where tableOf[node.id] == nil { writeNode(node) }
        for table in tables {
            line("  " + quoted(table.id) + " [" + attributes([
                ("id", quoted(table.id)), ("shape", quoted("plaintext")), ("margin", quoted("0")),
                ("label", "<" + table.label(spec, key: key) + ">"), ("tooltip", tooltip(table.tooltip)),
            ]) + "];")
        }
        for edge in spec.edges { writeEdge(edge) }
        line("}")
        return out
    }

    /// Inches between ranks: tight on summary pages that are to fit A4 (their labels are short);
    /// roomier elsewhere, and on large views, where packed ranks make `xlabel` placement search longer.
    var rankSeparation: String {
        spec.labels == .summary && policy.edgeLabelAttribute == "label" ? "0.12" : "0.25"
    }

    mutating func line(_ text: String) {
        out += text
        out += "\n"
    }

    /// Every DOT string, clipped (`Wording.clipped`): Graphviz's DOT reader slows down far more than
    /// linearly on strings of megabytes, and a tooltip longer than a page is read by nobody.
    func quoted(_ text: String) -> String { Escape.dotQuoted(Wording.clipped(text)) }

    /// A tooltip, clipped like every DOT string, with its backslashes kept (`Escape.dotTooltip`).
    func tooltip(_ text: String) -> String { Escape.dotTooltip(Wording.clipped(text)) }

    func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ", ")
    }

    // MARK: - Clusters

    mutating func writeClusters(parent: String?, indent: String) {
        for cluster in spec.clusters where cluster.parent == parent {
            // The id starts with "cluster", which makes the subgraph a Graphviz cluster. (FlowGraphviz
            // keeps sibling clusters in this order; see GraphvizIDs.)
            line(indent + "subgraph \(quoted(cluster.id)) {")
            var pairs: [(String, String)] = [("id", quoted(cluster.id))]
            switch cluster.role {
            case .boundary(let kind, let promises):
                let title = Wording.wrap(cluster.title, width: 26)
                let details = ([Wording.boundary(kind)] + promises.map { "promise: " + Wording.promise($0) })
                    .flatMap { Wording.wrap($0, width: 30) }
                let label = title.map { "<B>" + Escape.html($0) + "</B>" }.joined(separator: "<BR ALIGN=\"LEFT\"/>")
                    + details.map { "<BR ALIGN=\"LEFT\"/>" + small($0, color: "#444444") }.joined()
                    + "<BR ALIGN=\"LEFT\"/>"
                pairs += [
                    ("style", quoted("rounded,dashed,filled")), ("color", quoted("#555555")),
                    ("fillcolor", quoted(cluster.depth % 2 == 0 ? "#F7F7F7" : "#EDEDED")),
                    ("penwidth", quoted("1.5")), ("labeljust", quoted("l")), ("fontsize", quoted("10")),
                    ("tooltip", tooltip(cluster.title + " (" + cluster.name + ")")),
                ]
                if let anchor = topmostMember(of: cluster.id) {
                    // Edges cross a cluster's label (dot routes them round nodes only): top to bottom
                    // they enter through the top, right through it, and left to right the arrows
                    // leaving a busy member fan out across it. The label becomes a text node in the
                    // rank of the cluster's first member instead, which edges go round.
                    // Subgraphs inherit graph attributes: clear the label (the title block's) explicitly.
                    line(indent + "  graph [" + attributes(pairs + [("label", quoted(""))]) + "];")
                    let labelNode = cluster.id + "-label"
                    line(indent + "  " + quoted(labelNode) + " [" + attributes([
                        ("id", quoted(labelNode)), ("shape", quoted("plaintext")), ("style", quoted("")),
                        ("label", "<" + label + ">"), ("tooltip", tooltip(cluster.title + " (" + cluster.name + ")")),
                    ]) + "];")
                    line(indent + "  subgraph \(quoted("rank-" + labelNode)) { graph [rank=\(quoted("same")), label=\(quoted(""))]; "
                        + quoted(labelNode) + "; " + quoted(anchor) + "; }")
                    for node in spec.nodes where node.cluster == cluster.id { line(indent + "  " + quoted(node.id) + ";") }
                    writeClusters(parent: cluster.id, indent: indent + "  ")
                    line(indent + "}")
                    continue
                }
                pairs.append(("label", "<" + label + ">"))
            case .lineage:
                pairs += [
                    ("label", "<<B>" + Escape.html(cluster.title) + "</B>>"), ("style", quoted("rounded")),
                    ("color", quoted("#999999")), ("labeljust", quoted("l")), ("fontsize", quoted("10")),
                ]
            }
            line(indent + "  graph [" + attributes(pairs) + "];")
            for node in spec.nodes where node.cluster == cluster.id {
                line(indent + "  " + quoted(node.id) + ";")
            }
            writeClusters(parent: cluster.id, indent: indent + "  ")
            line(indent + "}")
        }
    }

    /// The direct member of the cluster that dot is likely to rank first. Only direct members: a
    /// `rank=same` group spanning a cluster boundary trips an assertion in Graphviz 2.43's mincross
    /// (`install_in_rank`), so a cluster holding only sub-clusters keeps its ordinary label.
    func topmostMember(of cluster: String) -> String? {
        let members = spec.nodes.filter { $0.cluster == cluster && tableOf[$0.id] == nil }.map(\.id)
        return members.min { (rank[$0] ?? 0, $0) < (rank[$1] ?? 0, $1) }
    }

    // MARK: - Nodes

    mutating func writeNode(_ node: DiagramNode) {
        var pairs: [(String, String)] = [("id", quoted(node.id))]
        var label = ""
        for (index, text) in Wording.wrap(node.title, width: DOTWriter.nodeTitleWidth).enumerated() {
            label += (index == 0 ? "" : "<BR/>") + "<B>" + Escape.html(text) + "</B>"
        }
        for detail in node.details {
            for text in Wording.wrap(detail, width: DOTWriter.nodeDetailWidth) { label += "<BR/>" + small(text, color: "#333333") }
        }
        if node.hiddenFlows > 0 {
            label += "<BR/>" + small("+\(node.hiddenFlows) flow\(node.hiddenFlows == 1 ? "" : "s") outside this view", color: "#333333")
        }
        if !node.findings.isEmpty {
            label = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"1\"><TR><TD>" + label + "</TD></TR>"
                + findingRow(node.findings, align: "CENTER", width: DOTWriter.nodeDetailWidth) + "</TABLE>"
        }
        pairs.append(("label", "<" + label + ">"))
        switch node.kind {
        case .organisation(let kind):
            let group = OrganisationGroup(kind)
            pairs += [
                ("shape", quoted(group.shape)),
                ("style", quoted((group.extraStyle.map { $0 + "," } ?? "") + "filled" + (kind == .ccg ? ",dashed" : ""))),
                ("fillcolor", quoted(group.fill)),
            ]
            if group.peripheries != 1 { pairs.append(("peripheries", quoted(String(group.peripheries)))) }
        case .dataset, .partners:
            pairs += [("shape", quoted("note")), ("style", quoted("filled")), ("fillcolor", quoted("#FFFFFF"))]
        }
        if node.isFocus || !node.findings.isEmpty {
            pairs += [("penwidth", quoted("3")), ("color", quoted("#000000"))]
        }
        pairs.append(("tooltip", tooltip(node.tooltip)))
        line("  " + quoted(node.id) + " [" + attributes(pairs) + "];")
    }

    func small(_ text: String, color: String) -> String {
        "<FONT POINT-SIZE=\"9\" COLOR=\"\(color)\">" + Escape.html(text) + "</FONT>"
    }

    func findingRow(_ findings: [DiagramFinding], align: String, width: Int) -> String {
        let cells: [String]
        if spec.labels == .summary {
            cells = DOTWriter.codeLines(findings, width: width, key: key)
        } else {
            cells = FindingText.lines(findings, width: width, name: key.callout).map { "<B>" + Escape.html($0) + "</B>" }
        }
        return "<TR><TD BGCOLOR=\"\(DOTWriter.findingFill)\" ALIGN=\"\(align)\" BALIGN=\"\(align)\">"
            + cells.joined(separator: "<BR/>") + "</TD></TR>"
    }

    // MARK: - Edges

    mutating func writeEdge(_ edge: DiagramEdge) {
        var pairs: [(String, String)] = [("id", quoted(edge.id))]
        // An arrow to a table row has no label: the row says it.
        if tableOf[edge.from] == nil, tableOf[edge.to] == nil {
            pairs.append((policy.edgeLabelAttribute, "<" + edgeLabel(edge) + ">"))
        }
        switch edge.kind {
        case .flow:
            let style = LevelStyle.of(edge.level)
            pairs += [
                ("color", quoted(style.color)), ("style", quoted(style.lineStyle)),
                ("penwidth", quoted(number(style.penWidth))),
                (reversed.contains(edge.id) ? "arrowtail" : "arrowhead", quoted(style.arrowhead)),
            ]
        case .derivation:
            pairs += [
                ("color", quoted(DOTWriter.derivationColor)), ("style", quoted("solid")), ("penwidth", quoted("1.2")),
                (reversed.contains(edge.id) ? "arrowtail" : "arrowhead", quoted("vee")),
            ]
        }
        if let length = minimumLengths[edge.id] { pairs.append(("minlen", quoted(String(length)))) }
        pairs.append(("tooltip", tooltip(edge.tooltip)))
        if let side = sides[edge.id] {
            let (tail, head) = reversed.contains(edge.id) ? (edge.to, edge.from) : (edge.from, edge.to)
            if reversed.contains(edge.id) { pairs.append(("dir", quoted("back"))) }
            line("  " + quoted(tail) + ":" + side + " -> " + quoted(head) + ":" + side + " [" + attributes(pairs) + "];")
        } else {
            line("  " + endpoint(edge.from, side: "e") + " -> " + endpoint(edge.to, side: "w") + " [" + attributes(pairs) + "];")
        }
    }

    /// A node, or the row of a table that lists it, entered from `side` (`w` or `e`; rows are stacked,
    /// so an arrow reaches its row from the side in either orientation).
    func endpoint(_ node: String, side: String) -> String {
        guard let table = tableOf[node] else { return quoted(node) }
        return quoted(table) + ":" + quoted(node) + ":" + side
    }

    func number(_ value: Double) -> String {
        let scaled = Int((value * 10).rounded())
        return "\(scaled / 10).\(scaled % 10)"
    }

    func edgeLabel(_ edge: DiagramEdge) -> String {
        var rows: [String] = []
        func row(_ html: String) { rows.append("<TR><TD ALIGN=\"LEFT\">" + html + "</TD></TR>") }
        for line in EdgeText.lines(edge, spec: spec) {
            // The marker's line is bold as a whole (see `DOTWriter.codeLines`).
            row(line.isMarker ? "<B>" + Escape.html(line.bold + line.text) + "</B>" : Escape.html(line.text))
        }
        var table = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" CELLPADDING=\"0\">" + rows.joined()
        if !edge.findings.isEmpty { table += findingRow(edge.findings, align: "LEFT", width: EdgeText.width(spec.orientation, labels: spec.labels, labelWidth: spec.labelWidth)) }
        return table + "</TABLE>"
    }

    // MARK: - Title and legend

    /// Title block (model name, view, as-of date, notes) and legend: stacked (costing height) or side
    /// by side (costing width), as `spec.headerLayout` says.
    func graphLabel() -> String {
        let sideBySide = spec.showsLegend && spec.headerLayout == .sideBySide
        // Widths in characters that keep the title block within an A4 portrait page's text width.
        var title = Wording.wrap(spec.title, width: 38).map { "<FONT POINT-SIZE=\"18\"><B>" + Escape.html($0) + "</B></FONT>" }
            .joined(separator: "<BR/>")
        var subtitle = spec.subtitle
        if let asOf = spec.asOf { subtitle += " · as of \(asOf)" }
        for part in Wording.wrap(subtitle, width: sideBySide ? 50 : 70) {
            title += "<BR/><FONT POINT-SIZE=\"12\">" + Escape.html(part) + "</FONT>"
        }
        var notes = spec.notes
        if policy.edgeLabelAttribute == "xlabel" {
            notes.append("Large diagram: edge labels that would overlap others are left out (an edge's tooltip has them); the per-purpose diagrams show every label.")
        }
        for note in notes {
            for part in Wording.wrap(note, width: sideBySide ? 60 : 76) { title += "<BR/>" + Escape.html(part) }
        }
        let titleCell = "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\" BALIGN=\"LEFT\">" + title + "</TD>"
        let open = "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"4\" CELLPADDING=\"0\">"
        let keyRow = key.entries.isEmpty ? "" : "<TR><TD COLSPAN=\"\(sideBySide ? 3 : 1)\" ALIGN=\"LEFT\" VALIGN=\"TOP\">" + keyTable() + "</TD></TR>"
        guard spec.showsLegend else { return open + "<TR>" + titleCell + "</TR>" + keyRow + "</TABLE>" }
        let legendCell = "<TD ALIGN=\"LEFT\" VALIGN=\"TOP\">" + Legend.html(spec) + "</TD>"
        if sideBySide {
            return open + "<TR>" + titleCell + "<TD WIDTH=\"12\"></TD>" + legendCell + "</TR>" + keyRow + "</TABLE>"
        }
        return open + "<TR>" + titleCell + "</TR><TR>" + legendCell + "</TR>" + keyRow + "</TABLE>"
    }

    /// The key of the numbered findings (`FindingKey`): the number, highlighted as on the drawing
    /// (bold for errors), then code, severity and what the rule checks.
    func keyTable() -> String {
        var rows = "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><B>"
            + Escape.html("Findings, numbered on the drawing most severe first (errors in bold here)") + "</B></TD></TR>"
            + "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\">" + Escape.html("flowgate explain CODE gives each rule's law and fix") + "</TD></TR>"
        for entry in key.entries {
            let number = "[\(entry.number)]"
            rows += "<TR><TD ALIGN=\"RIGHT\" VALIGN=\"TOP\" BGCOLOR=\"\(DOTWriter.findingFill)\">"
                + (entry.severity == .error ? "<B>" + number + "</B>" : number) + "</TD>"
                + "<TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" VALIGN=\"TOP\">"
                + key.lines(entry, width: FindingKey.width).map(Escape.html).joined(separator: "<BR/>") + "</TD></TR>"
        }
        return "<FONT POINT-SIZE=\"9\"><TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\">"
            + rows + "</TABLE></FONT>"
    }
}
