import FlowAnalysis
import FlowLanguage
import FlowModel
import FlowRules
import FlowWorkspace

/// The JSON report of `flowgate check --format json` (schema: docs/output-formats.md).
public enum FindingJSON {
    public static let schemaVersion = 2

    public static func document(_ report: CheckReport, toolVersion: String) -> String {
        JSONValue.object(header(toolVersion) + members(report)).serialized() + "\n"
    }

    /// Several workspace models: the header once, then each model's report under `models`.
    public static func document(_ reports: [CheckReport], toolVersion: String) -> String {
        if reports.count == 1 { return document(reports[0], toolVersion: toolVersion) }
        return JSONValue.object(header(toolVersion) + [("models", .array(reports.map { .object(members($0)) }))]).serialized() + "\n"
    }

    static func header(_ toolVersion: String) -> [(String, JSONValue)] {
        [("tool", .string("flowgate")), ("toolVersion", .string(toolVersion)), ("schemaVersion", .number(schemaVersion))]
    }

    /// How a located finding is tied to its entry: the same-reason group it belongs to, and the
    /// finding it follows from.
    struct Links {
        var group: String?
        var causedBy: String?
    }

    static func links(_ report: CheckReport) -> [String: Links] {
        var links: [String: Links] = [:]
        for group in report.groups {
            if group.kind == .sameReason {
                for member in group.members { links[member.fingerprint, default: Links()].group = group.fingerprint }
            }
            // The finding each consequence names as its cause: reported too, or it would not be a
            // consequence (the group's `consequences` give the whole chain's entry).
            for consequence in group.consequences {
                links[consequence.fingerprint, default: Links()].causedBy = consequence.cause?.fingerprint
            }
        }
        return links
    }

    static func value(_ group: FindingGroup) -> JSONValue {
        .object([
            ("fingerprint", .string(group.fingerprint)),
            ("kind", .string(group.kind.rawValue)),
            ("code", .string(group.lead.code)),
            ("severity", .string(group.severity.rawValue)),
            ("message", .string(group.lead.message)),
            ("members", .array(group.members.map { .string($0.fingerprint) })),
            ("consequences", .array(group.consequences.map { .string($0.fingerprint) })),
        ])
    }

    static func members(_ report: CheckReport) -> [(String, JSONValue)] {
        let links = links(report)
        var members: [(String, JSONValue)] = []
        if let workspaceModel = report.workspaceModel { members.append(("workspaceModel", .string(workspaceModel))) }
        members += [
            ("model", .optional(report.modelName)),
            ("asOf", .string(report.asOf.description)),
            ("diagnostics", .array(report.diagnostics.map { DiagnosticJSON.value($0, sources: report.sources) })),
            ("findings", .array(report.findings.map { value($0, sources: report.sources, links: links[$0.fingerprint]) })),
            ("groups", .array(report.groups.map(value))),
            ("waived", .array(report.waived.map { waived in
                .object([("finding", value(waived.finding, sources: report.sources)), ("waiver", value(waived.waiver, sources: report.sources))])
            })),
            ("summary", .object([
                ("errors", .number(report.count(.error))),
                ("warnings", .number(report.count(.warning))),
                ("infos", .number(report.count(.info))),
                ("findings", .number(report.findings.count)),
                ("waived", .number(report.waived.count)),
                ("baselined", .number(report.baselined)),
            ])),
        ]
        if !report.ruleSettings.isEmpty {
            members.append(("ruleSettings", .array(report.ruleSettings.map(value))))
        }
        return members
    }

    static func value(_ applied: AppliedRuleSetting) -> JSONValue {
        let setting = applied.setting
        var members: [(String, JSONValue)] = [("code", .string(setting.code))]
        switch setting.action {
        case .disable:
            members += [("disabled", .bool(true)), ("findingsNotShown", .number(applied.suppressed))]
        case .severity(let severity):
            members.append(("severity", .string(severity.rawValue)))
        }
        members += [
            ("reason", .optional(setting.reason)),
            ("file", .string(setting.location.file)),
            ("line", .number(setting.location.line)),
        ]
        return .object(members)
    }

    static func value(_ finding: Finding, sources: SourceMap, links: Links? = nil) -> JSONValue {
        DiagnosticJSON.value(finding.diagnostic, sources: sources, extra: [
            ("slug", .string(finding.slug)),
            ("target", .string(finding.target)),
            ("fingerprint", .string(finding.fingerprint)),
            ("group", .optional(links?.group)),
            ("causedBy", .optional(links?.causedBy)),
            ("witness", finding.witness.map { value($0, sources: sources) } ?? .null),
        ])
    }

    static func value(_ witness: WitnessPath, sources: SourceMap) -> JSONValue {
        .object([
            ("breakingHop", .number(witness.breakingHop)),
            ("hops", .array(witness.hops.map { value($0, sources: sources) })),
            ("branches", .array(witness.branches.map { branch in
                .object([("joinsAt", .number(branch.joinsAt)), ("hops", .array(branch.hops.map { value($0, sources: sources) }))])
            })),
        ])
    }

    static func value(_ hop: WitnessHop, sources: SourceMap) -> JSONValue {
        .object([
            ("kind", .string(hop.kind.rawValue)),
            ("id", .string(hop.id)),
            ("from", .string(hop.from)),
            ("to", .string(hop.to)),
            ("dataset", .string(hop.dataset)),
            ("level", .string(hop.level.rawValue)),
            ("bases", .string(hop.bases)),
            ("optOutsApplied", .array(hop.filters.map(JSONValue.string))),
            ("location", DiagnosticJSON.location(hop.span, sources: sources)),
        ])
    }

    static func value(_ waiver: Waiver, sources: SourceMap) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("code", .string(waiver.code)),
            ("target", .string(waiver.target.name)),
            ("justification", .optional(waiver.justification)),
            ("owner", .optional(waiver.owner)),
            ("reference", .optional(waiver.reference)),
            ("expires", .optional(waiver.expires?.description)),
        ]
        // Only a waiver that names its one finding has it (older reports keep their shape).
        if let finding = waiver.finding { members.append(("finding", .string(finding))) }
        members.append(("location", DiagnosticJSON.location(waiver.span, sources: sources)))
        return .object(members)
    }
}
