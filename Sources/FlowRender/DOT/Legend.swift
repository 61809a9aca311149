import FlowModel

/// The legend under (or beside) a diagram's title: what line styles, shapes and markers mean.
///
/// Only what the diagram draws is explained: a row for each identifiability level an arrow is drawn
/// at (its line, its marker, and the line-style family it belongs to: solid, dashed or dotted), the
/// organisation shapes present and the markers used. Lines are wrapped to fit the width of an A4
/// portrait page at full size.
enum Legend {
    /// Characters per line of the legend's wrapped text.
    static let width = 76

    static func html(_ spec: DiagramSpec) -> String {
        func wide(_ html: String) -> String { "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\" BALIGN=\"LEFT\">" + html + "</TD></TR>" }
        var rows = ""
        let levels = levelsDrawn(spec)
        if !levels.isEmpty {
            // One font per line (see `DOTWriter.codeLines`).
            rows += wide("<B>Identifiability on the wire</B>")
            rows += wide(Escape.html("Line style, weight and the label's first word say it; colour repeats it;"))
            rows += wide(Escape.html("the heavier line of each style is the more identifiable."))
            let families = Dictionary(uniqueKeysWithValues: IdentifiabilityLevel.allCases.enumerated().map { ($0.element, LevelStyle.families[$0.offset / 2]) })
            for level in levels {
                let style = LevelStyle.of(level)
                let family = families[level].map { "— " + $0.style + ": " + $0.meaning } ?? ""
                let gloss = (style.note.isEmpty ? "" : style.note + " ") + family
                rows += "<TR>" + DOTWriter.lineSample(style, width: 32) + "<TD ALIGN=\"LEFT\">"
                    + Escape.html(style.marker + " " + gloss) + "</TD></TR>"
            }
        }
        let groups = spec.organisationGroups
        if !groups.isEmpty {
            // Shapes in words (every node also names its kind, so colour and shape are never needed).
            for line in Wording.pack(["Shapes: " + groups[0].legend] + groups.dropFirst().map(\.legend), width: width) {
                rows += wide(Escape.html(line))
            }
        }
        for line in Wording.pack(markers(spec), width: width) { rows += wide(Escape.html(line)) }
        return "<FONT POINT-SIZE=\"9\"><TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" CELLSPACING=\"1\" CELLPADDING=\"2\">"
            + rows + "</TABLE></FONT>"
    }

    /// The levels flows are drawn at, most identifiable first.
    static func levelsDrawn(_ spec: DiagramSpec) -> [IdentifiabilityLevel] {
        let drawn = Set(spec.edges.compactMap { edge -> IdentifiabilityLevel? in
            if case .flow = edge.kind { return edge.level }
            return nil
        })
        return IdentifiabilityLevel.allCases.filter(drawn.contains)
    }

    /// The markers and conventions the diagram uses, and only those.
    static func markers(_ spec: DiagramSpec) -> [String] {
        var markers: [String] = []
        let optOuts = spec.edges.contains { !$0.optOutsApplied.isEmpty || !$0.optOutsArriving.isEmpty }
            || spec.nodes.contains { $0.details.contains { $0.contains("⊘") } }
        if optOuts { markers.append("⊘ opt-out applied (or, \"already filtered\", applied upstream)") }
        if spec.edges.contains(where: { !$0.findings.isEmpty }) || spec.nodes.contains(where: { !$0.findings.isEmpty }) {
            markers.append(spec.labels == .summary
                ? "⚠ [n] findings, numbered in the key below"
                : "⚠ severity [n] findings, numbered in the key below")
        }
        if spec.edges.contains(where: { $0.flowCount > 1 }) {
            markers.append("one arrow per pair of organisations, at the most identifiable level of its flows")
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
