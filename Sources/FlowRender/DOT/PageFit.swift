import FlowGraphviz

/// Chooses a diagram's page layout (orientation, and where the legend goes) from real Graphviz
/// layouts, for diagrams that would not print at full size on the page (A4 portrait).
///
/// `PageLayout.choose` estimates sizes from label text alone, which is pure and instant but can be
/// far off for clustered or fanned-out drawings. When the estimate's choice, laid out, must shrink to
/// fit the page, this lays out every candidate and keeps the one that prints largest: the difference is
/// the difference between a readable and an unreadable printout. Deterministic, because the layouts
/// are (see `GraphvizRenderer`).
public enum PageFit {
    /// `spec` with the page layout that prints largest. Unchanged when it prints at full size, for
    /// large views (whose layouts are too slow to try several times), and when Graphviz
    /// cannot lay it out (rendering will then report the error).
    public static func fitted(
        _ spec: DiagramSpec,
        orientations: [Orientation] = Orientation.allCases,
        renderer: GraphvizRenderer = .shared
    ) -> DiagramSpec {
        measured(spec, orientations: orientations, renderer: renderer).spec
    }

    /// Whether a view can be fitted and split at all: larger views' layouts are too slow to try
    /// several times (and no page holds them).
    static func isSmall(_ spec: DiagramSpec) -> Bool {
        spec.nodes.count <= 60 && spec.edges.count <= 120 && !spec.edges.isEmpty
    }

    /// `fitted(spec)`, with the scale its laid-out drawing prints at; nil when no layout was made
    /// (the view is large, or Graphviz cannot lay it out).
    static func measured(
        _ spec: DiagramSpec, orientations: [Orientation], renderer: GraphvizRenderer
    ) -> (spec: DiagramSpec, scale: Double?) {
        // The estimate chose the layout; the real drawing says whether it needs a better one (the
        // estimate can be far off either way, and a layout of a small view takes milliseconds).
        guard isSmall(spec), let currentScale = scale(spec, renderer) else { return (spec, nil) }
        guard currentScale < 1 else { return (spec, currentScale) }
        let current = PageLayout(of: spec)
        var best = spec
        var bestScale = currentScale
        for layout in PageLayout.all where layout != current && orientations.contains(layout.orientation) {
            let candidate = layout.applied(to: spec)
            // A candidate must print 1% larger to replace the estimate's choice.
            if let scale = scale(candidate, renderer), scale > bestScale * 1.01 {
                best = candidate
                bestScale = scale
            }
        }
        return (best, bestScale)
    }

    /// How much the laid-out drawing (with its `pad` margin) shrinks to fit the page.
    public static func scale(_ spec: DiagramSpec, _ renderer: GraphvizRenderer) -> Double? {
        guard let size = try? renderer.layoutSize(dot: DOTWriter.dot(spec)) else { return nil }
        let pad = 2 * DOTWriter.padInches * 72
        return PageLayout.a4Scale(width: size.width + pad, height: size.height + pad)
    }
}
