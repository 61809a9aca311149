import FlowFuzzing
import Foundation
import Testing

/// Replays the fuzz corpus (Tests/FuzzCorpus: the seeds and, under `regressions/`, every input that
/// once crashed the fuzzer) through the fuzz harness. A regression that traps again fails the run.
struct CorpusReplayTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("FuzzCorpus")

    static func files(under directory: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        var result: [URL] = []
        for case let url as URL in enumerator where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            if url.lastPathComponent.hasPrefix(".") || url.pathExtension == "dict" || url.lastPathComponent == "README.md" { continue }
            result.append(url)
        }
        return result.sorted { $0.path < $1.path }
    }

    static var regressionFiles: [String] {
        files(under: corpus.appendingPathComponent("regressions")).map(\.lastPathComponent)
    }

    @Test func corpusIsThere() {
        #expect(Self.files(under: Self.corpus).count >= 20, "seed corpus missing at \(Self.corpus.path)")
    }

    @Test(arguments: regressionFiles)
    func regressionReplaysCleanly(_ name: String) throws {
        let data = try Data(contentsOf: Self.corpus.appendingPathComponent("regressions").appendingPathComponent(name))
        FuzzHarness.run(Array(data))
    }

    @Test func seedCorpusReplaysCleanly() throws {
        let seeds = Self.files(under: Self.corpus).filter { !$0.path.contains("/regressions/") }
        for url in seeds {
            FuzzHarness.run(Array(try Data(contentsOf: url)))
        }
    }

    @Test func inputsSplitIntoFiles() {
        let files = FuzzHarness.split(Array("org a\n#--- shared/b\norg b\n#--- ../../etc/passwd\nx\n".utf8))
        #expect(files.map(\.path) == ["fuzz/main.flow", "fuzz/shared/b.flow", "fuzz/etc/passwd.flow"])
        #expect(files[0].bytes == Array("org a\n".utf8))
        #expect(files[1].bytes == Array("org b\n".utf8))
    }

    @Test func hostileInputsDoNotTrap() {
        let inputs: [[UInt8]] = [
            [], [0xFF, 0xFE], Array(repeating: UInt8(ascii: "{"), count: 10_000),
            Array(("org a {" + String(repeating: " x {", count: 5_000)).utf8),
            Array("\"\\u{110000}\" \"\\u{D800}\" \"\\u{}\" \"\\".utf8),
            Array("include \"main.flow\"\n#--- other\ninclude \"main.flow\"\n".utf8),
        ]
        for input in inputs { FuzzHarness.run(input) }
    }
}
