/// How wide edge labels are wrapped, relative to the usual width for the orientation.
public enum LabelWidth: String, Sendable, Hashable, CaseIterable {
    case usual
    /// Three quarters: for drawings whose width limits how large they print (flows left to right).
    case narrow
    /// Four thirds: for drawings whose height limits it (flows top to bottom).
    case wide
}

/// How the title block and the legend sit above the drawing.
public enum HeaderLayout: String, Sendable, Hashable, CaseIterable {
    /// Title, then the legend under it: costs height, suits wide drawings.
    case stacked
    /// Title and legend side by side: costs width, suits tall or narrow drawings.
    case sideBySide
}

/// The orientation, header layout and label width of a diagram, chosen to print as large as possible
/// on an A4 portrait page, the page a DPIA is printed on.
public struct PageLayout: Sendable, Hashable {
    public var orientation: Orientation
    public var header: HeaderLayout
    public var labelWidth: LabelWidth = .usual

    /// A4 portrait's text block: 170 mm wide (210 mm less 20 mm margins) and 257 mm high (297 mm
    /// less 20 mm margins), in points.
    public static let printableWidth = 170 / 25.4 * 72
    public static let printableHeight = 257 / 25.4 * 72

    /// The smallest text generally held legible in print, in points.
    public static let minimumPrintedPoints = 6.0
    /// The smallest text a diagram draws (edge labels, detail lines, the legend), in points.
    public static let smallestFontPoints = 9.0
    /// The least a drawing may shrink to and keep its smallest text at `minimumPrintedPoints`.
    public static let readableScale = minimumPrintedPoints / smallestFontPoints

    /// The factor that fits a drawing of `width` × `height` points on the page, never above 1 (a
    /// small drawing prints at its own size).
    public static func a4Scale(width: Double, height: Double) -> Double {
        min(1, printableWidth / width, printableHeight / height)
    }

    public init(orientation: Orientation, header: HeaderLayout, labelWidth: LabelWidth = .usual) {
        self.orientation = orientation
        self.header = header
        self.labelWidth = labelWidth
    }

    /// The layout `spec` is drawn with.
    public init(of spec: DiagramSpec) {
        self.init(orientation: spec.orientation, header: spec.headerLayout, labelWidth: spec.labelWidth)
    }

    /// `spec` drawn with this layout.
    public func applied(to spec: DiagramSpec) -> DiagramSpec {
        var result = spec
        result.orientation = orientation
        result.headerLayout = header
        result.labelWidth = labelWidth
        return result
    }

    /// The candidates, in order of preference when two print at the same size: flows left to right
    /// first (they read like a sentence), title above the legend first, usual label width first.
    /// Labels get narrower only left to right and wider only top to bottom: the other way round they
    /// would lengthen the dimension the flows already stretch.
    public static let all: [PageLayout] = [LabelWidth.usual, .narrow, .wide].flatMap { width in
        Orientation.allCases.flatMap { orientation in
            HeaderLayout.allCases.map { PageLayout(orientation: orientation, header: $0, labelWidth: width) }
        }
    }.filter { layout in
        switch layout.labelWidth {
        case .usual: true
        case .narrow: layout.orientation == .leftToRight
        case .wide: layout.orientation == .topToBottom
        }
    }

    /// The layout whose drawing, estimated from label text alone (no layout engine), prints larger on
    /// the page; a candidate must beat an earlier one by 2% to win, so near-ties keep the preferred
    /// one. Large diagrams (which no page holds anyway) run left to right with the title stacked.
    public static func choose(for spec: DiagramSpec, orientations: [Orientation] = Orientation.allCases) -> PageLayout {
        // Other label widths are left to `PageFit`, which measures them: the estimate cannot tell.
        let candidates = all.filter { orientations.contains($0.orientation) && $0.labelWidth == .usual }
        guard spec.nodes.count <= 60, spec.edges.count <= 120, !spec.edges.isEmpty else { return candidates[0] }
        let estimate = SizeEstimate(spec: spec)
        var best = candidates[0]
        var bestScale = estimate.a4Scale(best)
        for candidate in candidates.dropFirst() {
            let scale = estimate.a4Scale(candidate)
            if scale > bestScale * 1.02 {
                best = candidate
                bestScale = scale
            }
        }
        return best
    }
}
