import FlowModel

/// The legend under (or beside) a diagram's title: what line styles, shapes and markers mean.
///
/// The identifiability levels form a grid whose columns are the three line-style families (solid,
/// dashed, dotted) and whose rows are the heavy (more identifiable) and light member of each family,
/// so the legend reads like the drawing: the style says the family, the weight says which of the two.
/// Only what the diagram draws is explained, which keeps the legend short.
enum Legend {
    static func html(_ spec: DiagramSpec) -> String {
        let columns = LevelStyle.families.count * 2
        func wide(_ html: String) -> String { "<TR><TD COLSPAN=\"\(columns)\" ALIGN=\"LEFT\">" + html + "</TD></TR>" }
        var rows = wide("<B>Identifiability on the wire</B>" + Escape.html(": line style, weight and the label's first word say it; colour repeats it"))
        rows += "<TR>" + LevelStyle.families.map { family in
            "<TD COLSPAN=\"2\" ALIGN=\"LEFT\"><I>" + Escape.html(family.style + " = " + family.meaning) + "</I></TD>"
        }.joined() + "</TR>"
        let levels = IdentifiabilityLevel.allCases
        for member in 0..<2 {
            rows += "<TR>"
            for family in LevelStyle.families.indices where family * 2 + member < levels.count {
                let style = LevelStyle.of(levels[family * 2 + member])
                rows += DOTWriter.lineSample(style, width: 32)
                rows += "<TD ALIGN=\"LEFT\"><B>" + Escape.html(style.marker) + "</B>"
                    + (style.note.isEmpty ? "" : Escape.html(" " + style.note)) + "</TD>"
            }
            rows += "</TR>"
        }
        let groups = spec.organisationGroups
        if !groups.isEmpty {
            // Shapes in words (every node also names its kind, so colour and shape are never needed).
            for line in Wording.pack(["Shapes: " + groups[0].legend] + groups.dropFirst().map(\.legend), width: 150) {
                rows += wide(Escape.html(line))
            }
        }
        for line in Wording.pack(markers(spec), width: 150) { rows += wide(Escape.html(line)) }
        return "<FONT POINT-SIZE=\"9\"><TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\">"
            + rows + "</TABLE></FONT>"
    }

    /// The markers and conventions the diagram uses.
    static func markers(_ spec: DiagramSpec) -> [String] {
        var markers = ["⊘ opt-out applied at this flow"]
        if spec.labels == .summary {
            markers += [
                "⚠ FG… finding codes, errors in bold (flowgate explain FG…)",
                "one arrow per pair of organisations, at the most identifiable level of its flows",
            ]
        } else {
            markers.append("⚠ FG… finding (flowgate explain FG…)")
        }
        if spec.labels == .full, spec.edges.contains(where: { !$0.confidentiality.isEmpty }) {
            markers.append("CLDC = common-law duty of confidentiality basis")
        }
        if spec.clusters.contains(where: { if case .boundary = $0.role { true } else { false } }) {
            markers.append("dashed frame = boundary")
        }
        if spec.nodes.contains(where: { if case .partners = $0.kind { true } else { false } }) {
            markers.append("folded-corner box = organisations drawn on a page of their own")
        }
        if spec.edges.contains(where: { if case .derivation = $0.kind { true } else { false } }) {
            markers.append("grey arrow = derived by a transform")
        }
        if spec.edges.contains(where: { $0.declaredLevel != nil }) {
            markers.append("(declared …) = the engine found another level")
        }
        return markers
    }
}
