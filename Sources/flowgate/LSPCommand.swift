import ArgumentParser
import FlowLSP
import FlowModel
import Foundation

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Serve the Language Server Protocol over stdin and stdout, for editors (see docs/editors.md).",
        discussion: "Diagnostics as you type, hover, go to definition, references, completion, quick fixes, formatting, symbols and rename."
    )

    @Option(name: .customLong("as-of"), help: "The date that decides expiry and overdue reviews (YYYY-MM-DD; default today, UTC).")
    var asOf: Day?

    @Flag(help: "Accepted for editors that pass it; stdio is the only transport.")
    var stdio = false

    func run() throws {
        let server = LanguageServer(
            output: STDOUT_FILENO, libraryFolder: LibraryFolder.prepare(), asOf: asOf ?? Day.today, version: Flowgate.configuration.version
        )
        let status = server.run(input: STDIN_FILENO)
        if status != 0 { throw ExitCode(status) }
    }
}
