import FlowGraphviz
import Foundation
import Testing

/// `flowgate render` end to end, through the built executable next to the test bundle.
@Suite("flowgate render", .serialized)
struct RenderCommandTests {
    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    /// `FLOWGATE_EXECUTABLE`, else `flowgate` in the build directory holding the test bundle.
    static var executable: String? {
        if let path = ProcessInfo.processInfo.environment["FLOWGATE_EXECUTABLE"] { return path }
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("flowgate").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory = directory.deletingLastPathComponent()
        }
        return nil
    }

    func flowgate(_ arguments: [String]) throws -> Run {
        let executable = try #require(Self.executable, "the flowgate executable is not built next to the tests")
        return try Self.run(executable, arguments)
    }

    /// Runs a program to its end: its status, standard output and standard error.
    static func run(_ executable: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let output = Pipe(), error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Both pipes are drained at once: read one after the other, a child that filled the second
        // (an AddressSanitizer build lists its suppressed leaks on stderr) blocked while the first
        // was read to its end, and neither side ever finished.
        let errorHandle = error.fileHandleForReading
        let err = ErrorData()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { err.data = errorHandle.readDataToEndOfFile() }
        let out = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, output: String(decoding: out, as: UTF8.self), error: String(decoding: err.data, as: UTF8.self))
    }

    /// Written by the one block that reads stderr, read after the group is waited for.
    private final class ErrorData: @unchecked Sendable {
        var data = Data()
    }

    /// A copy of the small fixture in a fresh directory: (model directory, output directory, the
    /// directory holding both, which the test removes).
    func workspace() throws -> (model: String, output: String, root: String) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("flowgate-render-\(UUID().uuidString)")
        let model = root.appendingPathComponent("model")
        try FileManager.default.createDirectory(at: model, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Fixtures.path("small/small.flow"), toPath: model.appendingPathComponent("small.flow").path)
        return (model.path, root.appendingPathComponent("diagrams").path, root.path)
    }

    func files(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    @Test(arguments: ["svg", "dot", "mermaid"])
    func checkPassesAfterRenderAndFailsAfterAnEdit(format: String) throws {
        let (model, output, root) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let rendered = try flowgate(["render", model, "-o", output, "--format", format])
        #expect(rendered.status == 0, "\(rendered.error)")
        let ext = format == "mermaid" ? "md" : format
        #expect(files(output) == ["overview", "purpose-commissioning", "purpose-publication", "purpose-submission"].map { "\($0).\(ext)" })

        let clean = try flowgate(["render", model, "-o", output, "--format", format, "--check"])
        #expect(clean.status == 0, "\(clean.output)\(clean.error)")
        #expect(clean.output.isEmpty)

        // Rendering again changes nothing and says nothing.
        let again = try flowgate(["render", model, "-o", output, "--format", format])
        #expect(again.status == 0 && again.output.isEmpty)

        let file = model + "/small.flow"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"Valley CSU\"", with: "\"Valley Commissioning Support Unit\"")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: output + "/purpose-publication.\(ext)")
        let stale = try flowgate(["render", model, "-o", output, "--format", format, "--check"])
        #expect(stale.status == 1)
        #expect(stale.output.contains("stale: \(output)/overview.\(ext)"))
        #expect(stale.output.contains("stale: \(output)/purpose-commissioning.\(ext)"))
        #expect(stale.output.contains("missing: \(output)/purpose-publication.\(ext)"))
        #expect(!stale.output.contains("purpose-submission"), "a diagram the edit does not touch is not stale")
    }

    @Test func renderingTwiceGivesIdenticalBytes() throws {
        let (model, output, root) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for format in ["svg", "png", "pdf", "dot"] {
            _ = try flowgate(["render", model, "-o", output + "/a", "--format", format])
            _ = try flowgate(["render", model, "-o", output + "/b", "--format", format])
        }
        let names = files(output + "/a")
        #expect(names.count == 16)
        for name in names {
            let a = FileManager.default.contents(atPath: output + "/a/" + name)
            let b = FileManager.default.contents(atPath: output + "/b/" + name)
            #expect(a != nil && a == b, "\(name) differs")
        }
    }

    @Test func purposesThatLoseTheirFlowsLoseTheirDiagrams() throws {
        let (model, output, root) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try flowgate(["render", model, "-o", output, "--format", "dot"])
        let file = model + "/small.flow"
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = text.replacingOccurrences(of: "  purpose publication\n", with: "  purpose commissioning\n")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        let check = try flowgate(["render", model, "-o", output, "--format", "dot", "--check"])
        #expect(check.status == 1)
        #expect(check.output.contains("obsolete: \(output)/purpose-publication.dot"))
        let render = try flowgate(["render", model, "-o", output, "--format", "dot"])
        #expect(render.output.contains("removed \(output)/purpose-publication.dot"))
        #expect(!files(output).contains("purpose-publication.dot"))
    }

    /// Pages of a view split over several (`overview.2-of-3`), or the whole view once it is split,
    /// are obsolete when no longer drawn: `--check` lists them, rendering removes them, and files
    /// of other names and formats are left alone.
    @Test func pagesNoLongerDrawnAreObsolete() throws {
        let (model, output, root) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        _ = try flowgate(["render", model, "-o", output, "--format", "dot"])
        let drawn = files(output)
        let leftovers = ["overview.2-of-3.dot", "purpose-commissioning.1-of-2.dot", "partners-x.3-of-3.dot"]
        let kept = ["overview-notes.txt", "overview.2-of-3.svg", "notes.dot"]
        for name in leftovers + kept { #expect(FileManager.default.createFile(atPath: output + "/" + name, contents: Data())) }
        let check = try flowgate(["render", model, "-o", output, "--format", "dot", "--check"])
        #expect(check.status == 1)
        for name in leftovers { #expect(check.output.contains("obsolete: \(output)/\(name)"), "\(check.output)") }
        for name in kept { #expect(!check.output.contains(name)) }
        let render = try flowgate(["render", model, "-o", output, "--format", "dot"])
        #expect(render.status == 0)
        #expect(Set(files(output)) == Set(drawn + kept))
        // With a view option, only that view's own pages are its business.
        #expect(FileManager.default.createFile(atPath: output + "/purpose-commissioning.1-of-2.dot", contents: Data()))
        let one = try flowgate(["render", model, "-o", output, "--format", "dot", "--purpose", "commissioning"])
        #expect(one.output.contains("removed \(output)/purpose-commissioning.1-of-2.dot"))
        #expect(Set(files(output)) == Set(drawn + kept))
    }

    /// PNGs are drawn at 300 dpi: 300 / 72 pixels for every point of the drawing.
    @Test func pngsAreDrawnAtThreeHundredDPI() throws {
        let (model, output, root) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for format in ["svg", "png"] {
            let run = try flowgate(["render", model, "-o", output, "--org", "dscro", "--format", format])
            #expect(run.status == 0, "\(run.error)")
        }
        let svg = try SVGDocument.parse(Array(try Data(contentsOf: URL(fileURLWithPath: output + "/org-dscro.svg"))))
        let png = try #require(pngDimensions(Array(try Data(contentsOf: URL(fileURLWithPath: output + "/org-dscro.png")))))
        #expect(abs(Double(png.width) - svg.width * 300 / 72) < 3, "\(png.width) px for \(svg.width) pt")
        #expect(abs(Double(png.height) - svg.height * 300 / 72) < 3, "\(png.height) px for \(svg.height) pt")
    }

    /// A view option writes the view's file, or (when the view is too large for an A4 portrait page)
    /// its parts, `STEM.1-of-N.svg` …
    @Test func viewOptionsWriteOneNamedFile() throws {
        let (model, output, root) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (arguments, name) in [
            (["--purpose", "commissioning"], "purpose-commissioning.svg"),
            (["--dataset", "sus-pseudo"], "dataset-sus-pseudo.svg"),
            (["--org", "dscro"], "org-dscro.svg"),
            (["--org", "dscro", "--depth", "2"], "org-dscro-depth2.svg"),
        ] {
            let run = try flowgate(["render", model, "-o", output] + arguments)
            #expect(run.status == 0, "\(run.error)")
            let stem = String(name.dropLast(".svg".count))
            let parts = files(output).filter { $0.hasPrefix(stem + ".") && $0.hasSuffix(".svg") && $0 != name }
            let expected = parts.isEmpty ? [name] : (1...parts.count).map { "\(stem).\($0)-of-\(parts.count).svg" }
            #expect(Set(files(output)).isSuperset(of: expected), "\(name): \(files(output))")
        }
        let toStdout = try flowgate(["render", model, "--purpose", "commissioning", "--format", "dot"])
        #expect(toStdout.status == 0)
        #expect(toStdout.output.hasPrefix("// Generated by `flowgate render`"))
    }

    @Test func invalidInputExitsTwoAndWritesNothing() throws {
        let (model, output, root) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let unknown = try flowgate(["render", model, "-o", output, "--purpose", "comissioning"])
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("no purpose named `comissioning`"))
        #expect(unknown.error.contains("commissioning"))
        let both = try flowgate(["render", model, "--purpose", "commissioning", "--org", "icb"])
        #expect(both.status == 2)
        let badDate = try flowgate(["render", model, "--as-of", "2026-02-30"])
        #expect(badDate.status == 2)
        try "org broken {".write(toFile: model + "/broken.flow", atomically: true, encoding: .utf8)
        let broken = try flowgate(["render", model, "-o", output])
        #expect(broken.status == 2)
        #expect(broken.error.contains("broken.flow:"))
        #expect(files(output).isEmpty)
    }

    @Test func asOfAppearsOnlyWhenGiven() throws {
        let (model, _, root) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let without = try flowgate(["render", model, "--format", "dot"])
        #expect(!without.output.contains("as of"))
        let with = try flowgate(["render", model, "--format", "dot", "--as-of", "2026-04-01"])
        #expect(with.output.contains("as of 2026-04-01"))
    }

    /// Across processes: what a fresh `flowgate` process draws equals what this process draws from the
    /// same DOT after many other renders (object IDs follow creation order, not the heap).
    @Test func svgAndPDFFromTheCLIEqualThisProcessRenderingTheSameDOT() throws {
        let (model, output, root) = try workspace()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for format in ["svg", "dot", "pdf"] {
            let run = try flowgate(["render", model, "-o", output, "--format", format])
            #expect(run.status == 0, "\(run.error)")
        }
        let names = files(output).filter { $0.hasSuffix(".dot") }
        #expect(names.count == 4)
        for name in names {
            let stem = String(name.dropLast(4))
            let dot = try String(contentsOfFile: output + "/" + name, encoding: .utf8)
            for format in [GraphvizFormat.svg, .pdf] {
                let fromCLI = try Data(contentsOf: URL(fileURLWithPath: output + "/" + stem + "." + format.rawValue))
                let here = try GraphvizRenderer.shared.render(dot: dot, format: format)
                #expect(Array(fromCLI) == here, "\(stem).\(format.rawValue)")
            }
        }
    }
}
