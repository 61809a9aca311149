import ArgumentParser
import FlowAnalysis
import FlowIO
import FlowLanguage
import FlowModel
import FlowOutput
import FlowRules
import FlowWorkspace
import Foundation

enum CheckFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif, github
}

extension Severity: ExpressibleByArgument {}

extension Day: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso: argument) }

    /// Today in UTC.
    static var today: Day {
        let components = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "UTC")!, from: Date())
        return Day(year: components.year!, month: components.month!, day: components.day!)!
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check .flow files: language, names, and the governance rules FG001–FG039.",
        discussion: "Exit status: 0 no findings at or above --fail-on, 1 findings, 2 invalid input or usage."
    )

    @Argument(help: "Files or directories (default: flows/).")
    var paths: [String] = []

    @Option(help: "Output format: text, json, sarif or github (workflow annotations).")
    var format: CheckFormat = .text

    @Option(name: .customLong("as-of"), help: "The date that decides expiry and overdue reviews (YYYY-MM-DD; default today, UTC).")
    var asOf: Day?

    @Option(name: .customLong("fail-on"), help: "Lowest severity that makes the exit status 1: error, warning or info.")
    var failOn: Severity = .error

    @Option(help: "Report only findings whose fingerprints are not in this baseline file.")
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: "Write every current finding's fingerprint to this file.")
    var writeBaseline: String?

    @OptionGroup var workspace: WorkspaceOptions

    @Flag(help: "The paths are changed files (the pre-commit hook passes them): check the models that hold them.")
    var changed = false

    func run() throws {
        let date = asOf ?? Day.today
        let resolved = try ModelTargets.resolve(paths, changedFiles: changed)
        let known = try baseline.map(Self.readBaseline)
        var reports: [CheckReport] = []
        var everyFinding: [Finding] = []
        var anyInvalid = false
        for target in resolved.targets {
            let (loaded, model) = target.load(provider: workspace.provider(for: target.paths))
            ProcessLifetime.keep(loaded)
            var findings: [Finding] = []
            var waived: [WaivedFinding] = []
            var settings: [AppliedRuleSetting] = []
            if let model {
                let check = ModelCheck(model, rules: target.rules, asOf: date)
                ProcessLifetime.keep(check.analysis)
                findings = check.findings
                settings = check.settings
                waived = check.waived
            } else {
                anyInvalid = true
            }
            everyFinding += findings
            var baselined = 0
            if let known {
                let before = findings.count
                findings.removeAll { known.fingerprints.contains($0.fingerprint) }
                baselined = before - findings.count
            }
            reports.append(CheckReport(
                diagnostics: loaded.diagnostics, findings: findings, waived: waived, baselined: baselined,
                sources: loaded.sources, asOf: date, modelName: model?.name, workspaceModel: target.name, ruleSettings: settings
            ))
        }
        if let writeBaseline, !anyInvalid {
            do { try AtomicFile.write(Baseline.document(for: everyFinding), to: writeBaseline) } catch {
                Terminal.error("error: \(error)")
                throw ExitStatus.invalid
            }
        }
        switch format {
        case .text:
            let sections = zip(reports, resolved.targets).map { report, target in
                (target.heading.map { $0 + "\n" } ?? "") + FindingText.document(report)
            }
            Terminal.output(sections.joined(separator: "\n"))
        case .json: Terminal.output(FindingJSON.document(reports, toolVersion: Flowgate.configuration.version))
        case .sarif: Terminal.output(SARIFReport.document(reports, rules: RuleCatalog.all, toolVersion: Flowgate.configuration.version))
        case .github: Terminal.output(reports.map(GitHubAnnotations.document).joined())
        }
        if anyInvalid { throw ExitStatus.invalid }
        if reports.contains(where: { $0.findings.contains { $0.severity >= failOn } }) { throw ExitStatus.findings }
    }

    static func readBaseline(_ path: String) throws -> Baseline {
        do {
            return try Baseline.parse(try FileSystemSourceProvider().read(path))
        } catch {
            Terminal.error("error: cannot use baseline `\(path)`: \(error)")
            throw ExitStatus.invalid
        }
    }
}
