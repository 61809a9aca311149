import FlowLanguage
import FlowModel

/// A diagram, resolved and ordered, independent of the output language: what DOT and Mermaid
/// writers draw. Every array is in a stable order (by id), so equal models give equal specs.
public struct DiagramSpec: Sendable, Hashable {
    public var view: DiagramView
    /// The model's name.
    public var title: String
    /// What the view shows, e.g. "Purpose: Risk stratification".
    public var subtitle: String
    public var asOf: Day?
    /// Boundaries (and the lineage group) that contain at least one drawn node; parents before children.
    public var clusters: [DiagramCluster]
    public var nodes: [DiagramNode]
    public var edges: [DiagramEdge]
    /// Extra lines under the title ("2 findings about declarations not drawn here").
    public var notes: [String]
    /// `.full` or `.compact` (never `.automatic`).
    public var labels: LabelDensity
    public var showsLegend: Bool
    public var orientation: Orientation
    public var headerLayout: HeaderLayout = .stacked
    /// How edge labels are wrapped: a page layout choice (`PageLayout`).
    public var labelWidth: LabelWidth = .usual
    /// Set when the view is drawn over several pages (`PageSplit`): which one this is.
    public var part: DiagramPart?

    public init(
        view: DiagramView, title: String, subtitle: String, asOf: Day?, clusters: [DiagramCluster],
        nodes: [DiagramNode], edges: [DiagramEdge], notes: [String], labels: LabelDensity, showsLegend: Bool,
        orientation: Orientation = .leftToRight
    ) {
        self.view = view
        self.title = title
        self.subtitle = subtitle
        self.asOf = asOf
        self.clusters = clusters
        self.nodes = nodes
        self.edges = edges
        self.notes = notes
        self.labels = labels
        self.showsLegend = showsLegend
        self.orientation = orientation
    }

    /// Organisation kinds drawn, in the legend's order.
    public var organisationGroups: [OrganisationGroup] {
        let present = Set(nodes.compactMap { node -> OrganisationGroup? in
            if case .organisation(let kind) = node.kind { return OrganisationGroup(kind) }
            return nil
        })
        return OrganisationGroup.allCases.filter(present.contains)
    }
}

/// One page of a view too large for one: the `index`-th (from 1) of `count`, drawing the flows that
/// leave the stages `stages` of the chain (ranks, from 1, of the flows' senders).
public struct DiagramPart: Sendable, Hashable {
    public var index: Int
    public var count: Int
    public var stages: ClosedRange<Int>
    public var stageCount: Int
}

/// A group drawn as a Graphviz cluster / Mermaid subgraph.
public struct DiagramCluster: Sendable, Hashable {
    public enum Role: Sendable, Hashable {
        case boundary(BoundaryKind, promises: [BoundaryPromise])
        /// The dataset view's group of dataset nodes.
        case lineage
    }

    /// The element id (`DiagramID.boundary(…)` or `DiagramID.lineageCluster`).
    public var id: String
    /// The model name of the boundary (empty for the lineage group).
    public var name: String
    public var title: String
    public var role: Role
    /// The enclosing cluster's `id`.
    public var parent: String?
    public var depth: Int
}

public enum DiagramNodeKind: Sendable, Hashable {
    case organisation(OrganisationKind)
    case dataset(IdentifiabilityLevel)
    /// The overview's box for the `count` partners of an organisation, drawn on their own page.
    case partners(count: Int)
}

public struct DiagramNode: Sendable, Hashable {
    /// The element id (`DiagramID.organisation(…)` / `DiagramID.dataset(…)`), also the DOT node name.
    public var id: String
    /// The model name.
    public var name: String
    public var kind: DiagramNodeKind
    public var title: String
    /// Secondary lines under the title: kind, processor-for, country, transforms done here…
    public var details: [String]
    /// The `id` of the cluster the node is drawn in.
    public var cluster: String?
    /// The organisation or dataset the view is about.
    public var isFocus: Bool
    public var findings: [DiagramFinding]
    /// Flows touching this node that the view leaves out.
    public var hiddenFlows: Int
    /// Hover text (description).
    public var tooltip: String
}

public enum DiagramEdgeKind: Sendable, Hashable {
    case flow
    /// A lineage step drawn from an input dataset to the derived one.
    case derivation(TransformOperation)
}

public struct DiagramEdge: Sendable, Hashable {
    /// The element id (`DiagramID.flow(…)`, `DiagramID.flowPair(…)` / `DiagramID.derivation(…)`).
    public var id: String
    /// The flow id (or the transform's output dataset); for an overview edge, the ids of its flows,
    /// comma-separated.
    public var name: String
    public var kind: DiagramEdgeKind
    /// Node ids.
    public var from: String
    public var to: String
    /// The level the edge is drawn at: effective when the overlay knows it, else declared.
    public var level: IdentifiabilityLevel
    /// Set when the overlay's effective level differs from the declared one.
    public var declaredLevel: IdentifiabilityLevel?
    /// Dataset title (flows) or "pseudonymise at DSCRO" (derivations).
    public var headline: String
    public var purposes: [String]
    /// "Art 6(1)(e) NHS Act 2006 s14Z", "Art 9(2)(h)", "Sch 1 Pt 1 para 2".
    public var lawfulBasis: [String]
    /// Common-law confidentiality: the basis, then the instrument's reference (`["s251 reg 5", "CAG 7-04(a)/2013"]`);
    /// empty when the flow declares none.
    public var confidentiality: [String]
    /// "processor", "controller"…
    public var role: String?
    /// Opt-out titles applied at this flow.
    public var optOutsApplied: [String]
    /// Opt-out titles applied upstream to the arriving data.
    public var optOutsArriving: [String]
    /// Opt-outs the flow declares itself exempt from.
    public var exemptions: [String]
    public var findings: [DiagramFinding]
    public var tooltip: String
    /// How many flows the edge stands for: more than 1 on an overview edge that gathers every flow
    /// between two organisations (drawn at the most identifiable level among them).
    public var flowCount: Int = 1
}
