/// The text lines of an edge label, shared by the DOT and Mermaid writers so both say the same.
struct EdgeText {
    /// A line: an optional bold lead (the level marker) followed by plain text.
    struct Line: Equatable {
        var bold: String = ""
        var text: String
        var isMarker: Bool { !bold.isEmpty }
    }

    /// Characters per line: narrow when flows run left to right (label width adds to the drawing's
    /// width, which limits it there), wider top to bottom (label height adds to the height instead).
    /// Summary labels (the overview's) are narrower still: they hold a level and finding codes, and
    /// the overview has the most edges side by side.
    /// `LabelWidth` scales it: narrower labels make a drawing narrower and taller, wider ones wider
    /// and shorter.
    static func width(_ orientation: Orientation, labels: LabelDensity, labelWidth: LabelWidth = .usual) -> Int {
        let usual = switch (orientation, labels) {
        case (.leftToRight, .summary): 18
        case (.topToBottom, .summary): 34
        case (.leftToRight, _): 26
        case (.topToBottom, _): 40
        }
        switch labelWidth {
        case .usual: return usual
        case .narrow: return usual * 3 / 4
        case .wide: return usual * 4 / 3
        }
    }

    static func lines(_ edge: DiagramEdge, spec: DiagramSpec, orientation: Orientation? = nil) -> [Line] {
        let width = Self.width(orientation ?? spec.orientation, labels: spec.labels, labelWidth: spec.labelWidth)
        var lines: [Line] = []
        func plain(_ items: [String]) { lines += Wording.pack(items, width: width).map { Line(text: $0) } }
        let full = spec.labels == .full
        switch edge.kind {
        case .flow:
            let marker = LevelStyle.of(edge.level).marker
            // The marker, then what qualifies it: on the marker's line when it fits, else below.
            var counts = ""
            if edge.flowCount > 1 { counts += " · \(edge.flowCount) flows" }
            if spec.labels == .summary, !edge.optOutsApplied.isEmpty { counts += " · ⊘" }
            var rest = ""
            if let declared = edge.declaredLevel { rest += "(declared " + Wording.level(declared) + ")" }
            if full, let role = edge.role { rest += (rest.isEmpty ? "" : " ") + role }
            if marker.count + counts.count + 1 + rest.count <= width + 6 {
                lines.append(Line(bold: marker, text: counts + (rest.isEmpty ? "" : " " + rest)))
            } else {
                lines.append(Line(bold: marker, text: counts))
                plain([rest])
            }
            let purposes: [String]
            if edge.purposes.isEmpty {
                purposes = []
            } else if case .purpose = spec.view {
                purposes = ["also for " + edge.purposes.joined(separator: ", ")]
            } else {
                purposes = ["for " + edge.purposes.joined(separator: ", ")]
            }
            switch spec.labels {
            case .full:
                plain([edge.headline])
                plain(purposes)
                if !edge.lawfulBasis.isEmpty { plain(edge.lawfulBasis) }
                if !edge.confidentiality.isEmpty {
                    plain(["CLDC " + edge.confidentiality[0]] + edge.confidentiality.dropFirst())
                }
                if !edge.optOutsArriving.isEmpty { plain(["⊘ already filtered: " + edge.optOutsArriving.joined(separator: ", ")]) }
                if !edge.exemptions.isEmpty { plain(["exempt from " + edge.exemptions.joined(separator: ", ")]) }
                if !edge.optOutsApplied.isEmpty { plain(["⊘ applies " + edge.optOutsApplied.joined(separator: ", ")]) }
            case .summary:
                break
            case .compact, .automatic:
                plain([edge.headline])
                if !edge.optOutsApplied.isEmpty { plain(["⊘ opt-out applied"]) }
            }
        case .derivation:
            plain([edge.headline])
            if full { for purpose in edge.purposes { plain([purpose]) } }
            if !edge.optOutsApplied.isEmpty { plain(["⊘ filters " + edge.optOutsApplied.joined(separator: ", ")]) }
        }
        return lines
    }
}
