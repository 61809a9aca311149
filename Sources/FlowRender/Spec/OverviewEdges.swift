/// The overview draws one edge per ordered pair of organisations, standing for every flow between
/// them: a model with many parallel flows (an ICB sending several datasets to the same processor)
/// otherwise fills the page with near-identical arrows. The edge is drawn at the most identifiable
/// level among its flows, so the drawing never understates what the recipient gets; the per-purpose
/// diagrams show each flow.
enum OverviewEdges {
    /// `edges` (flow edges in id order) gathered by (from, to), in order of each pair's first flow.
    static func gather(_ edges: [DiagramEdge]) -> [DiagramEdge] {
        var order: [String] = []
        var groups: [String: [DiagramEdge]] = [:]
        for edge in edges {
            let key = edge.from + "\u{0}" + edge.to
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(edge)
        }
        return order.compactMap { groups[$0].map(merge) }
    }

    /// One edge for all `flows` between the same two organisations: lists are unions (first occurrence
    /// kept), findings are each code once per severity.
    static func merge(_ flows: [DiagramEdge]) -> DiagramEdge {
        var edge = flows[0]
        edge.id = DiagramID.flowPair(from: edge.from, to: edge.to)
        edge.name = flows.map(\.name).joined(separator: ", ")
        edge.flowCount = flows.count
        edge.level = flows.map(\.level).max() ?? edge.level
        let declared = flows.map { $0.declaredLevel ?? $0.level }.max() ?? edge.level
        edge.declaredLevel = declared == edge.level ? nil : declared
        edge.headline = union(flows.map { [$0.headline] }).joined(separator: " · ")
        edge.purposes = union(flows.map(\.purposes))
        edge.lawfulBasis = union(flows.map(\.lawfulBasis))
        edge.confidentiality = union(flows.map(\.confidentiality))
        let roles = union(flows.map { $0.role.map { [$0] } ?? [] })
        edge.role = roles.count == 1 ? roles[0] : nil
        edge.optOutsApplied = union(flows.map(\.optOutsApplied))
        edge.optOutsArriving = union(flows.map(\.optOutsArriving))
        edge.exemptions = union(flows.map(\.exemptions))
        var seen: Set<String> = []
        edge.findings = flows.flatMap(\.findings).sorted().filter { seen.insert($0.code + "\u{0}" + $0.severity.rawValue).inserted }
        edge.tooltip = flows.map(\.tooltip).joined(separator: "\n\n")
        return edge
    }

    private static func union(_ lists: [[String]]) -> [String] {
        var seen: Set<String> = []
        return lists.joined().filter { seen.insert($0).inserted }
    }
}
