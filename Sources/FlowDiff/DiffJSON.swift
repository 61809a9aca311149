import FlowModel
import FlowOutput

/// The diff as JSON (keys in a fixed order, so output is byte-for-byte stable).
public enum DiffJSON {
    public static let schemaVersion = 1

    public static func document(_ diff: ModelDiff, paths: [String], toolVersion: String) -> String {
        value(diff, paths: paths, toolVersion: toolVersion).serialized() + "\n"
    }

    public static func value(_ diff: ModelDiff, paths: [String], toolVersion: String) -> JSONValue {
        .object([
            ("tool", .object([("name", .string("flowgate")), ("version", .string(toolVersion))])),
            ("schemaVersion", .number(schemaVersion)),
            ("from", .string(diff.oldLabel)),
            ("to", .string(diff.newLabel)),
            ("paths", .array(paths.map(JSONValue.string))),
            ("summary", .object([
                ("flowsAdded", .number(diff.added.count)),
                ("flowsRemoved", .number(diff.removed.count)),
                ("flowsChanged", .number(diff.changed.count)),
                ("newIdentifiableFlows", .number(diff.newIdentifiable.count)),
                ("newSpecialCategoryFlows", .number(diff.newSpecialCategory.count)),
                ("newRecipients", .number(diff.newRecipients.count)),
                ("newFindings", .number(diff.newFindings.count)),
                ("resolvedFindings", .number(diff.resolvedFindings.count)),
            ])),
            ("flows", .object([
                ("added", .array(diff.added.map(flow))),
                ("removed", .array(diff.removed.map(flow))),
                ("changed", .array(diff.changed.map { change in
                    .object([
                        ("id", .string(change.id)),
                        ("before", flow(change.before)),
                        ("after", flow(change.after)),
                        ("changes", .array(change.changes.map { attribute in
                            .object([
                                ("attribute", .string(attribute.attribute)),
                                ("before", attribute.before.isEmpty ? .null : .string(attribute.before)),
                                ("after", attribute.after.isEmpty ? .null : .string(attribute.after)),
                            ])
                        })),
                    ])
                })),
            ])),
            ("newIdentifiableFlows", .array(diff.newIdentifiable.map { .string($0.id) })),
            ("newSpecialCategoryFlows", .array(diff.newSpecialCategory.map { .string($0.id) })),
            ("newRecipients", .array(diff.newRecipients.map { recipient in
                .object([
                    ("id", .string(recipient.id)),
                    ("title", .optional(recipient.title)),
                    ("flows", .array(recipient.flows.map(JSONValue.string))),
                ])
            })),
            ("findings", .object([
                ("new", .array(diff.newFindings.map(finding))),
                ("resolved", .array(diff.resolvedFindings.map(finding))),
            ])),
        ])
    }

    static func flow(_ flow: FlowSummary) -> JSONValue {
        .object([
            ("id", .string(flow.id)),
            ("from", .string(flow.from)),
            ("to", .string(flow.to)),
            ("title", .optional(flow.title)),
            ("dataset", .string(flow.dataset)),
            ("level", .string(flow.declaredLevel.spelling)),
            ("recipientLevel", .string(flow.recipientLevel.spelling)),
            ("specialCategories", .array(flow.specialCategories.map { .string($0.spelling) })),
            ("purposes", .array(flow.purposes.map(JSONValue.string))),
            ("location", location(flow.location)),
        ])
    }

    static func finding(_ finding: FindingSummary) -> JSONValue {
        .object([
            ("code", .string(finding.code)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
            ("target", .string(finding.target)),
            ("fingerprint", .string(finding.fingerprint)),
            ("location", location(finding.location)),
        ])
    }

    static func location(_ location: DiffLocation?) -> JSONValue {
        guard let location else { return .null }
        return .object([("path", .string(location.path)), ("line", .number(location.line))])
    }
}
