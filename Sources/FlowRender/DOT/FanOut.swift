/// Spreads the one-edge neighbours (leaves) of a busy node over several ranks.
///
/// `dot` puts every direct recipient of a node in the next rank, so an ICB that sends data to fifteen
/// organisations gets a single column (or row) of fifteen boxes: far longer than an A4 page allows at
/// a readable size. Lengthening every second or third of those edges (`minlen`) lays the leaves out
/// in up to three ranks instead; the edges still run straight from the hub to each leaf.
enum FanOut {
    /// More leaves than this on one side of a node are spread out.
    static let leavesPerRank = 7
    static let maximumRanks = 3

    /// A node's leaves on one side: the edges between it and nodes that have no other edge.
    struct Group {
        var hub: String
        /// True when the hub sends to the leaves.
        var outgoing: Bool
        /// (edge id, leaf node id), in edge order.
        var leaves: [(edge: String, leaf: String)]
    }

    /// Every hub's leaves, per side (those it sends to, those that send to it), in edge order.
    static func groups(_ edges: [DiagramEdge]) -> [Group] {
        let edges = edges.filter { $0.from != $0.to }
        var degree: [String: Int] = [:]
        for edge in edges {
            degree[edge.from, default: 0] += 1
            degree[edge.to, default: 0] += 1
        }
        var groups: [Group] = []
        var index: [String: Int] = [:]
        for edge in edges {
            let key: String, hub: String, leaf: String, outgoing: Bool
            if degree[edge.to] == 1, degree[edge.from, default: 0] > 1 {
                (key, hub, leaf, outgoing) = ("to\u{0}" + edge.from, edge.from, edge.to, true)
            } else if degree[edge.from] == 1, degree[edge.to, default: 0] > 1 {
                (key, hub, leaf, outgoing) = ("from\u{0}" + edge.to, edge.to, edge.from, false)
            } else {
                continue
            }
            if let position = index[key] {
                groups[position].leaves.append((edge.id, leaf))
            } else {
                index[key] = groups.count
                groups.append(Group(hub: hub, outgoing: outgoing, leaves: [(edge.id, leaf)]))
            }
        }
        return groups
    }

    /// `minlen` for the edges that need more than the default 1, by edge id.
    static func minimumLengths(_ edges: [DiagramEdge]) -> [String: Int] {
        var result: [String: Int] = [:]
        for group in groups(edges) where group.leaves.count > leavesPerRank {
            let ranks = min(maximumRanks, (group.leaves.count + leavesPerRank - 1) / leavesPerRank)
            for (position, leaf) in group.leaves.enumerated() where position % ranks > 0 {
                result[leaf.edge] = 1 + position % ranks
            }
        }
        return result
    }
}
