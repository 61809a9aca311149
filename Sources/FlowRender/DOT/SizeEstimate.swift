/// A rough size of a `dot` drawing of a spec, in points: longest-path ranks, label text measured at
/// an average Helvetica advance, edge labels in their own rank between node ranks (as dot places them).
struct SizeEstimate {
    struct Box { var width: Double; var height: Double }

    var nodeBoxes: [String: Box] = [:]
    var ranks: [[String]] = []
    /// Label boxes by the gap (after rank index) they sit in, for each orientation.
    var labelGaps: [Orientation: [[Box]]] = [:]

    static let averageAdvance = 0.56

    init(spec: DiagramSpec) {
        for node in spec.nodes {
            let title = Wording.wrap(node.title, width: DOTWriter.nodeTitleWidth)
            let details = node.details.flatMap { Wording.wrap($0, width: DOTWriter.nodeDetailWidth) }
                + FindingText.lines(node.findings, width: DOTWriter.nodeDetailWidth)
            let width = max(
                Double(title.map(\.count).max() ?? 0) * 10 * 0.62,
                Double(details.map(\.count).max() ?? 0) * 9 * Self.averageAdvance
            ) + 16
            var height = Double(title.count) * 12 + Double(details.count) * 11 + 10
            var boxWidth = width
            switch node.kind {
            case .organisation(let kind):
                switch OrganisationGroup(kind) {
                case .dscro: height += 18
                case .people: boxWidth *= 1.35; height *= 1.3
                case .localGovernment, .oversight: height += 12
                default: break
                }
            case .dataset, .partners: break
            }
            nodeBoxes[node.id] = Box(width: boxWidth, height: height)
        }
        // Longest-path layering over the edges that are not back edges of a DFS in id order.
        let ids = spec.nodes.map(\.id)
        var successors: [String: [String]] = [:]
        for edge in spec.edges where edge.from != edge.to { successors[edge.from, default: []].append(edge.to) }
        var state: [String: Int] = [:]
        var order: [String] = []
        var back: Set<String> = []
        func visit(_ start: String) {
            var stack: [(String, Int)] = [(start, 0)]
            state[start] = 1
            while let (node, index) = stack.last {
                let next = successors[node] ?? []
                if index < next.count {
                    stack[stack.count - 1].1 += 1
                    let target = next[index]
                    switch state[target] ?? 0 {
                    case 0: state[target] = 1; stack.append((target, 0))
                    case 1: back.insert(node + "\u{0}" + target)
                    default: break
                    }
                } else {
                    state[node] = 2
                    order.append(node)
                    stack.removeLast()
                }
            }
        }
        for id in ids where state[id] == nil { visit(id) }
        // Edges lengthened by `FanOut` span that many ranks.
        var length: [String: Int] = [:]
        let lengths = FanOut.minimumLengths(spec.edges)
        for edge in spec.edges { if let minimum = lengths[edge.id] { length[edge.from + "\u{0}" + edge.to] = minimum } }
        var rank: [String: Int] = [:]
        for node in order.reversed() {
            let current = rank[node] ?? 0
            for target in successors[node] ?? [] where !back.contains(node + "\u{0}" + target) {
                rank[target] = max(rank[target] ?? 0, current + (length[node + "\u{0}" + target] ?? 1))
            }
        }
        let rankCount = (rank.values.max() ?? 0) + 1
        ranks = Array(repeating: [], count: rankCount)
        for id in ids { ranks[rank[id] ?? 0].append(id) }
        for orientation in Orientation.allCases {
            var gaps: [[Box]] = Array(repeating: [], count: rankCount)
            for edge in spec.edges {
                let lines = EdgeText.lines(edge, spec: spec, orientation: orientation).map { $0.bold + $0.text }
                    + FindingText.lines(edge.findings, width: EdgeText.width(orientation, labels: spec.labels, labelWidth: spec.labelWidth))
                let width = Double(lines.map(\.count).max() ?? 0) * 9 * Self.averageAdvance + 6
                let height = Double(lines.count) * 11
                gaps[min(rank[edge.from] ?? 0, rank[edge.to] ?? 0)].append(Box(width: width, height: height))
            }
            labelGaps[orientation] = gaps
        }
        titleLines = Double(Wording.wrap(spec.subtitle, width: 60).count + spec.notes.flatMap { Wording.wrap($0, width: 76) }.count)
        let key = FindingKey(spec)
        keyLines = Double(key.entries.map { key.lines($0, width: FindingKey.width).count }.reduce(0, +) + (key.entries.isEmpty ? 0 : 1))
        legendLines = Double(Legend.levelsDrawn(spec).count + 2)
            + Double(Wording.pack(Legend.markers(spec), width: Legend.width).count + (spec.organisationGroups.isEmpty ? 0 : 1))
        showsLegend = spec.showsLegend
    }

    var titleLines: Double
    var legendLines: Double
    var keyLines: Double
    var showsLegend: Bool

    /// Width and height of the title block and legend (see `DOTWriter.graphLabel`).
    func header(_ layout: HeaderLayout) -> Box {
        let title = Box(width: 420, height: 28 + titleLines * 15 + keyLines * 13)
        guard showsLegend else { return title }
        let legend = Box(width: 440, height: legendLines * 14 + 6)
        switch layout {
        case .stacked: return Box(width: max(title.width, legend.width), height: title.height + legend.height)
        case .sideBySide: return Box(width: title.width + legend.width + 60, height: max(title.height, legend.height))
        }
    }

    /// Drawing size in points, with the title and legend above it.
    func size(_ layout: PageLayout) -> Box {
        let orientation = layout.orientation
        let nodeSep = 14.0, rankSep = 18.0, clusterPad = 24.0
        var along = 0.0, across = 0.0
        for (index, members) in ranks.enumerated() {
            let boxes = members.compactMap { nodeBoxes[$0] }
            let labels = labelGaps[orientation]?[index] ?? []
            switch orientation {
            case .leftToRight:
                along += (boxes.map(\.width).max() ?? 0) + (labels.map(\.width).max() ?? 0) + 2 * rankSep
                across = max(across, boxes.reduce(0) { $0 + $1.height + nodeSep }, labels.reduce(0) { $0 + $1.height + nodeSep })
            case .topToBottom:
                along += (boxes.map(\.height).max() ?? 0) + (labels.map(\.height).max() ?? 0) + rankSep
                across = max(across, boxes.reduce(0) { $0 + $1.width + nodeSep } + labels.reduce(0) { $0 + $1.width } / 2)
            }
        }
        along += clusterPad
        across += clusterPad
        let header = header(layout.header)
        switch orientation {
        case .leftToRight: return Box(width: max(along, header.width), height: across + header.height)
        case .topToBottom: return Box(width: max(across, header.width), height: along + header.height)
        }
    }

    func a4Scale(_ layout: PageLayout) -> Double {
        let box = size(layout)
        return PageLayout.a4Scale(width: box.width, height: box.height)
    }
}
