/// A Graphviz layout engine. The raw value is Graphviz's engine name (`dot -K<engine>`).
public enum GraphvizLayoutEngine: String, Sendable, CaseIterable {
    /// Hierarchical (layered) layout; the default for flow diagrams.
    case dot
    /// Scalable force-directed layout; fast on large graphs.
    case sfdp
    /// Spring model (stress majorization) layout.
    case neato
    /// Force-directed (Fruchterman-Reingold) layout.
    case fdp
}
