import ArgumentParser
import FlowIO
import FlowLanguage
import FlowModel
import FlowOutput

enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse and resolve .flow files and report every problem."
    )

    @Argument(help: "Files or directories (default: flows/).")
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let result = ModelLoader.load(paths: paths.isEmpty ? ["flows"] : paths, provider: FileSystemSourceProvider())
        switch format {
        case .text: Terminal.output(DiagnosticText.document(result.diagnostics, sources: result.sources))
        case .json: Terminal.output(DiagnosticJSON.document(result.diagnostics, sources: result.sources))
        }
        if result.model == nil { throw ExitStatus.invalid }
    }
}
