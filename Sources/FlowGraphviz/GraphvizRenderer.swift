import CGraphviz
import Foundation

/// Renders DOT text with the Graphviz C libraries, in process.
///
/// Graphviz keeps global state (error log, DOT scanner, layout engines) and is not
/// thread-safe, so there is one renderer per process, `shared`, owning one `GVC_t`
/// for the process lifetime; every call is serialised by a lock. Calls are
/// synchronous and block while another render runs; a large layout can take seconds.
public final class GraphvizRenderer: @unchecked Sendable {
    /// The process-wide renderer.
    public static let shared = GraphvizRenderer()

    /// Guards every Graphviz call and `pluginCache`.
    let lock = NSLock()
    /// The `GVC_t *`; nil only if `gvContext()` failed. Never freed (process lifetime).
    let context: OpaquePointer?
    /// Plugin names by kind ("layout", "device"); filled on first use, under `lock`.
    var pluginCache: [String: [String]] = [:]

    private init() {
        GraphvizMessageLog.beginStep()
        context = gvContext()
    }

    /// Lays out `dot` with `engine` and renders it as `format`.
    ///
    /// Only the first graph in `dot` is rendered.
    /// - Returns: the file contents (SVG text as UTF-8, or PNG/PDF bytes).
    /// - Throws: `GraphvizError`, for example `.invalidDOT` with Graphviz's syntax
    ///   error message, or `.pluginsNotConfigured`.
    public func render(
        dot: String,
        format: GraphvizFormat,
        engine: GraphvizLayoutEngine = .dot
    ) throws -> [UInt8] {
        guard !dot.utf8.contains(0) else {
            throw GraphvizError(kind: .invalidDOT, summary: "invalid DOT input: it contains a NUL character")
        }
        return try lock.withLock {
            let gvc = try requireContext()
            try validatePlugins(gvc, engine: engine, format: format)
            let graph = try parse(dot)
            // Freeing order: render data (in renderData), then layout, then graph.
            defer { _ = agclose(graph) }
            defer { _ = gvFreeLayout(gvc, graph) }
            try layout(graph, gvc, engine: engine)
            return try renderData(graph, gvc, format: format)
        }
    }

    // MARK: - Steps (call with `lock` held)

    func requireContext() throws -> OpaquePointer {
        guard let context else {
            throw GraphvizError(kind: .contextUnavailable, summary: "Graphviz context could not be created")
        }
        return context
    }

    private func parse(_ dot: String) throws -> UnsafeMutablePointer<Agraph_t> {
        cgv_reset_dot_scanner()
        GraphvizMessageLog.beginStep()
        if let graph = agmemread(dot) {
            return graph
        }
        let messages = GraphvizMessageLog.latestMessages()
        throw GraphvizError(
            kind: .invalidDOT,
            summary: messages.isEmpty
                ? "invalid DOT input: no complete graph (empty input, or an unterminated string or comment)"
                : "invalid DOT input",
            graphvizMessages: messages
        )
    }

    private func layout(
        _ graph: UnsafeMutablePointer<Agraph_t>,
        _ gvc: OpaquePointer,
        engine: GraphvizLayoutEngine
    ) throws {
        GraphvizMessageLog.beginStep()
        guard gvLayout(gvc, graph, engine.rawValue) == 0 else {
            throw GraphvizError(
                kind: .layoutFailed,
                summary: "Graphviz '\(engine.rawValue)' layout failed",
                graphvizMessages: GraphvizMessageLog.latestMessages()
            )
        }
    }

    private func renderData(
        _ graph: UnsafeMutablePointer<Agraph_t>,
        _ gvc: OpaquePointer,
        format: GraphvizFormat
    ) throws -> [UInt8] {
        GraphvizMessageLog.beginStep()
        var data: UnsafeMutablePointer<CChar>? = nil
        var length = 0
        let status = cgv_render_data(gvc, graph, format.rawValue, &data, &length)
        defer { if let data { gvFreeRenderData(data) } }
        guard status == 0, let data else {
            throw GraphvizError(
                kind: .renderFailed,
                summary: "Graphviz could not render \(format.rawValue)",
                graphvizMessages: GraphvizMessageLog.latestMessages()
            )
        }
        return Array(UnsafeRawBufferPointer(start: data, count: length))
    }
}
