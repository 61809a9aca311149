/// Checks that Graphviz's plugins can serve a request, before any graph is parsed.
enum GraphvizPluginCheck {
    static let notConfiguredSummary = "Graphviz plugins not configured: run `dot -c` as root"

    /// Throws if `engine` or `format` is missing from the installed plugin lists.
    static func validate(
        engine: GraphvizLayoutEngine,
        format: GraphvizFormat?,
        layoutEngines: [String],
        outputFormats: [String]
    ) throws {
        // An empty layout list means gvContext() found no plugin config at all.
        guard !layoutEngines.isEmpty else {
            throw GraphvizError(kind: .pluginsNotConfigured, summary: notConfiguredSummary)
        }
        guard layoutEngines.contains(engine.rawValue) else {
            throw GraphvizError(
                kind: .unsupportedLayoutEngine,
                summary: "Graphviz layout engine '\(engine.rawValue)' is not installed"
                    + " (available: \(layoutEngines.joined(separator: ", ")))"
            )
        }
        if let format, !outputFormats.contains(format.rawValue) {
            throw GraphvizError(
                kind: .unsupportedFormat,
                summary: "Graphviz output format '\(format.rawValue)' is not installed"
                    + " (png and pdf need the cairo/pango plugin)"
            )
        }
    }
}
