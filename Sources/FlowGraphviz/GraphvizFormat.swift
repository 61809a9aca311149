/// An output format that `GraphvizRenderer` can produce.
///
/// The raw value is Graphviz's format name (as in `dot -T<format>`).
public enum GraphvizFormat: String, Sendable, CaseIterable {
    /// Scalable Vector Graphics (core plugin).
    case svg
    /// Portable Network Graphics (cairo/pango plugin).
    case png
    /// Portable Document Format (cairo/pango plugin).
    case pdf
    /// The input graph annotated with its layout: positions, sizes, bounding boxes (core plugin).
    case dot
    /// The laid-out graph as JSON, with every drawing operation; text operations carry the text's
    /// position, font and the width Graphviz measured for it (core plugin).
    case json
}

extension GraphvizFormat {
    /// Whether Graphviz draws this format with cairo, which draws each text span from the
    /// PangoLayout its measurement left on it (see `GraphvizTextMeasurements`).
    var drawsTextWithPango: Bool {
        switch self {
        case .png, .pdf: true
        case .svg, .dot, .json: false
        }
    }
}
