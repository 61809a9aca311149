import FlowGraphviz
import FlowRender
import Foundation
import Testing

/// The committed seed diagrams (`diagrams/`, drawn from `flows/` by `scripts/render-diagrams.sh`)
/// printed at the width of an A4 portrait page's text (a DPIA's page): every label readable, none
/// overlapping another, no edge through a label, and no two words run together in rsvg.
@Suite("Seed diagrams on A4 portrait", .serialized)
struct SeedDiagramTests {
    /// The bar: 6 pt is the smallest size generally held legible in print.
    static let minimumPrintedPoints = 6.0

    @Test func theBarIsAnA4PortraitTextBlock() {
        #expect(abs(PageLayout.printableWidth - 481.9) < 0.1)
        #expect(abs(PageLayout.printableHeight - 728.5) < 0.1)
        #expect(PageLayout.minimumPrintedPoints == Self.minimumPrintedPoints)
    }

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

    /// Printed in an A4 portrait page's text block, 170 × 257 mm (scaled to fit, never enlarged), the
    /// smallest text of every committed diagram is at least 6 pt: scale = min(1, 481.9 / width,
    /// 728.5 / height), times the smallest `font-size` (in points, through the SVG's viewBox and
    /// graph scale).
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

    /// Diagrams the README shows exist: a view drawn over several pages changes its file names.
    @Test func diagramsTheReadmeShowsAreCommitted() throws {
        let readme = try String(contentsOfFile: Self.root + "/README.md", encoding: .utf8)
        let shown = readme.split(whereSeparator: { "()` \n".contains($0) })
            .filter { $0.hasPrefix("diagrams/") && $0.hasSuffix(".svg") }.map(String.init)
        #expect(!shown.isEmpty)
        for path in shown {
            #expect(FileManager.default.fileExists(atPath: Self.root + "/" + path), "README.md shows \(path), which is not in diagrams/")
        }
    }

    /// rsvg (what much DPIA tooling converts SVG with) drops the spaces at either end of an SVG text
    /// run, and Graphviz draws each font change as a run of its own: no run of a committed diagram
    /// may rely on such a space, and, converted to PDF by `rsvg-convert` and read back by
    /// `pdftotext`, every run's words come out as they were written, spaces and all, and no two runs
    /// side by side on a line come out as one word.
    @Test func committedDiagramsKeepTheirWordsApartWhenConvertedWithRsvg() throws {
        let files = Self.committedSVGs()
        #expect(files.count >= 3)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("flowgate-rsvg-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: output) }
        func words(_ text: String) -> String {
            text.replacingOccurrences(of: "\u{00A0}", with: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var runs = 0
        for file in files {
            let relative = String(file.dropFirst(Self.root.count + 1))
            let svg = try SVGDocument.parse(Array(try Data(contentsOf: URL(fileURLWithPath: file))))
            for text in svg.texts where text.raw.hasPrefix(" ") || text.raw.hasSuffix(" ") {
                Issue.record("\(relative): the text run `\(text.raw)` starts or ends with a space rsvg drops")
            }
            let pdf = output + "/page.pdf"
            let converted = try RenderCommandTests.run("/usr/bin/env", ["rsvg-convert", "-f", "pdf", "-o", pdf, file])
            #expect(converted.status == 0, "\(relative): rsvg-convert failed: \(converted.error)")
            let extracted = try RenderCommandTests.run("/usr/bin/env", ["pdftotext", "-raw", pdf, "-"])
            #expect(extracted.status == 0, "\(relative): pdftotext failed: \(extracted.error)")
            let printed = words(extracted.output)
            for text in svg.texts where text.content.contains(" ") {
                runs += 1
                #expect(printed.contains(words(text.content)), "\(relative): rsvg does not print `\(text.content)` as written")
            }
            // Runs side by side on one line (a key's number and its text): apart in print too.
            for (first, second) in zip(svg.texts, svg.texts.dropFirst())
            where first.owner == second.owner && abs(first.y - second.y) < 2 && second.x > first.x {
                let joined = (first.content.split(separator: " ").last ?? "") + (second.content.split(separator: " ").first ?? "")
                #expect(!printed.contains(joined), "\(relative): rsvg prints `\(first.content)` and `\(second.content)` as `\(joined)`")
            }
        }
        #expect(runs > 100)
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
