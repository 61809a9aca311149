import ArgumentParser
import FlowModel
import FlowReports
import Foundation

enum TraceFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, dot
}

struct TraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "The lineage of a dataset or an organisation's data: every hop with its level, bases and opt-outs.",
        discussion: """
        Hops are listed origin first. A hop is a flow between organisations or a lineage step (pseudonymise, \
        link, aggregate, anonymise, filter, re-identify) at one; for each: the level in the receiving \
        holder's hands, the legal bases, and the opt-outs applied and carried. Without --upstream or \
        --downstream both directions are traced.
        """
    )

    @Argument(help: "A dataset or organisation id.")
    var subject: String

    @Argument(help: "Files or directories (default: flows/).")
    var paths: [String] = []

    @Flag(help: "Only where the data comes from.")
    var upstream = false

    @Flag(help: "Only where the data goes.")
    var downstream = false

    @Option(help: "text, json or dot.")
    var format: TraceFormat = .text

    @OptionGroup var workspace: WorkspaceOptions

    func validate() throws {
        if upstream, downstream { throw ValidationError("choose one of --upstream and --downstream (neither traces both ways)") }
    }

    func run() throws {
        // The lineage does not depend on the date; the date only feeds the rules the context also runs.
        // In a workspace, each model that has the subject is traced on its own, under its heading.
        let models = try ReportModelOptions.contexts(paths, asOf: Day.today, workspace: workspace)
            .knowing("dataset or organisation", subject) { Array($0.datasets.keys) + Array($0.organisations.keys) }
        let direction: TraceDirection = upstream ? .upstream : downstream ? .downstream : .both
        try models.writeEach(to: nil) { context in
            guard let trace = TraceReport.trace(context, subject: subject, direction: direction) else {
                let names = Array(context.model.datasets.keys) + Array(context.model.organisations.keys)
                throw unknownName("dataset or organisation", subject, candidates: names)
            }
            return switch format {
            case .text: TraceReport.text(trace, context: context)
            case .json: TraceReport.json(trace, context: context)
            case .dot: TraceReport.dot(trace, context: context)
            }
        }
    }
}
