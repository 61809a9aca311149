import Foundation
import Testing

struct FormatAndExplainCommandTests {
    @Test func fmtCheckListsFilesAndFmtRewritesThem() throws {
        let directory = try temporaryDirectory([
            "flows/a.flow": "org a \"A\" { kind trust }\n",
            "flows/b.flow": "org b \"B\" {\n  kind trust\n}\n",
        ])
        defer { try? FileManager.default.removeItem(at: directory) }
        let check = try Flowgate.run(["fmt", "--check"], in: directory)
        #expect(check.status == 1)
        #expect(check.output == "would reformat flows/a.flow\n")
        #expect(try Flowgate.run(["fmt"], in: directory).status == 0)
        #expect(try Flowgate.run(["fmt", "--check"], in: directory).status == 0)
        let text = try String(contentsOf: directory.appendingPathComponent("flows/a.flow"), encoding: .utf8)
        #expect(text == "org a \"A\" {\n  kind trust\n}\n")
    }

    @Test func fmtRefusesBrokenFilesAndLeavesThemAlone() throws {
        let broken = "org a \"A\" {\n  kind trust\n"
        let directory = try temporaryDirectory(["flows/a.flow": broken])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Flowgate.run(["fmt"], in: directory)
        #expect(result.status == 2)
        #expect(result.error.contains("FG106"))
        #expect(try String(contentsOf: directory.appendingPathComponent("flows/a.flow"), encoding: .utf8) == broken)
    }

    /// Hundreds of kilobytes of diagnostics on stderr and nothing on stdout: the runner must drain
    /// both pipes at once, or the child blocks on a full stderr while stdout is read to its end.
    @Test func fmtReportsManyBrokenFilesOnStandardError() throws {
        let files = Dictionary(uniqueKeysWithValues: (0..<40).map { ("flows/f\($0).flow", String(repeating: "}\n", count: 200)) })
        let directory = try temporaryDirectory(files)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Flowgate.run(["fmt", "--check"], in: directory)
        #expect(result.status == 2)
        #expect(result.output.isEmpty)
        #expect(result.error.utf8.count > 256 * 1024, "\(result.error.utf8.count) bytes on stderr")
        #expect(result.error.contains("flows/f39.flow:"))
    }

    @Test func explainPrintsARuleAndTheList() throws {
        let directory = try temporaryDirectory([:])
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = try Flowgate.run(["explain", "FG015"], in: directory)
        #expect(page.status == 0)
        #expect(page.output.hasPrefix("FG015 ndoo-not-applied (error)"))
        #expect(page.output.contains("Triggers FG015"))
        #expect(page.output.contains("Does not trigger FG015"))
        let list = try Flowgate.run(["explain", "--list"], in: directory)
        #expect(list.output.contains("FG001  personal-data-without-art6"))
        #expect(list.output.contains("FG112"))
        #expect(try Flowgate.run(["explain", "FG999"], in: directory).status == 2)
    }
}
