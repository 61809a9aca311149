/// Size-dependent layout choices that keep Graphviz's `dot` fast on large views.
///
/// `dot` turns every edge `label` into a virtual node in the ranking, and network-simplex positioning
/// then dominates (≈6 s for 1,000 labelled edges). Small views (every seed diagram) keep real labels:
/// dot places them without overlaps. Larger views switch to shorter labels, then to `xlabel`
/// (placed after layout, costing nothing in ranking; labels that would overlap are dropped, the
/// tooltip still has them) and cap network-simplex iterations (`nslimit`, `nslimit1`, `mclimit`).
public struct LayoutPolicy: Sendable, Hashable {
    /// `label` or `xlabel`.
    public var edgeLabelAttribute: String
    /// Extra graph attributes (name, value), in output order.
    public var graphAttributes: [GraphAttribute]

    public struct GraphAttribute: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    /// Up to this many edges, labels are full.
    public static let fullLabelLimit = 80
    /// Up to this many edges, labels are real `label`s (dot positions them).
    public static let placedLabelLimit = 150
    /// From this many nodes + edges on, network simplex is capped.
    public static let tuningThreshold = 250

    /// The overview and partner pages have summary labels (level, number of flows, finding codes): the
    /// per-purpose diagrams carry the detail, and these whole-model pages stay printable.
    public static func labelDensity(view: DiagramView, edges: Int) -> LabelDensity {
        switch view {
        case .overview, .partners: return .summary
        default: return edges <= fullLabelLimit ? .full : .compact
        }
    }

    public static func choose(nodes: Int, edges: Int) -> LayoutPolicy {
        var attributes: [GraphAttribute] = []
        let size = nodes + edges
        if size >= tuningThreshold {
            attributes += [
                GraphAttribute(name: "nslimit", value: "2"),
                GraphAttribute(name: "nslimit1", value: "2"),
                GraphAttribute(name: "mclimit", value: "0.3"),
                GraphAttribute(name: "searchsize", value: "20"),
            ]
        }
        if edges > placedLabelLimit {
            attributes.append(GraphAttribute(name: "forcelabels", value: "false"))
        }
        return LayoutPolicy(edgeLabelAttribute: edges > placedLabelLimit ? "xlabel" : "label", graphAttributes: attributes)
    }
}
