import ArgumentParser
import FlowGraphviz
import FlowIO
import FlowLanguage
import FlowModel
import FlowOutput
import FlowRender
import FlowReports
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

    var inputs: [String] { paths.isEmpty ? ["flows"] : paths }

    func context() throws -> ReportContext {
        try Self.context(inputs: inputs, asOf: asOf ?? Day.today, provider: workspace.provider(for: inputs))
    }

    /// Loads and analyses the model; invalid input prints its diagnostics and exits 2.
    static func context(inputs: [String], asOf: Day, provider: FileSystemSourceProvider) throws -> ReportContext {
        let loaded = ModelLoader.load(paths: inputs, provider: provider)
        guard let model = loaded.model else {
            Terminal.error(DiagnosticText.document(loaded.diagnostics, sources: loaded.sources))
            throw ExitStatus.invalid
        }
        return ReportContext(model: model, asOf: asOf, modelName: modelName(model, inputs: inputs))
    }

    /// The model's declared name, else the name of the first input (a directory, or a file without `.flow`).
    static func modelName(_ model: SemanticModel, inputs: [String]) -> String {
        if let name = model.name, !name.isEmpty { return name }
        let normalised = PathArithmetic.normalise(inputs.first ?? "flows")
        var last = normalised.split(separator: "/").last.map(String.init) ?? normalised
        if last == "." || last == "/" {
            last = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).lastPathComponent
        }
        if last.hasSuffix(".flow") { last.removeLast(5) }
        return last
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
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    do {
        try AtomicFile.createDirectories(directory)
        try AtomicFile.write(text, to: path)
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
    case md, html
}

struct DPIAReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dpia",
        abstract: "A DPIA annex describing the processing (ICO template step 2): Markdown with an SVG beside it, or one HTML file.",
        discussion: """
        -o FILE.md writes the Markdown and the diagram beside it as FILE.svg; -o FILE.html writes one \
        self-contained HTML file with the diagram inline (no network access, prints on A4). Without -o \
        the document goes to standard output (--format md draws the diagram as Mermaid there).
        """
    )

    @OptionGroup var model: ReportModelOptions

    @Option(help: "Only the flows made for this purpose (purpose id).")
    var purpose: String?

    @Option(name: [.customShort("o"), .customLong("output")], help: "FILE.md or FILE.html.")
    var output: String?

    @Option(help: "md or html (default: from the -o extension; md on standard output).")
    var format: DPIAFormat?

    func validate() throws {
        if let output, format == nil, Self.format(of: output) == nil {
            throw ValidationError("-o wants a file ending .md or .html (or give --format), got `\(output)`")
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
        return nil
    }

    func run() throws {
        let context = try model.context()
        guard let scope = DPIAScope(context, purpose: purpose) else {
            throw unknownName("purpose", purpose ?? "", candidates: context.model.purposes.keys)
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
        do {
            let bytes = try GraphvizRenderer.shared.render(dot: DOTWriter.dot(spec), format: .svg, engine: .dot)
            return String(decoding: bytes, as: UTF8.self)
        } catch {
            Terminal.error("error: cannot draw the diagram: \(error)")
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
        let context = try model.context()
        if let org, context.model.organisations[org] == nil {
            throw unknownName("organisation", org, candidates: context.model.organisations.keys)
        }
        let records = RoPAReport.records(context, organisation: org)
        switch format {
        case .csv: try writeReport(RoPAReport.csv(records), to: output)
        case .md: try writeReport(RoPAReport.markdown(context, records: records), to: output)
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
        let context = try model.context()
        guard let tables = NoticeReport.tables(context, organisation: org) else {
            throw unknownName("organisation", org, candidates: context.model.organisations.keys)
        }
        switch format {
        case .md: try writeReport(NoticeReport.markdown(context, tables: tables), to: output)
        case .json: try writeReport(NoticeReport.json(context, tables: tables), to: output)
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
        let context = try model.context()
        let items = ExpiriesReport.items(context, until: within.end(from: context.asOf))
        switch format {
        case .text: Terminal.output(ExpiriesReport.text(context, window: within, items: items))
        case .json: Terminal.output(ExpiriesReport.json(context, window: within, items: items))
        }
        if items.contains(where: \.hasExpired) { throw ExitStatus.findings }
    }
}
