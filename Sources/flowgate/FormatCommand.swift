import ArgumentParser
import FlowIO
import FlowLanguage
import FlowModel
import FlowOutput

struct FormatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fmt",
        abstract: "Rewrite .flow files in the canonical layout (comments kept)."
    )

    @Argument(help: "Files or directories (default: flows/).")
    var paths: [String] = []

    @Flag(help: "Change nothing; list the files that would change and exit 1 if any would.")
    var check = false

    @OptionGroup var workspace: WorkspaceOptions

    func run() throws {
        let inputs = paths.isEmpty ? ["flows"] : paths
        let provider = workspace.provider(for: inputs)
        var files: [String] = []
        var problems: [Diagnostic] = []
        for path in inputs {
            if provider.isDirectory(path) {
                do { files += try provider.flowFiles(under: path) } catch {
                    problems.append(Diagnostic(.unreadableFile, "\(error)", at: nil))
                }
            } else if provider.exists(path) {
                files.append(path)
            } else {
                problems.append(Diagnostic(.unreadableFile, "no such file or directory: `\(path)`", at: nil))
            }
        }
        var sources = SourceMap()
        var changed: [String] = []
        for path in files {
            if let size = provider.size(of: path), size > ModelLoader.maximumFileSize {
                problems.append(Diagnostic(.fileTooLarge, "`\(path)` is \(size / (1024 * 1024)) MiB; flowgate reads files up to \(ModelLoader.maximumFileSize / (1024 * 1024)) MiB", at: nil))
                continue
            }
            let bytes: [UInt8]
            do { bytes = try provider.read(path) } catch {
                problems.append(Diagnostic(.unreadableFile, "cannot read `\(path)`: \(error)", at: nil))
                continue
            }
            let source = SourceFile(path: path, bytes: bytes)
            sources.add(source)
            let (syntax, diagnostics) = Parser.parse(source)
            // Warnings (FG129) are for `check` to report; only errors leave a file unformattable.
            let errors = diagnostics.filter { $0.severity == .error }
            guard errors.isEmpty else {
                problems += errors
                continue
            }
            let formatted = Formatter.format(syntax)
            guard Array(formatted.utf8) != bytes else { continue }
            if !check {
                do { try AtomicFile.write(formatted, to: path) } catch {
                    problems.append(Diagnostic(.unreadableFile, "\(error)", at: nil))
                    continue
                }
            }
            changed.append(path)
        }
        if !problems.isEmpty {
            Terminal.error(DiagnosticText.document(problems, sources: sources))
        }
        for path in changed {
            Terminal.status(check ? "would reformat \(path)" : "reformatted \(path)")
        }
        if !problems.isEmpty { throw ExitStatus.invalid }
        if check, !changed.isEmpty { throw ExitStatus.findings }
    }
}
