import FlowGraphviz
import Foundation
import Testing

/// The committed seed diagrams (`diagrams/`, drawn from `flows/` by `scripts/render-diagrams.sh`)
/// printed on A4 landscape: every label readable, none overlapping another, no edge through a label.
@Suite("Seed diagrams on A4 landscape", .serialized)
struct SeedDiagramTests {
    /// The bar: 6 pt is the smallest size generally held legible in print.
    static let minimumPrintedPoints = 6.0

    static let root = Fixtures.packageRoot

    /// Every `.svg` under `diagrams/`, sorted.
    static func committedSVGs() -> [String] {
        let directory = root + "/diagrams"
        let enumerator = FileManager.default.enumerator(atPath: directory)
        var files: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".svg") { files.append(directory + "/" + path) }
        }
        return files.sorted()
    }

    /// Printed on A4 landscape less 10 mm margins (scaled to fit, never enlarged), the smallest text
    /// of every committed diagram is at least 6 pt: scale = min(1, 786 / width, 539 / height), times
    /// the smallest `font-size` (in points, through the SVG's viewBox and graph scale).
    @Test func everyCommittedDiagramPrintsItsSmallestTextAtSixPointsOrMore() throws {
        let files = Self.committedSVGs()
        #expect(files.count >= 3, "no diagrams under \(Self.root)/diagrams")
        for file in files {
            let svg = try SVGDocument.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
            let relative = String(file.dropFirst(Self.root.count + 1))
            #expect(svg.smallestPrintedFont >= Self.minimumPrintedPoints,
                    "\(relative): \(Int(svg.width))×\(Int(svg.height)) pt prints at scale \(svg.a4Scale), smallest text \(svg.smallestPrintedFont) pt")
        }
    }

    /// The DOT of every seed diagram (written by the `flowgate` executable, exactly as
    /// `scripts/render-diagrams.sh` draws `diagrams/`), laid out by Graphviz: no text box overlaps
    /// another element's, and no edge runs through a label.
    @Test func seedDiagramLabelsDoNotOverlap() throws {
        let folders = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/flows")
            .filter { !$0.hasPrefix(".") }.sorted()
        #expect(!folders.isEmpty)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("flowgate-seed-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        var checked = 0
        for folder in folders {
            let directory = output + "/" + folder
            let run = try RenderCommandTests().flowgate(["render", Self.root + "/flows/" + folder, "-o", directory, "--format", "dot"])
            #expect(run.status == 0, "\(folder): \(run.error)")
            for file in try FileManager.default.contentsOfDirectory(atPath: directory).sorted() where file.hasSuffix(".dot") {
                let dot = try String(contentsOfFile: directory + "/" + file, encoding: .utf8)
                for problem in try LaidOutText(dot: dot).problems {
                    Issue.record("diagrams/\(folder)/\(file): \(problem)")
                }
                checked += 1
            }
        }
        #expect(checked >= 3)
    }
}
