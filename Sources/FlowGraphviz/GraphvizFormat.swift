/// An output format that `GraphvizRenderer` can produce.
///
/// The raw value is Graphviz's format name (as in `dot -T<format>`). Graphviz's own
/// "dot" output (the input annotated with layout coordinates) is deliberately not
/// offered: DOT text is an input of this module, not a rendering.
public enum GraphvizFormat: String, Sendable, CaseIterable {
    /// Scalable Vector Graphics (core plugin).
    case svg
    /// Portable Network Graphics (cairo/pango plugin).
    case png
    /// Portable Document Format (cairo/pango plugin).
    case pdf
}
