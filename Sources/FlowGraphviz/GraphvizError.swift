/// A failure reported by Graphviz, with the messages Graphviz logged for it.
///
/// Graphviz never prints to stderr while `GraphvizRenderer` runs; what it would have
/// printed is in `graphvizMessages`.
public struct GraphvizError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Equatable {
        /// `gvContext()` failed (out of memory).
        case contextUnavailable
        /// No layout plugins are registered (the plugin config `config6a` is missing).
        case pluginsNotConfigured
        /// The requested layout engine is not installed.
        case unsupportedLayoutEngine
        /// The requested output format is not installed.
        case unsupportedFormat
        /// The DOT text could not be parsed.
        case invalidDOT
        /// `gvLayout` failed.
        case layoutFailed
        /// `gvRenderData` failed.
        case renderFailed
    }

    public var kind: Kind
    /// A one-line explanation written by this module.
    public var summary: String
    /// Graphviz's own message lines (for example `syntax error in line 1 near '}'`).
    public var graphvizMessages: [String]

    public init(kind: Kind, summary: String, graphvizMessages: [String] = []) {
        self.kind = kind
        self.summary = summary
        self.graphvizMessages = graphvizMessages
    }

    public var description: String {
        graphvizMessages.isEmpty ? summary : summary + ": " + graphvizMessages.joined(separator: "; ")
    }
}
