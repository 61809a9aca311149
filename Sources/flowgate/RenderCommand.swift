import ArgumentParser
import FlowAnalysis
import FlowGraphviz
import FlowIO
import FlowLanguage
import FlowModel
import FlowOutput
import FlowRender
import FlowRules
import FlowWorkspace
import Foundation

enum DiagramFormat: String, ExpressibleByArgument, CaseIterable {
    case svg, png, pdf, dot, mermaid

    /// File extension: Mermaid is written as Markdown so that GitHub draws it.
    var fileExtension: String { self == .mermaid ? "md" : rawValue }

    var isBinary: Bool { self == .png || self == .pdf }
}

extension LabelDensity: ExpressibleByArgument {}

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw the model's data flows for a DPIA (SVG, PNG, PDF, DOT or Mermaid).",
        discussion: """
        Without a view option, `-o DIR` receives overview.EXT, partners-<org>.EXT for each organisation \
        with many partners that exchange data with it alone (the overview draws those as one box), and \
        purpose-<id>.EXT for every purpose that has a flow (diagrams no longer drawn are removed). With --purpose, \
        --dataset or --org, one file: purpose-<id>.EXT, dataset-<id>.EXT or org-<id>.EXT. A view whose \
        smallest text would print below 6 pt on an A4 portrait page is drawn over several pages, split by \
        stage of the chain: <name>.1-of-N.EXT, <name>.2-of-N.EXT… PNG is drawn at 300 dpi. Without -o \
        the single diagram (overview or the chosen view) goes to standard output, on one page.

        Output is deterministic: the same model gives the same bytes. Findings are drawn as of --as-of, \
        else the workspace's `as-of` date (flowgate.toml), else today; the title shows the date when it \
        is given or pinned, so diagrams committed to git do not change from one day to the next.

        In a workspace (flowgate.toml) each model is drawn on its own: into -o DIR (DIR/<model> when \
        several models are drawn), else into the model's `diagrams` folder (a single view without -o \
        goes to standard output).
        """
    )

    @Argument(help: "Files or directories (default: flows/).")
    var paths: [String] = []

    @Option(name: [.customShort("o"), .customLong("output")], help: "Directory to write the diagrams to.")
    var output: String?

    @Option(help: "svg, png, pdf, dot or mermaid (Markdown with a mermaid block).")
    var format: DiagramFormat = .svg

    @Option(help: "Only the flows made for this purpose (purpose id).")
    var purpose: String?

    @Option(help: "One dataset's lineage (dataset id).")
    var dataset: String?

    @Option(help: "One organisation's neighbourhood (organisation id).")
    var org: String?

    @Option(help: "With --org: how many flows away from the organisation to go.")
    var depth: Int?

    @Option(name: .customLong("as-of"), help: "Date (YYYY-MM-DD) the diagram is drawn as of; shown in the title. Omitted: no date is drawn.")
    var asOf: String?

    @Option(help: "Edge label detail: automatic, full, compact or summary.")
    var labels: LabelDensity = .automatic

    @Flag(help: "Write nothing; exit 1 listing every diagram in the output directory that is stale or missing.")
    var check = false

    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        let views = [purpose, dataset, org].compactMap { $0 }
        if views.count > 1 { throw ValidationError("choose one of --purpose, --dataset and --org") }
        if depth != nil, org == nil { throw ValidationError("--depth goes with --org") }
        if let depth, depth < 1 { throw ValidationError("--depth must be 1 or more") }
        if let asOf, Day(iso: asOf) == nil { throw ValidationError("--as-of wants a date written YYYY-MM-DD, got `\(asOf)`") }
    }

    /// In a workspace (`flowgate.toml`) each model is drawn on its own, as of the workspace's
    /// `as-of` date unless --as-of is given: into `-o DIR` (`DIR/<model>` when there are several),
    /// else into the model's `diagrams` folder.
    func run() throws {
        let resolved = try ModelTargets.resolve(paths)
        let given = asOf.flatMap(Day.init(iso:))
        let several = resolved.targets.count > 1
        var status: ExitCode?
        for target in resolved.targets {
            // One view (--purpose, --dataset, --org) without -o goes to standard output, as outside
            // a workspace; the model's `diagrams` folder takes its whole set of diagrams.
            let singleView = purpose != nil || dataset != nil || org != nil
            let directory: String? =
                if let output { several && target.name != nil ? Self.join(output, target.name!) : output }
                else if singleView && !check { nil }
                else { target.diagrams }
            if directory == nil, check || several {
                Terminal.error(check
                    ? "error: --check needs the directory to compare with: -o DIR (or a `diagrams` folder for the model in flowgate.toml)"
                    : "error: several models to draw: give -o DIR (each model goes to DIR/<model>) or name one model")
                throw ExitStatus.invalid
            }
            if let heading = target.heading, directory != nil { Terminal.status(heading) }
            do {
                // The pinned date is the workspace's models'; paths outside them are drawn as before.
                try render(target, into: directory, asOf: given ?? (target.name == nil ? nil : resolved.workspace?.asOf))
            } catch let exit as ExitCode where exit == ExitStatus.findings {
                status = exit
            }
        }
        if let status { throw status }
    }

    func render(_ target: ModelTarget, into output: String?, asOf date: Day?) throws {
        let (result, loadedModel) = target.load(provider: workspace.provider(for: target.paths))
        guard let model = loadedModel else {
            Terminal.error(DiagnosticText.document(result.diagnostics, sources: result.sources))
            throw ExitStatus.invalid
        }
        let options = DiagramOptions(modelName: ReportModelOptions.modelName(model, workspaceModel: target.name, inputs: target.paths), asOf: date, labels: labels)
        let overlay = Self.overlay(for: model, asOf: options.asOf, rules: target.rules)
        let singleView: DiagramView? =
            if let purpose { .purpose(purpose) }
            else if let dataset { .dataset(dataset) }
            else if let org { .organisation(org, depth: depth ?? 1) }
            else { nil }

        guard let output else {
            // One file to standard output: the view on one page, however small it prints.
            let bytes = try render(PageFit.fitted(try spec(model, view: singleView ?? .overview, overlay: overlay, options: options)))
            if format.isBinary, isatty(STDOUT_FILENO) != 0 {
                Terminal.error("error: \(format.rawValue) output is binary; write it to a directory with -o DIR or redirect it")
                throw ExitStatus.invalid
            }
            FileHandle.standardOutput.write(Data(bytes))
            return
        }

        let views = singleView.map { [$0] } ?? DiagramBuilder.directoryViews(of: model)
        var expected: [(path: String, bytes: [UInt8])] = []
        for view in views {
            // A view too large for an A4 portrait page is drawn over several (`PageSplit`).
            for page in PageSplit.pages(try spec(model, view: view, overlay: overlay, options: options)) {
                let name = DiagramID.fileStem(for: view, part: page.part) + "." + format.fileExtension
                expected.append((Self.join(output, name), try render(page)))
            }
        }
        // Diagrams of this format that belong to the views drawn but are no longer generated (a purpose
        // without flows, a view now split into parts or no longer split) are obsolete.
        let stem = singleView.map { DiagramID.fileStem(for: $0) }
        let obsolete = Self.obsoleteFiles(in: output, keeping: Set(expected.map(\.path)), format: format) { name in
            if let stem { return name == stem || name.hasPrefix(stem + ".") }
            return name.hasPrefix("purpose-") || name.hasPrefix("partners-") || name == "overview" || name.hasPrefix("overview.")
        }

        if check {
            var problems: [String] = []
            for file in expected {
                guard let existing = FileManager.default.contents(atPath: file.path) else {
                    problems.append("missing: \(file.path)")
                    continue
                }
                if Array(existing) != file.bytes { problems.append("stale: \(file.path)") }
            }
            problems += obsolete.map { "obsolete: \($0) (no longer drawn)" }
            problems += AtomicFile.strays(in: output).map { "stray: \($0) (a temporary file left by an interrupted run)" }
            for problem in problems { Terminal.status(problem) }
            if !problems.isEmpty {
                let command = self.output == nil ? target.paths.joined(separator: " ") : "\(target.paths.joined(separator: " ")) -o \(output)"
                Terminal.error("\(problems.count) diagram\(problems.count == 1 ? "" : "s") out of date: run flowgate render \(command)")
                throw ExitStatus.findings
            }
            return
        }

        do {
            try AtomicFile.createDirectories(output)
        } catch {
            Terminal.error("error: cannot create directory `\(output)`: \(FileErrorText.reason(error))")
            throw ExitStatus.invalid
        }
        for stray in AtomicFile.removeStrays(in: output) { Terminal.status("removed \(stray) (left by an interrupted run)") }
        for file in expected {
            if let existing = FileManager.default.contents(atPath: file.path), Array(existing) == file.bytes { continue }
            do {
                try AtomicFile.write(file.bytes, to: file.path)
            } catch {
                Terminal.error("error: \(error)")
                throw ExitStatus.invalid
            }
            Terminal.status("wrote \(file.path)")
        }
        for path in obsolete {
            if unlink(path) == 0 { Terminal.status("removed \(path)") }
        }
    }

    /// One view's spec. Errors in the view (unknown names) exit 2.
    func spec(_ model: SemanticModel, view: DiagramView, overlay: DiagramOverlay, options: DiagramOptions) throws -> DiagramSpec {
        do {
            return try DiagramBuilder.build(model, view: view, overlay: overlay, options: options)
        } catch {
            Terminal.error("error: \(error.description)" + (error.help.map { "\n  help: \($0)" } ?? ""))
            throw ExitStatus.invalid
        }
    }

    /// One page in the chosen format (PNG at `DOTWriter.bitmapDPI`). Errors from Graphviz exit 2.
    func render(_ spec: DiagramSpec) throws -> [UInt8] {
        let graphviz: GraphvizFormat
        switch format {
        case .dot: return Array(DOTWriter.dot(spec).utf8)
        case .mermaid: return Array(MermaidWriter.markdown(spec).utf8)
        case .svg: graphviz = .svg
        case .png: graphviz = .png
        case .pdf: graphviz = .pdf
        }
        do {
            let dot = DOTWriter.dot(spec, dpi: format == .png ? DOTWriter.bitmapDPI : nil)
            return try GraphvizRenderer.shared.render(dot: dot, format: graphviz, engine: .dot)
        } catch {
            Terminal.error("error: cannot draw the \(spec.view) diagram: \(error)")
            throw ExitStatus.invalid
        }
    }

    /// What the analysis engine adds to a diagram: the level in each recipient's hands, the opt-outs
    /// the data already carries when it is sent, and the findings (as of the given date, else today:
    /// a diagram should show an approval or waiver that has lapsed).
    static func overlay(for model: SemanticModel, asOf: Day?, rules: RuleSettings = RuleSettings()) -> DiagramOverlay {
        let analysis = Analysis(model: model)
        var overlay = DiagramOverlay()
        for (index, flow) in model.flows.enumerated() {
            overlay.effectiveLevels[flow.id] = analysis.identifiability.recipientLevels[index]
            let carried = analysis.optOuts.filtersAt[Holding(flow.from.name, flow.dataset.name)] ?? []
            if !carried.isEmpty { overlay.arrivingOptOuts[flow.id] = carried.sorted() }
        }
        let result = rules.apply(to: RuleEngine.run(analysis, asOf: asOf ?? Day.today).findings)
        // The rules' summaries are the plain words of the diagram's key of findings.
        let summaries = Dictionary(RuleCatalog.all.map { ($0.code, $0.summary) }, uniquingKeysWith: { first, _ in first })
        overlay.findings = result.findings.map { finding in
            DiagramFinding(
                code: finding.code, severity: finding.severity, target: finding.target, message: finding.message,
                summary: summaries[finding.code]
            )
        }
        return overlay
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// Files of `format` in `directory` whose stem (the name less the extension) `isDrawn` claims
    /// and that are not in `keeping`.
    static func obsoleteFiles(in directory: String, keeping: Set<String>, format: DiagramFormat, isDrawn: (String) -> Bool) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        let suffix = "." + format.fileExtension
        return names.filter { $0.hasSuffix(suffix) && isDrawn(String($0.dropLast(suffix.count))) }
            .map { join(directory, $0) }
            .filter { !keeping.contains($0) }
            .sorted()
    }
}
