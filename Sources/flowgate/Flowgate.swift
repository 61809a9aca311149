import ArgumentParser
import FlowLanguage
import Foundation

@main
struct Flowgate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flowgate",
        abstract: "Check, format and draw health and care data flows (.flow files).",
        version: "0.1.0",
        subcommands: [CheckCommand.self, FormatCommand.self, ExplainCommand.self, RenderCommand.self, ReportCommand.self, TraceCommand.self, DiffCommand.self, LSPCommand.self]
    )

    /// Exit codes: 0 clean, 1 findings (or files that `fmt --check` would change), 2 invalid input
    /// or usage. ArgumentParser's own usage errors (64) are mapped to 2.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            Terminal.error(fullMessage(for: error))
            Foundation.exit(ExitStatus.invalid.rawValue)
        }
    }
}

enum ExitStatus {
    static let clean = ExitCode(0)
    static let findings = ExitCode(1)
    static let invalid = ExitCode(2)
}

enum Terminal {
    /// Error messages quote paths and names from the command line and the model: escaped.
    static func error(_ message: String) {
        let shown = TerminalText.escaped(message, keepingLineBreaks: true)
        FileHandle.standardError.write(Data((shown.hasSuffix("\n") ? shown : shown + "\n").utf8))
    }

    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// One status line naming a file ("wrote …"): file names come from the file system, escaped.
    static func status(_ line: String) {
        output(TerminalText.escaped(line) + "\n")
    }
}
