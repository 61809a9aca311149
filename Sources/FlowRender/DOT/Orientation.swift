/// Which way flows run on the page.
public enum Orientation: String, Sendable, Hashable, CaseIterable {
    /// Graphviz `rankdir=LR`, Mermaid `flowchart LR`.
    case leftToRight = "LR"
    /// Graphviz `rankdir=TB`, Mermaid `flowchart TB`.
    case topToBottom = "TB"
}
