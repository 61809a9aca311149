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
    static func width(_ orientation: Orientation) -> Int { orientation == .leftToRight ? 26 : 40 }

    static func lines(_ edge: DiagramEdge, spec: DiagramSpec, orientation: Orientation? = nil) -> [Line] {
        let width = Self.width(orientation ?? spec.orientation)
        var lines: [Line] = []
        func plain(_ items: [String]) { lines += Wording.pack(items, width: width).map { Line(text: $0) } }
        let full = spec.labels == .full
        switch edge.kind {
        case .flow:
            let marker = LevelStyle.of(edge.level).marker
            var rest = ""
            if let declared = edge.declaredLevel { rest += " (declared " + Wording.level(declared) + ")" }
            if full, let role = edge.role { rest += " " + role }
            if marker.count + rest.count > width + 6 {
                lines.append(Line(bold: marker, text: ""))
                plain([String(rest.dropFirst())])
            } else {
                lines.append(Line(bold: marker, text: rest))
            }
            plain([edge.headline])
            if full {
                if !edge.purposes.isEmpty {
                    let prefix: String
                    if case .purpose = spec.view { prefix = "also for " } else { prefix = "for " }
                    plain([prefix + edge.purposes.joined(separator: ", ")])
                }
                if !edge.lawfulBasis.isEmpty { plain(edge.lawfulBasis) }
                if !edge.confidentiality.isEmpty {
                    plain(["CLDC " + edge.confidentiality[0]] + edge.confidentiality.dropFirst())
                }
                if !edge.optOutsArriving.isEmpty { plain(["⊘ already filtered: " + edge.optOutsArriving.joined(separator: ", ")]) }
                if !edge.exemptions.isEmpty { plain(["exempt from " + edge.exemptions.joined(separator: ", ")]) }
                if !edge.optOutsApplied.isEmpty { plain(["⊘ applies " + edge.optOutsApplied.joined(separator: ", ")]) }
            } else if !edge.optOutsApplied.isEmpty {
                plain(["⊘ opt-out applied"])
            }
        case .derivation:
            plain([edge.headline])
            if full { for purpose in edge.purposes { plain([purpose]) } }
            if !edge.optOutsApplied.isEmpty { plain(["⊘ filters " + edge.optOutsApplied.joined(separator: ", ")]) }
        }
        return lines
    }
}
