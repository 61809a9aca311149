import ArgumentParser
import Foundation

@main
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowgate-gen",
        abstract: "Generate a synthetic national-scale estate of .flow files with planted violations.",
        discussion: """
        Writes national.flow, regions.flow, trusts/ and practices/ under the output directory, then \
        planted.json, which lists every planted violation and the declaration its finding is on. \
        With `flowgate check DIR --as-of \(EstateDates.asOf)` the planted findings are the only ones.
        """
    )

    @Option(help: "Number of flows (the estate has at most this many, and fewer by less than one practice chain of \(EstateSize.flowsPerPractice)).")
    var flows = 10_000

    @Option(help: "Random seed (the same seed and size give byte-identical output).")
    var seed: UInt64 = 1

    @Option(help: "Plant a violation in every Nth practice chain (0 plants none).")
    var violationEvery = 50

    @Option(name: .shortAndLong, help: "Output directory: new, empty, or an estate this tool wrote before (which is replaced).")
    var output: String

    func validate() throws {
        guard flows > 0 else { throw ValidationError("--flows must be positive") }
        guard violationEvery >= 0 else { throw ValidationError("--violation-every must be 0 or more") }
    }

    func run() throws {
        let size = EstateSize(flows: flows)
        let directory = EstateDirectory(path: output)
        var generator = EstateGenerator(size: size, seed: seed, plan: ViolationPlan(interval: violationEvery))
        do {
            try directory.prepare()
            try generator.generate { path, text in try directory.write(path, text) }
            let manifest = PlantedManifest(seed: seed, requestedFlows: flows, size: size, files: generator.filesWritten, ledger: generator.ledger)
            try directory.commit(manifest: try manifest.json())
        } catch {
            // Like flowgate: a clear message and exit 2; without planted.json the estate is incomplete.
            FileHandle.standardError.write(Data("flowgate-gen: error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        let planted = Violation.allCases.map { "\($0.code)=\(generator.ledger.count($0))" }.joined(separator: " ")
        print("wrote \(size.flows) flows in \(generator.filesWritten) files to \(output); planted: \(planted)")
    }
}
