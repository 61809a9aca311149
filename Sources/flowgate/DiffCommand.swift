import ArgumentParser
import FlowDiff
import FlowGraphviz
import FlowIO
import FlowLanguage
import FlowModel
import FlowOutput
import FlowRules
import Foundation

enum DiffFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, markdown
}

struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare the model at a git revision with the working tree.",
        discussion: """
        Reads every .flow file under PATH at REV (git ls-tree and git cat-file; includes outside PATH \
        are read from REV too) and under PATH in the working tree, and reports flows added, removed and \
        changed (by flow id, with the attributes that differ), flows that newly carry identifiable or \
        special-category data, organisations that newly receive data, and findings that are new or \
        resolved (by fingerprint). Both sides are checked as of the same date.

        Exit status: 0 compared (whatever changed), 1 with --fail-on when a new finding is at or above \
        that severity, 2 invalid input or usage (unknown revision, not a git repository, an invalid model \
        on either side).
        """
    )

    @Argument(help: "The git revision to compare with (a commit, branch or tag).")
    var revision: String

    @Argument(help: "Files or directories (default: flows/).")
    var paths: [String] = []

    @Option(help: "Output format: text, json or markdown (for a pull-request comment).")
    var format: DiffFormat = .text

    @Option(help: "Also draw the change to this file (.svg, .png, .pdf or .dot): added and removed flows marked.")
    var diagram: String?

    @Option(name: .customLong("as-of"), help: "The date both sides are checked as of (YYYY-MM-DD; default today, UTC).")
    var asOf: Day?

    @Option(name: .customLong("fail-on"), help: "Exit 1 when a new finding is at or above this severity: error, warning or info.")
    var failOn: Severity?

    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        if revision.isEmpty || revision.hasPrefix("-") { throw ValidationError("REV must be a git revision, got `\(revision)`") }
        if let diagram, Self.diagramFormat(diagram) == nil {
            throw ValidationError("--diagram wants a file ending in .svg, .png, .pdf or .dot, got `\(diagram)`")
        }
    }

    func run() throws {
        let date = asOf ?? Day.today
        let inputs = paths.isEmpty ? ["flows"] : paths

        let oldProvider: GitRevisionSourceProvider
        do {
            oldProvider = try GitRevisionSourceProvider(revision: revision, paths: inputs)
        } catch {
            Terminal.error("error: cannot read revision `\(revision)`: \(error)")
            throw ExitStatus.invalid
        }
        let oldModel: SemanticModel
        if oldProvider.allFiles.isEmpty {
            oldModel = SemanticModel()  // the paths did not exist (or held no .flow files) at REV
        } else {
            let loaded = ModelLoader.load(paths: inputs, provider: oldProvider)
            guard let model = loaded.model else {
                Terminal.error(DiagnosticText.document(loaded.diagnostics, sources: loaded.sources))
                Terminal.error("error: the model at `\(revision)` is invalid, so it cannot be compared")
                throw ExitStatus.invalid
            }
            oldModel = model
        }

        let loaded = ModelLoader.load(paths: inputs, provider: workspace.provider(for: inputs))
        guard let newModel = loaded.model else {
            Terminal.error(DiagnosticText.document(loaded.diagnostics, sources: loaded.sources))
            Terminal.error("error: the model in the working tree is invalid, so it cannot be compared")
            throw ExitStatus.invalid
        }

        let diff = ModelDiff.compare(
            DiffSide(label: revision, model: oldModel, asOf: date),
            DiffSide(label: "working tree", model: newModel, asOf: date)
        )

        if let diagram { try write(diff, to: diagram) }

        switch format {
        case .text: Terminal.output(DiffText.document(diff))
        case .json: Terminal.output(DiffJSON.document(diff, paths: inputs, toolVersion: Flowgate.configuration.version))
        case .markdown: Terminal.output(DiffMarkdown.document(diff))
        }
        if let failOn, diff.newFindings.contains(where: { $0.severity >= failOn }) { throw ExitStatus.findings }
    }

    /// Draws the change with Graphviz (or writes the DOT itself), atomically.
    func write(_ diff: ModelDiff, to path: String) throws {
        let dot = DiffDiagram.dot(diff)
        let bytes: [UInt8]
        switch Self.diagramFormat(path) {
        case .graphviz(let format):
            do {
                bytes = try GraphvizRenderer.shared.render(dot: dot, format: format, engine: .dot)
            } catch {
                Terminal.error("error: cannot draw the diff diagram: \(error)")
                throw ExitStatus.invalid
            }
        case .dot, nil:
            bytes = Array(dot.utf8)
        }
        do {
            try AtomicFile.write(bytes, to: path)
        } catch {
            Terminal.error("error: \(error)")
            throw ExitStatus.invalid
        }
    }

    enum DiagramFile {
        case graphviz(GraphvizFormat)
        case dot
    }

    /// What to write for a file name, by its extension; nil when flowgate cannot write it.
    static func diagramFormat(_ path: String) -> DiagramFile? {
        switch (path as NSString).pathExtension.lowercased() {
        case "svg": .graphviz(.svg)
        case "png": .graphviz(.png)
        case "pdf": .graphviz(.pdf)
        case "dot", "gv": .dot
        default: nil
        }
    }
}
