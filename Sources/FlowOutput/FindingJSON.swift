import FlowAnalysis
import FlowLanguage
import FlowModel
import FlowRules

/// The JSON report of `flowgate check --format json` (schema: docs/output-formats.md).
public enum FindingJSON {
    public static let schemaVersion = 1

    public static func document(_ report: CheckReport, toolVersion: String) -> String {
        let root = JSONValue.object([
            ("tool", .string("flowgate")),
            ("toolVersion", .string(toolVersion)),
            ("schemaVersion", .number(schemaVersion)),
            ("model", .optional(report.modelName)),
            ("asOf", .string(report.asOf.description)),
            ("diagnostics", .array(report.diagnostics.map { DiagnosticJSON.value($0, sources: report.sources) })),
            ("findings", .array(report.findings.map { value($0, sources: report.sources) })),
            ("waived", .array(report.waived.map { waived in
                .object([("finding", value(waived.finding, sources: report.sources)), ("waiver", value(waived.waiver, sources: report.sources))])
            })),
            ("summary", .object([
                ("errors", .number(report.count(.error))),
                ("warnings", .number(report.count(.warning))),
                ("infos", .number(report.count(.info))),
                ("waived", .number(report.waived.count)),
                ("baselined", .number(report.baselined)),
            ])),
        ])
        return root.serialized() + "\n"
    }

    static func value(_ finding: Finding, sources: SourceMap) -> JSONValue {
        DiagnosticJSON.value(finding.diagnostic, sources: sources, extra: [
            ("slug", .string(finding.slug)),
            ("target", .string(finding.target)),
            ("fingerprint", .string(finding.fingerprint)),
            ("witness", finding.witness.map { value($0, sources: sources) } ?? .null),
        ])
    }

    static func value(_ witness: WitnessPath, sources: SourceMap) -> JSONValue {
        .object([
            ("breakingHop", .number(witness.breakingHop)),
            ("hops", .array(witness.hops.map { hop in
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
            })),
        ])
    }

    static func value(_ waiver: Waiver, sources: SourceMap) -> JSONValue {
        .object([
            ("code", .string(waiver.code)),
            ("target", .string(waiver.target.name)),
            ("justification", .optional(waiver.justification)),
            ("owner", .optional(waiver.owner)),
            ("reference", .optional(waiver.reference)),
            ("expires", .optional(waiver.expires?.description)),
            ("location", DiagnosticJSON.location(waiver.span, sources: sources)),
        ])
    }
}
