import ArgumentParser
import FlowDiff
import FlowGraphviz
import FlowIO
import FlowLanguage
import FlowModel
import FlowOutput
import FlowRules
import FlowAnalysis
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
        let targets = try ModelTargets.resolve(paths).targets
        if diagram != nil, targets.count > 1 {
            Terminal.error("error: --diagram draws one model's change; name one model's folder (\(targets.compactMap(\.name).joined(separator: ", ")))")
            throw ExitStatus.invalid
        }
        var diffs: [(target: ModelTarget, diff: ModelDiff)] = []
        for target in targets {
            diffs.append((target, try compare(target, asOf: date)))
        }
        if let diagram, let only = diffs.first { try write(only.diff, to: diagram) }

        switch format {
        case .text, .markdown:
            let sections = diffs.map { entry in
                let document = format == .text ? DiffText.document(entry.diff) : DiffMarkdown.document(entry.diff)
                guard targets.count > 1, let heading = entry.target.heading else { return document }
                return (format == .text ? heading : "## \(entry.target.name ?? "")") + "\n\n" + document
            }
            Terminal.output(sections.joined(separator: "\n"))
        case .json:
            let version = Flowgate.configuration.version
            if diffs.count == 1 {
                Terminal.output(DiffJSON.document(diffs[0].diff, paths: diffs[0].target.paths, toolVersion: version))
            } else {
                let models = diffs.map { entry in
                    JSONValue.object([
                        ("workspaceModel", .optional(entry.target.name)),
                        ("diff", DiffJSON.value(entry.diff, paths: entry.target.paths, toolVersion: version)),
                    ])
                }
                Terminal.output(JSONValue.object([("models", .array(models))]).serialized() + "\n")
            }
        }
        if let failOn, diffs.contains(where: { $0.diff.newFindings.contains { $0.severity >= failOn } }) { throw ExitStatus.findings }
    }

    /// One model at REV against the working tree, both with the workspace's rule settings.
    func compare(_ target: ModelTarget, asOf date: Day) throws -> ModelDiff {
        let inputs = target.paths
        let oldProvider: GitRevisionSourceProvider
        do {
            oldProvider = try GitRevisionSourceProvider(revision: revision, paths: inputs)
        } catch {
            Terminal.error("error: cannot read revision `\(revision)`: \(error)")
            throw ExitStatus.invalid
        }
        var oldModel: SemanticModel
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
            oldModel.settings = target.settings.applied(to: model.settings)
        }

        let (loaded, loadedModel) = target.load(provider: workspace.provider(for: target.paths))
        guard let newModel = loadedModel else {
            Terminal.error(DiagnosticText.document(loaded.diagnostics, sources: loaded.sources))
            Terminal.error("error: the model in the working tree is invalid, so it cannot be compared")
            throw ExitStatus.invalid
        }
        func side(_ label: String, _ model: SemanticModel) -> DiffSide {
            let analysis = Analysis(model: model)
            return DiffSide(label: label, analysis: analysis, findings: target.rules.apply(to: RuleEngine.run(analysis, asOf: date).findings).findings)
        }
        return ModelDiff.compare(side(revision, oldModel), side("working tree", newModel))
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
