import Foundation
import Testing
@testable import FlowGraphviz

/// A PNG drawn with the graph's `dpi` set says so in a `pHYs` chunk, so word processors place it at
/// the size it was drawn for.
@Suite("PNG resolution")
struct PNGResolutionTests {
    static let dot = "digraph g { a -> b [label=\"x\"] }"

    /// Pixels per metre (x, y) and unit from a PNG's `pHYs` chunk, checking its CRC.
    static func physical(_ png: [UInt8]) -> (x: UInt32, y: UInt32, unit: UInt8)? {
        var offset = 8
        while offset + 12 <= png.count {
            let length = png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            if Array(png[offset + 4..<offset + 8]) == Array("pHYs".utf8), length == 9 {
                let data = Array(png[offset + 8..<offset + 17])
                let crc = png[offset + 17..<offset + 21].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
                guard crc == PNGResolution.crc32(Array(png[offset + 4..<offset + 17])) else { return nil }
                func word(_ at: Int) -> UInt32 { data[at..<at + 4].reduce(0) { $0 << 8 | UInt32($1) } }
                return (word(0), word(4), data[8])
            }
            offset += 12 + length
        }
        return nil
    }

    @Test func chunkChecksumsArePNGs() {
        // Every PNG ends with this chunk; its CRC is fixed by the PNG specification.
        #expect(PNGResolution.crc32(Array("IEND".utf8)) == 0xAE42_6082)
    }

    @Test func dpiOnTheGraphIsRecordedAndScalesThePixels() throws {
        let plain = try GraphvizRenderer.shared.render(dot: Self.dot, format: .png)
        #expect(Self.physical(plain) == nil)
        let sharp = try GraphvizRenderer.shared.render(dot: "digraph g { dpi=300; a -> b [label=\"x\"] }", format: .png)
        let recorded = try #require(Self.physical(sharp))
        #expect(recorded.x == 11811 && recorded.y == 11811 && recorded.unit == 1)
        func width(_ png: [UInt8]) -> Int { png[16..<20].reduce(0) { $0 << 8 | Int($1) } }
        // Graphviz's default is 96 dpi.
        #expect(abs(Double(width(sharp)) / Double(width(plain)) - 300.0 / 96) < 0.1)
        #expect(try GraphvizRenderer.shared.render(dot: "digraph g { dpi=300; a -> b [label=\"x\"] }", format: .png) == sharp)
    }
}
