import ArgumentParser
import FlowIO
import Foundation

@main
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowgate-gen",
        abstract: "Generate a synthetic national-scale estate of .flow files with planted violations."
    )

    @Option(help: "Approximate number of flows.")
    var flows = 10_000

    @Option(help: "Random seed (the same seed gives byte-identical output).")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "Output directory (created; existing .flow files in it are replaced).")
    var output: String

    func run() throws {
        var generator = EstateGenerator(flows: flows, seed: seed)
        let files = generator.files()
        for (path, text) in files {
            let url = URL(fileURLWithPath: output).appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.write(text, to: url.path)
        }
        let planted = EstateGenerator.Violation.allCases.map { "    \"\($0.rawValue)\": \(generator.planted[$0, default: 0])" }.joined(separator: ",\n")
        try AtomicFile.write("{\n  \"seed\": \(seed),\n  \"requestedFlows\": \(flows),\n  \"planted\": {\n\(planted)\n  }\n}\n", to: URL(fileURLWithPath: output).appendingPathComponent("planted.json").path)
        print("wrote \(files.count) files to \(output); planted: \(EstateGenerator.Violation.allCases.map { "\($0.rawValue)=\(generator.planted[$0, default: 0])" }.joined(separator: " "))")
    }
}
