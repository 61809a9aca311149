import ArgumentParser
import FlowGraphviz
import FlowIO
import FlowLanguage
import FlowModel
import FlowOutput
import FlowRender
import FlowReports
import FlowRules
import FlowAnalysis
import Foundation

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Documents generated from the model: DPIA annex, Article 30 records, privacy-notice table, expiries.",
        discussion: "Exit status: 0 written, 1 (expiries only) something has already expired, 2 invalid input or usage.",
        subcommands: [DPIAReportCommand.self, RoPAReportCommand.self, NoticeReportCommand.self, ExpiriesReportCommand.self]
    )
}

/// Options every report takes: the model's paths and the date it is reported as of.
struct ReportModelOptions: ParsableArguments {
    @Argument(help: "Files or directories (default: flows/).")
    var paths: [String] = []

    @Option(name: .customLong("as-of"), help: "The date that decides expiry and overdue reviews (YYYY-MM-DD; default today, UTC).")
    var asOf: Day?

    @OptionGroup var workspace: WorkspaceOptions

    /// Each model the paths name (every workspace model when none is given), loaded and checked.
    func contexts() throws -> [ModelContext] {
        try Self.contexts(paths, asOf: asOf ?? Day.today, workspace: workspace)
    }

    /// Loads, analyses and checks each model (its workspace rule settings applied to the findings);
    /// an invalid model prints its diagnostics and exits 2.
    static func contexts(_ paths: [String], asOf: Day, workspace: WorkspaceOptions) throws -> [ModelContext] {
        try ModelTargets.resolve(paths).targets.map { target in
            let (loaded, loadedModel) = target.load(provider: workspace.provider(for: target.paths))
            guard let model = loadedModel else {
                Terminal.error(DiagnosticText.document(loaded.diagnostics, sources: loaded.sources))
                throw ExitStatus.invalid
            }
            let analysis = Analysis(model: model)
            let result = RuleEngine.run(analysis, asOf: asOf)
            let context = ReportContext(
                analysis: analysis, findings: target.rules.apply(to: result.findings).findings, waived: result.waived, asOf: asOf,
                modelName: modelName(model, workspaceModel: target.name, inputs: target.paths)
            )
            return ModelContext(target: target, context: context)
        }
    }

    /// The model's declared name, else its name in the workspace, else the name of the first input
    /// (a directory, or a file without `.flow`).
    static func modelName(_ model: SemanticModel, workspaceModel: String?, inputs: [String]) -> String {
        if let name = model.name, !name.isEmpty { return name }
        if let workspaceModel { return workspaceModel }
        let normalised = PathArithmetic.normalise(inputs.first ?? "flows")
        var last = normalised.split(separator: "/").last.map(String.init) ?? normalised
        if last == "." || last == "/" {
            last = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).lastPathComponent
        }
        if last.hasSuffix(".flow") { last.removeLast(5) }
        return last
    }
}

/// One model's report context and the workspace model it belongs to.
struct ModelContext {
    let target: ModelTarget
    let context: ReportContext
}

extension [ModelContext] {
    /// The models that know `name` (an organisation or purpose, say); all of them is an error
    /// listing every model's names when none does. Several models answer a question about, say,
    /// `nhs-england` (from the standard library) each in its own section.
    func knowing(_ kind: String, _ name: String?, names: (SemanticModel) -> some Sequence<String>) throws -> [ModelContext] {
        guard let name else { return self }
        let matching = filter { names($0.context.model).contains(name) }
        if matching.isEmpty { throw unknownName(kind, name, candidates: flatMap { names($0.context.model) }) }
        return matching
    }

    /// Several models' reports go to standard output, each under its heading; a file takes one model.
    func writeEach(to output: String?, _ document: (ReportContext) throws -> String) throws {
        try forEachModel(writingTo: output) { try writeReport(try document($0), to: output) }
    }

    /// Runs `body` for each model, with its heading above it when there are several; exits 2
    /// when several models would be written to one file.
    func forEachModel(writingTo output: String?, _ body: (ReportContext) throws -> Void) throws {
        if let output, count > 1 {
            Terminal.error("error: \(count) models (\(map { $0.target.name ?? $0.target.paths.joined(separator: " ") }.joined(separator: ", "))) would go to `\(output)`: name one model's folder")
            throw ExitStatus.invalid
        }
        for (index, entry) in enumerated() {
            if count > 1, let heading = entry.target.heading { Terminal.output((index == 0 ? "" : "\n") + heading + "\n") }
            try body(entry.context)
        }
    }
}

/// Writes a report atomically to `path`, or to standard output when there is no path.
func writeReport(_ text: String, to path: String?) throws {
    guard let path else {
        Terminal.output(text)
        return
    }
    try writeFile(text, to: path)
    Terminal.status("wrote \(path)")
}

/// Writes atomically, creating the directory it goes in; failures exit 2.
func writeFile(_ text: String, to path: String) throws {
    try writeFile(Array(text.utf8), to: path)
}

func writeFile(_ bytes: [UInt8], to path: String) throws {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    do {
        try AtomicFile.createDirectories(directory)
        try AtomicFile.write(bytes, to: path)
    } catch {
        Terminal.error("error: cannot write `\(path)`: \(FileErrorText.reason(error))")
        throw ExitStatus.invalid
    }
}

/// An unknown name: the error, with "did you mean" when a close name exists.
func unknownName(_ kind: String, _ name: String, candidates: some Sequence<String>) -> ExitCode {
    var message = "error: no \(kind) named `\(name)` in the model"
    if let help = Suggestion.help(for: name, in: candidates) { message += "\n  help: \(help)" }
    Terminal.error(message)
    return ExitStatus.invalid
}

enum DPIAFormat: String, ExpressibleByArgument, CaseIterable {
    case md, html, docx
}

struct DPIAReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dpia",
        abstract: "A DPIA annex laid out after the ICO's DPIA template: Markdown with an SVG beside it, one HTML file, or a Word document.",
        discussion: """
        -o FILE.md writes the Markdown and the diagram beside it as FILE.svg; -o FILE.html writes one \
        self-contained HTML file with the diagram inline (no network access, prints on A4); -o FILE.docx \
        writes a Word document with the diagram as a picture. Without -o the document goes to standard \
        output (--format md draws the diagram as Mermaid there; docx needs -o). --template FILE renders \
        the annex through a Mustache template instead (the data model is in docs/reports.md).
        """
    )

    @OptionGroup var model: ReportModelOptions

    @Option(help: "Only the flows made for this purpose (purpose id).")
    var purpose: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "FILE.md, FILE.html or FILE.docx.")
    var output: String?

    @Option(help: "md, html or docx (default: from the -o extension; md on standard output).")
    var format: DPIAFormat?

    @Option(help: "A Mustache template to render the annex through (its data model: docs/reports.md).")
    var template: String?

    func validate() throws {
        if template != nil {
            if format != nil { throw ValidationError("--template and --format cannot be given together: the template decides the format") }
            return
        }
        if let output, format == nil, Self.format(of: output) == nil {
            throw ValidationError("-o wants a file ending .md, .html or .docx (or give --format), got `\(output)`")
        }
        if (format ?? output.flatMap(Self.format(of:))) == .docx, output == nil {
            throw ValidationError("a Word document is written to a file: give -o FILE.docx")
        }
        // Markdown's diagram is written to FILE.svg beside it: the report must not be that file.
        if let output, (format ?? Self.format(of: output)) == .md, Self.imagePath(for: output).lowercased() == output.lowercased() {
            throw ValidationError("-o `\(output)` is where the Markdown report's diagram goes (FILE.svg beside FILE.md); name the report FILE.md")
        }
    }

    static func format(of path: String) -> DPIAFormat? {
        let lower = path.lowercased()
        if lower.hasSuffix(".md") || lower.hasSuffix(".markdown") { return .md }
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
        if lower.hasSuffix(".docx") { return .docx }
        return nil
    }

    func run() throws {
        try model.contexts().knowing("purpose", purpose) { $0.purposes.keys }.forEachModel(writingTo: output, write)
    }

    func write(_ context: ReportContext) throws {
        guard let scope = DPIAScope(context, purpose: purpose) else {
            throw unknownName("purpose", purpose ?? "", candidates: context.model.purposes.keys)
        }
        if let template {
            try writeReport(try Self.render(template: template, context: context, scope: scope), to: output)
            return
        }
        let spec: DiagramSpec
        do {
            spec = PageFit.fitted(try DPIAReport.diagram(context, scope: scope))
        } catch {
            Terminal.error("error: \(error.description)" + (error.help.map { "\n  help: \($0)" } ?? ""))
            throw ExitStatus.invalid
        }
        let chosen = format ?? output.flatMap(Self.format(of:)) ?? .md
        switch chosen {
        case .html:
            let svg = try Self.svg(spec)
            try writeReport(DPIAReport.html(context, scope: scope, svg: svg), to: output)
        case .docx:
            guard let output else { throw ExitStatus.invalid }
            let image = DOCXWriter.Image(png: try Self.draw(spec, format: .png))
            try writeFile(DPIAReport.docx(context, scope: scope, image: image), to: output)
            Terminal.status("wrote \(output)")
        case .md:
            guard let output else {
                Terminal.output(DPIAReport.markdown(context, scope: scope, imagePath: nil, mermaid: MermaidWriter.flowchart(spec)))
                return
            }
            let imagePath = Self.imagePath(for: output)
            let svg = try Self.svg(spec)
            try writeFile(svg, to: imagePath)
            Terminal.status("wrote \(imagePath)")
            let relative = URL(fileURLWithPath: imagePath).lastPathComponent
            try writeReport(DPIAReport.markdown(context, scope: scope, imagePath: relative), to: output)
        }
    }

    /// FILE.md → FILE.svg, beside it.
    static func imagePath(for markdown: String) -> String {
        var stem = markdown
        if let dot = stem.lastIndex(of: "."), !stem[dot...].contains("/") { stem = String(stem[..<dot]) }
        return stem + ".svg"
    }

    /// The diagram as SVG text, drawn in-process by Graphviz.
    static func svg(_ spec: DiagramSpec) throws -> String {
        String(decoding: try draw(spec, format: .svg), as: UTF8.self)
    }

    static func draw(_ spec: DiagramSpec, format: GraphvizFormat) throws -> [UInt8] {
        do {
            return try GraphvizRenderer.shared.render(dot: DOTWriter.dot(spec), format: format, engine: .dot)
        } catch {
            Terminal.error("error: cannot draw the diagram: \(error)")
            throw ExitStatus.invalid
        }
    }

    /// The annex through the template at `path`; an unreadable or malformed template exits 2.
    static func render(template path: String, context: ReportContext, scope: DPIAScope) throws -> String {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            Terminal.error("error: cannot read the template `\(path)`: \(FileErrorText.reason(error))")
            throw ExitStatus.invalid
        }
        do {
            return try DPIATemplate.render(text, context: context, scope: scope)
        } catch {
            Terminal.error("error: the template `\(path)` is not valid Mustache: \(error)")
            throw ExitStatus.invalid
        }
    }
}

enum RoPAFormat: String, ExpressibleByArgument, CaseIterable {
    case csv, md
}

struct RoPAReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ropa",
        abstract: "Article 30 records of processing: per controller and purpose (30(1)), per processor and controller (30(2)).",
        discussion: "CSV follows RFC 4180 (CRLF line ends, quoted fields, a header record)."
    )

    @OptionGroup var model: ReportModelOptions

    @Option(help: "csv or md.")
    var format: RoPAFormat = .csv

    @Option(help: "Only this organisation's records (organisation id).")
    var org: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "File to write (default: standard output).")
    var output: String?

    func run() throws {
        try model.contexts().knowing("organisation", org) { $0.organisations.keys }.writeEach(to: output) { context in
            let records = RoPAReport.records(context, organisation: org)
            return switch format {
            case .csv: RoPAReport.csv(records)
            case .md: RoPAReport.markdown(context, records: records)
            }
        }
    }
}

enum NoticeFormat: String, ExpressibleByArgument, CaseIterable {
    case md, json
}

struct NoticeReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice",
        abstract: "A privacy notice's \"our uses of information\" table, generated from the model.",
        discussion: """
        One table per privacy notice ORG is the controller of (one row per purpose: what data, the legal \
        basis in both layers, who it is shared with, how to opt out); without a declared notice, one table \
        of every flow ORG controls.
        """
    )

    @OptionGroup var model: ReportModelOptions

    @Option(help: "The controller (organisation id).")
    var org: String

    @Option(help: "md or json.")
    var format: NoticeFormat = .md

    @Option(name: [.customShort("o"), .customLong("output")], help: "File to write (default: standard output).")
    var output: String?

    func run() throws {
        try model.contexts().knowing("organisation", org) { $0.organisations.keys }.writeEach(to: output) { context in
            guard let tables = NoticeReport.tables(context, organisation: org) else {
                throw unknownName("organisation", org, candidates: context.model.organisations.keys)
            }
            return switch format {
            case .md: NoticeReport.markdown(context, tables: tables)
            case .json: NoticeReport.json(context, tables: tables)
            }
        }
    }
}

extension ExpiryWindow: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

enum ExpiriesFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct ExpiriesReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expiries",
        abstract: "Approvals, agreements, contracts, DPIAs and waivers that expire or fall due for review soon, soonest first.",
        discussion: "Exit status: 0 nothing has expired, 1 something has already expired, 2 invalid input or usage."
    )

    @OptionGroup var model: ReportModelOptions

    @Option(help: "How far ahead to look: Nd days, Nw weeks, Nm months or Ny years.")
    var within: ExpiryWindow = ExpiryWindow("90d")!

    @Option(help: "text or json.")
    var format: ExpiriesFormat = .text

    func run() throws {
        var expired = false
        try model.contexts().writeEach(to: nil) { context in
            let items = ExpiriesReport.items(context, until: within.end(from: context.asOf))
            expired = expired || items.contains(where: \.hasExpired)
            return switch format {
            case .text: ExpiriesReport.text(context, window: within, items: items)
            case .json: ExpiriesReport.json(context, window: within, items: items)
            }
        }
        if expired { throw ExitStatus.findings }
    }
}
