import FlowGraphviz

/// Draws a view over as many A4 portrait pages as it needs for its smallest text to print at
/// `PageLayout.minimumPrintedPoints` or more.
///
/// A view that fits (after `PageFit` has chosen its layout) is one page. One that does not is split
/// by stage of the chain: its arrows ordered by the stage (estimated rank) of their sender, then of
/// their recipient, and cut into 2, 3, … runs of equal length until every run's drawing fits. Each
/// page draws its arrows with both ends and the boundaries round them, so an organisation on
/// several stages (a hub) appears on several pages, and every arrow is on exactly one page.
/// Deterministic: the order and the cuts depend on the spec only, and layouts are deterministic.
public enum PageSplit {
    /// More pages than this stop being a diagram: the last attempt is kept even if it does not fit.
    static let maximumPages = 8

    public static func pages(
        _ spec: DiagramSpec,
        orientations: [Orientation] = Orientation.allCases,
        renderer: GraphvizRenderer = .shared
    ) -> [DiagramSpec] {
        let whole = PageFit.measured(spec, orientations: orientations, renderer: renderer)
        guard let scale = whole.scale, scale < PageLayout.readableScale, spec.edges.count > 1 else { return [whole.spec] }
        let ordered = stageOrder(spec)
        var attempt: [DiagramSpec] = [whole.spec]
        for count in 2...min(maximumPages, spec.edges.count) {
            var fitsEveryPage = true
            attempt = parts(spec, ordered: ordered, count: count, orientations: orientations).map { part in
                let fitted = PageFit.measured(part, orientations: orientations, renderer: renderer)
                if let scale = fitted.scale, scale < PageLayout.readableScale {
                    fitsEveryPage = false
                }
                return fitted.spec
            }
            if fitsEveryPage { break }
        }
        return attempt
    }

    /// The edges with the stage (from 1) of their sender, ordered by sender's stage, recipient's
    /// stage, then id.
    static func stageOrder(_ spec: DiagramSpec) -> (edges: [(edge: DiagramEdge, stage: Int)], stageCount: Int) {
        let ranks = SizeEstimate(spec: spec).ranks
        var rank: [String: Int] = [:]
        for (index, members) in ranks.enumerated() { for member in members { rank[member] = index } }
        let edges = spec.edges.map { (edge: $0, from: rank[$0.from] ?? 0, to: rank[$0.to] ?? 0) }
            .sorted { ($0.from, $0.to) != ($1.from, $1.to) ? ($0.from, $0.to) < ($1.from, $1.to) : DiagramBuilder.utf8Less($0.edge.id, $1.edge.id) }
        return (edges.map { ($0.edge, $0.from + 1) }, max(1, ranks.count))
    }

    /// `count` pages of `spec`, each drawing a run of `ordered` edges of (nearly) equal length.
    static func parts(
        _ spec: DiagramSpec, ordered: (edges: [(edge: DiagramEdge, stage: Int)], stageCount: Int), count: Int, orientations: [Orientation]
    ) -> [DiagramSpec] {
        let total = ordered.edges.count
        let touched = Set(spec.edges.flatMap { [$0.from, $0.to] })
        return (0..<count).map { index in
            let run = Array(ordered.edges[(index * total / count)..<((index + 1) * total / count)])
            var ends = Set(run.flatMap { [$0.edge.from, $0.edge.to] })
            // Nodes without arrows (organisations declared but exchanging nothing) go on the first page.
            if index == 0 { ends.formUnion(spec.nodes.map(\.id).filter { !touched.contains($0) }) }
            let part = DiagramPart(
                index: index + 1, count: count,
                stages: (run.map(\.stage).min() ?? 1)...(run.map(\.stage).max() ?? 1), stageCount: ordered.stageCount
            )
            return page(spec, edges: Set(run.map(\.edge.id)), nodes: ends, part: part, orientations: orientations)
        }
    }

    /// `spec` restricted to `edges` and `nodes` (and the clusters holding them), titled as page `part`.
    static func page(
        _ spec: DiagramSpec, edges: Set<String>, nodes: Set<String>, part: DiagramPart, orientations: [Orientation]
    ) -> DiagramSpec {
        var page = spec
        page.edges = spec.edges.filter { edges.contains($0.id) }
        page.nodes = spec.nodes.filter { nodes.contains($0.id) }
        var clusters = Set(page.nodes.compactMap(\.cluster))
        var pending = Array(clusters)
        let byId = Dictionary(spec.clusters.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        while let current = pending.popLast() {
            if let parent = byId[current]?.parent, clusters.insert(parent).inserted { pending.append(parent) }
        }
        page.clusters = spec.clusters.filter { clusters.contains($0.id) }
        page.part = part
        let flows = page.edges.map(\.flowCount).reduce(0, +)
        let stages = part.stages.lowerBound == part.stages.upperBound
            ? "stage \(part.stages.lowerBound)" : "stages \(part.stages.lowerBound)–\(part.stages.upperBound)"
        page.subtitle = spec.subtitle + " · part \(part.index) of \(part.count)"
        page.notes = (part.index == 1 ? spec.notes : []) + [
            "Part \(part.index) of \(part.count): the \(flows) flow\(flows == 1 ? "" : "s") leaving \(stages) of the chain's "
                + "\(part.stageCount) stages; the other parts draw the rest. An organisation can appear on several parts.",
        ]
        let layout = PageLayout.choose(for: page, orientations: orientations)
        return layout.applied(to: page)
    }
}
