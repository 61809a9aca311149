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
    /// How DOT text is read: in-memory reader, creation-order object IDs (`GraphvizIDs`). Never freed.
    private let discipline: UnsafeMutablePointer<Agdisc_t>

    private init() {
        GraphvizMessageLog.beginStep()
        context = gvContext()
        if let context { GraphvizTextMeasurements.shared.install(in: context) }
        discipline = cgv_discipline(GraphvizIDs.makeDiscipline())
    }

    /// Lays out `dot` with `engine` and renders it as `format`.
    ///
    /// Only the first graph in `dot` is rendered. The result depends on the DOT text alone: the same
    /// text gives the same bytes in every process, whatever was rendered before (object IDs follow
    /// creation order, see `GraphvizIDs`; a PDF's creation date is removed, see `PDFCreationDate`). A PNG
    /// drawn at a `dpi` set on the graph records it (`PNGResolution`).
    /// - Returns: the file contents (SVG, DOT or JSON text as UTF-8, or PNG/PDF bytes).
    /// - Throws: `GraphvizError`, for example `.invalidDOT` with Graphviz's syntax
    ///   error message, or `.pluginsNotConfigured`.
    public func render(
        dot: String,
        format: GraphvizFormat,
        engine: GraphvizLayoutEngine = .dot
    ) throws -> [UInt8] {
        try withLayout(of: dot, engine: engine, format: format) { graph, gvc in
            let bytes = try renderData(graph, gvc, format: format)
            switch format {
            case .pdf: return PDFCreationDate.normalised(bytes)
            case .png:
                // The graph's `dpi`, recorded in the file so that it is placed at its drawn size.
                let dpi = cgv_get(UnsafeMutableRawPointer(graph), "dpi").flatMap { Double(String(cString: $0)) } ?? 0
                return dpi > 0 ? PNGResolution.stamped(bytes, dpi: Int(dpi.rounded())) : bytes
            default: return bytes
            }
        }
    }

    /// The size of `dot`'s drawing in points — its bounding box, without the `pad` margin — laid out
    /// with `engine` but not rendered: how a caller compares candidate layouts cheaply.
    public func layoutSize(dot: String, engine: GraphvizLayoutEngine = .dot) throws -> (width: Double, height: Double) {
        try withLayout(of: dot, engine: engine, format: nil) { graph, _ in
            // gvLayout stores the bounding box as "llx lly urx ury" (with commas in newer releases).
            let box = cgv_get(UnsafeMutableRawPointer(graph), "bb").map { String(cString: $0) } ?? ""
            let numbers = box.split { $0 == "," || $0 == " " }.compactMap { Double($0) }
            guard numbers.count == 4 else {
                throw GraphvizError(kind: .layoutFailed, summary: "Graphviz gave no bounding box for the layout")
            }
            return (numbers[2] - numbers[0], numbers[3] - numbers[1])
        }
    }

    /// Whether `text` holds a NUL byte (which would end the C string early). `memchr` over the
    /// contiguous UTF-8: the generic `utf8.contains(0)` cost about 1% of rendering a 200-organisation
    /// overview.
    static func containsNUL(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in bytes.baseAddress.map { memchr($0, 0, bytes.count) != nil } ?? false }
    }

    /// Parses and lays out `dot` under the lock, hands the laid-out graph to `body`, then frees it.
    private func withLayout<T>(
        of dot: String,
        engine: GraphvizLayoutEngine,
        format: GraphvizFormat?,
        _ body: (UnsafeMutablePointer<Agraph_t>, OpaquePointer) throws -> T
    ) throws -> T {
        guard !Self.containsNUL(dot) else {
            throw GraphvizError(kind: .invalidDOT, summary: "invalid DOT input: it contains a NUL character")
        }
        return try lock.withLock {
            let gvc = try requireContext()
            try validatePlugins(gvc, engine: engine, format: format)
            let graph = try parse(dot)
            GraphvizTextMeasurements.shared.reuseAllowed = !(format?.drawsTextWithPango ?? false)
            // Freeing order: render data (in renderData), then layout, then graph.
            defer { _ = agclose(graph) }
            defer { _ = gvFreeLayout(gvc, graph) }
            try layout(graph, gvc, engine: engine)
            return try body(graph, gvc)
        }
    }

    /// Runs `body` on the text measurement plugin under the lock (tests switch it and compare).
    func withTextMeasurements<T>(_ body: (GraphvizTextMeasurements) throws -> T) rethrows -> T {
        try lock.withLock { try body(.shared) }
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
        let graph = dot.utf8CString.withUnsafeBufferPointer { text in
            // The count includes the terminating NUL, which the reader must not hand to the scanner.
            cgv_read_dot(text.baseAddress, text.count - 1, discipline)
        }
        if let graph {
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
        let status = cgv_render_stream(gvc, graph, format.rawValue, &data, &length)
        defer { if let data { cgv_free(data) } }
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
