import Foundation
import Testing
@testable import FlowGraphviz

/// Text sizes answered from memory (`GraphvizTextMeasurements`) give the bytes pango's own answers give.
@Suite("Remembered text measurements", .serialized)
struct TextMeasurementTests {
    let renderer = GraphvizRenderer.shared

    /// The same words in several fonts, sizes and HTML styles (a mix-up between any two shows in the
    /// sizes of boxes and the positions of text), non-ASCII text, empty cells and plain labels.
    static let styledDOT = """
        digraph styles {
          rankdir=LR; fontname="Helvetica";
          node [shape=box, fontname="Helvetica", fontsize=10];
          a [label=<<B>Shared words</B><BR/>Shared words<BR/><I>Shared words</I><BR/><U>Shared words</U>>];
          b [label=<<FONT POINT-SIZE="18">Shared words</FONT><BR/><FONT POINT-SIZE="7">Shared words</FONT>>];
          c [label=<<FONT FACE="Courier">Shared words</FONT> x<SUB>2</SUB> y<SUP>3</SUP> <S>gone</S>>];
          d [label="Shared words", fontname="Times-Roman", fontsize=14];
          e [label="Shared words"];
          f [label=<<TABLE BORDER="0"><TR><TD>é ⚠ → ünïcode</TD><TD></TD></TR><TR><TD><B>é ⚠ → ünïcode</B></TD></TR></TABLE>>];
          a -> b [xlabel=<<B>IDENTIFIABLE</B> · ⊘>];
          b -> c [xlabel=<IDENTIFIABLE>];
          c -> d [label="Shared words", fontsize=9];
          d -> e [label=<<I>Shared words</I>>];
          e -> f [headlabel="h", taillabel="t"];
        }
        """

    /// Renders with every span measured by pango (nothing remembered), then with the cache cold and warm.
    func renders(_ format: GraphvizFormat) throws -> (pango: [UInt8], cold: [UInt8], warm: [UInt8]) {
        renderer.withTextMeasurements { $0.remembering = false }
        defer { renderer.withTextMeasurements { $0.remembering = true } }
        let pango = try renderer.render(dot: Self.styledDOT, format: format)
        renderer.withTextMeasurements {
            $0.remembering = true
            $0.forget()
        }
        let cold = try renderer.render(dot: Self.styledDOT, format: format)
        let warm = try renderer.render(dot: Self.styledDOT, format: format)
        return (pango, cold, warm)
    }

    @Test func thePluginIsInstalled() {
        #expect(renderer.withTextMeasurements { $0.isInstalled })
    }

    @Test(arguments: [GraphvizFormat.svg, .json, .dot])
    func rememberedSizesGiveTheBytesPangoGives(format: GraphvizFormat) throws {
        let (pango, cold, warm) = try renders(format)
        #expect(cold.elementsEqual(pango), "cold cache")
        #expect(warm.elementsEqual(pango), "warm cache")
    }

    /// PNG and PDF draw each span from the PangoLayout its measurement leaves, so they never take
    /// sizes from memory, even right after an SVG render of the same text.
    @Test(arguments: [GraphvizFormat.png, .pdf])
    func cairoFormatsStillDrawTheirText(format: GraphvizFormat) throws {
        renderer.withTextMeasurements { $0.remembering = false }
        let pango = try renderer.render(dot: Self.styledDOT, format: format)
        renderer.withTextMeasurements { $0.remembering = true }
        _ = try renderer.render(dot: Self.styledDOT, format: .svg)
        let afterSVG = try renderer.render(dot: Self.styledDOT, format: format)
        #expect(afterSVG.elementsEqual(pango))
    }

    @Test func layoutSizeIsTheSameWithSizesFromMemory() throws {
        renderer.withTextMeasurements { $0.remembering = false }
        let pango = try renderer.layoutSize(dot: Self.styledDOT)
        renderer.withTextMeasurements { $0.remembering = true }
        _ = try renderer.render(dot: Self.styledDOT, format: .svg)
        let remembered = try renderer.layoutSize(dot: Self.styledDOT)
        #expect(remembered == pango)
    }
}
