import CGraphviz
import Foundation

/// Measures label text for Graphviz layouts, answering repeated measurements from memory.
///
/// Graphviz asks its text layout plugin (pango) for the size of every text span of every label:
/// about a quarter of a large `dot` layout, and flowgate's labels repeat (level and kind words on
/// every node and edge, the same organisation names in the overview, the purpose views and each
/// layout `PageFit` tries). Pango's answer depends only on the span's bytes and font (name, size,
/// HTML style bits; the PostScript alias follows from the name), so this text layout plugin keeps
/// the answers for the process lifetime and asks pango only for text it has not seen. Outputs are
/// byte-identical: the cached fields are exactly what pango set.
///
/// Pango also leaves a `PangoLayout` on each span, which only the cairo renderers (PNG, PDF) draw
/// from and which every layout then frees again. When no such renderer follows (`reuseAllowed`),
/// spans get no layout at all; otherwise every span goes to pango, and its answer is kept.
///
/// Only called by Graphviz, which `GraphvizRenderer` calls under its lock.
final class GraphvizTextMeasurements: @unchecked Sendable {
    static let shared = GraphvizTextMeasurements()

    /// A span's font name and text (exact bytes), size and HTML style bits.
    struct Key: Hashable {
        var fontAndText: CStringKey
        var size: Double
        var flags: UInt32
    }

    struct Measurement {
        var width: Double
        var height: Double
        var yoffsetLayout: Double
        var yoffsetCenterline: Double
        var found: boolean
    }

    /// Bounds the memory a long-running process spends on it (a few hundred bytes an entry; the
    /// 1,000-organisation overview has 1,120 distinct spans).
    static let capacity = 50_000

    /// Pango's own engine; nil until installed, or when pango's plugin is not loaded.
    private(set) var pango: UnsafeMutablePointer<gvtextlayout_engine_t>?
    private var measurements: [Key: Measurement] = [:]
    /// Whether the coming layout may take sizes from memory and leave spans without a PangoLayout:
    /// set by the renderer before each layout, false when a cairo format will be rendered.
    var reuseAllowed = false
    /// False sends every span to pango and keeps nothing, as Graphviz alone does (tests compare the two).
    var remembering = true

    /// Whether pango's engine was found and this plugin is the one Graphviz calls.
    var isInstalled: Bool { pango != nil }

    func forget() { measurements.removeAll() }

    /// Makes this the text layout plugin of `gvc`; leaves Graphviz's own when pango's engine cannot
    /// be found.
    func install(in gvc: OpaquePointer) {
        guard let engine = cgv_pango_textlayout_engine() else { return }
        pango = engine
        if cgv_install_textlayout(gvc, { span, fontpath in
            GraphvizTextMeasurements.shared.measure(span, fontpath)
        }) != 0 {
            pango = nil
        }
    }

    private func measure(
        _ span: UnsafeMutablePointer<textspan_t>?,
        _ fontpath: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    ) -> boolean {
        guard let pango else { return 0 }
        guard remembering else { return cgv_call_textlayout(pango, span, fontpath) }
        // A font path is only asked for by verbose runs, which report it: pango must answer those.
        guard let span, fontpath == nil, let font = span.pointee.font, let text = span.pointee.str, let name = font.pointee.name else {
            return cgv_call_textlayout(pango, span, fontpath)
        }
        let key = Key(fontAndText: CStringKey(name, text), size: font.pointee.size, flags: cgv_span_font_flags(span))
        if reuseAllowed, let known = measurements[key] {
            span.pointee.size = pointf(x: known.width, y: known.height)
            span.pointee.yoffset_layout = known.yoffsetLayout
            span.pointee.yoffset_centerline = known.yoffsetCenterline
            span.pointee.layout = nil
            span.pointee.free_layout = nil
            return known.found
        }
        let found = cgv_call_textlayout(pango, span, fontpath)
        if reuseAllowed, let layout = span.pointee.layout {
            span.pointee.free_layout?(layout)
            span.pointee.layout = nil
            span.pointee.free_layout = nil
        }
        if measurements.count >= Self.capacity { measurements.removeAll(keepingCapacity: true) }
        measurements[key] = Measurement(
            width: span.pointee.size.x, height: span.pointee.size.y,
            yoffsetLayout: span.pointee.yoffset_layout, yoffsetCenterline: span.pointee.yoffset_centerline,
            found: found
        )
        return found
    }
}
