import FlowAnalysis
import FlowLanguage
import FlowRules
import FlowWorkspace

/// SARIF 2.1.0 for GitHub code scanning and other SARIF consumers: every rule in
/// `tool.driver.rules` (help from the rule's explanation), results with `ruleIndex`, physical
/// locations with regions, `partialFingerprints`, related locations, and the witness path as a
/// `codeFlow`. Language errors (FG1nn) are reported as results of their own rules too.
public enum SARIFReport {
    public static let fingerprintKey = "flowgate/v1"

    public static func document(_ report: CheckReport, rules: [Rule], toolVersion: String) -> String {
        document([report], rules: rules, toolVersion: toolVersion)
    }

    /// One run per workspace model, each labelled with the model (`automationDetails.id`, which code
    /// scanning uses to tell the runs' results apart).
    public static func document(_ reports: [CheckReport], rules: [Rule], toolVersion: String) -> String {
        let root = JSONValue.object([
            ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
            ("version", .string("2.1.0")),
            ("runs", .array(reports.map { run($0, rules: rules, toolVersion: toolVersion) })),
        ])
        return root.serialized() + "\n"
    }

    static func run(_ report: CheckReport, rules: [Rule], toolVersion: String) -> JSONValue {
        var descriptors: [JSONValue] = []
        var index: [String: Int] = [:]
        for rule in rules {
            index[rule.code] = descriptors.count
            descriptors.append(descriptor(rule))
        }
        for code in LanguageCode.allCases {
            index[code.rawValue] = descriptors.count
            descriptors.append(.object([
                ("id", .string(code.rawValue)),
                ("name", .string(pascalCase(String(describing: code)))),
                ("shortDescription", .object([("text", .string(code.summary))])),
                ("fullDescription", .object([("text", .string("Language or resolver error: \(code.summary). See docs/language.md."))])),
                ("help", .object([("text", .string("See docs/language.md, section Diagnostics, \(code.rawValue)."))])),
                ("defaultConfiguration", .object([("level", .string(code.severity.rawValue))])),
            ]))
        }
        var results: [JSONValue] = report.diagnostics.map { diagnostic in
            result(code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message, span: diagnostic.span,
                   ruleIndex: index[diagnostic.code], related: diagnostic.notes, fingerprint: nil, witness: nil, sources: report.sources)
        }
        let links = FindingJSON.links(report)
        let byFingerprint = Dictionary(report.findings.map { ($0.fingerprint, $0) }) { first, _ in first }
        results += report.findings.map { finding in
            let link = links[finding.fingerprint]
            // A consequence points at its root, so a reviewer reaches the cause from any of them.
            let root = link?.causedBy.flatMap { byFingerprint[$0] }
            let rootNote = root.map { [DiagnosticNote("follows from \($0.code): \($0.message)", at: $0.span)] } ?? []
            var properties: [(String, JSONValue)] = []
            if let group = link?.group { properties.append(("group", .string(group))) }
            if let causedBy = link?.causedBy { properties.append(("causedBy", .string(causedBy))) }
            return result(code: finding.code, severity: finding.severity, message: finding.message, span: finding.span,
                          ruleIndex: index[finding.code], related: rootNote + finding.related, fingerprint: finding.fingerprint,
                          witness: finding.witness, sources: report.sources, properties: properties)
        }
        var members: [(String, JSONValue)] = [
            ("tool", .object([("driver", .object([
                ("name", .string("flowgate")),
                ("semanticVersion", .string(toolVersion)),
                ("informationUri", .string("https://github.com/flowgate/flowgate")),
                ("rules", .array(descriptors)),
            ]))])),
        ]
        if let model = report.workspaceModel {
            members.append(("automationDetails", .object([("id", .string("\(model)/"))])))
        }
        if !report.ruleSettings.isEmpty {
            members.append(("invocations", .array([.object([
                ("executionSuccessful", .bool(true)),
                ("ruleConfigurationOverrides", .array(report.ruleSettings.map { override($0, index: index) })),
            ])])))
        }
        members += [
            ("columnKind", .string("unicodeCodePoints")),
            ("originalUriBaseIds", .object([("SRCROOT", .object([("description", .object([("text", .string("The directory flowgate was run in"))]))]))])),
            ("results", .array(results)),
        ]
        return .object(members)
    }

    /// A workspace rule setting as SARIF's configuration override: `enabled: false` for a disabled
    /// rule, the configured `level` otherwise; the reason and where it is written as properties.
    static func override(_ applied: AppliedRuleSetting, index: [String: Int]) -> JSONValue {
        let setting = applied.setting
        var descriptor: [(String, JSONValue)] = [("id", .string(setting.code))]
        if let ruleIndex = index[setting.code] { descriptor.append(("index", .number(ruleIndex))) }
        let configuration: [(String, JSONValue)] = switch setting.action {
        case .disable: [("enabled", .bool(false))]
        case .severity(let severity): [("level", .string(level(severity)))]
        }
        var properties: [(String, JSONValue)] = []
        if let reason = setting.reason { properties.append(("reason", .string(reason))) }
        if case .disable = setting.action { properties.append(("findingsNotShown", .number(applied.suppressed))) }
        properties.append(("source", .string(setting.location.description)))
        return .object([
            ("descriptor", .object(descriptor)),
            ("configuration", .object(configuration)),
            ("properties", .object(properties)),
        ])
    }

    static func descriptor(_ rule: Rule) -> JSONValue {
        let examples = rule.triggeringExamples.map { "```\n\($0)\n```" }.joined(separator: "\n\n")
        return .object([
            ("id", .string(rule.code)),
            ("name", .string(pascalCase(rule.slug))),
            ("shortDescription", .object([("text", .string(rule.summary))])),
            ("fullDescription", .object([("text", .string(rule.explanation))])),
            ("help", .object([
                ("text", .string("\(rule.explanation)\n\nLegal source: \(rule.legalSource)")),
                ("markdown", .string("**\(rule.code) \(rule.slug)** — \(rule.summary)\n\n\(rule.explanation)\n\n*Legal source:* \(rule.legalSource)\n\nTriggering example:\n\n\(examples)")),
            ])),
            ("defaultConfiguration", .object([("level", .string(level(rule.severity)))])),
            ("properties", .object([
                ("tags", .array([.string("information-governance"), .string("uk-gdpr")])),
                ("legalSource", .string(rule.legalSource)),
            ])),
        ])
    }

    static func result(
        code: String, severity: Severity, message: String, span: SourceSpan?, ruleIndex: Int?,
        related: [DiagnosticNote], fingerprint: String?, witness: WitnessPath?, sources: SourceMap,
        properties: [(String, JSONValue)] = []
    ) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("ruleId", .string(code)),
        ]
        if let ruleIndex { members.append(("ruleIndex", .number(ruleIndex))) }
        members.append(("level", .string(level(severity))))
        members.append(("message", .object([("text", .string(message))])))
        if let span, let location = physicalLocation(span, sources: sources) {
            members.append(("locations", .array([.object([("physicalLocation", location)])])))
        }
        if let fingerprint {
            members.append(("partialFingerprints", .object([(fingerprintKey, .string(fingerprint))])))
        }
        var relatedLocations: [JSONValue] = []
        for note in related {
            guard let span = note.span, let location = physicalLocation(span, sources: sources) else { continue }
            relatedLocations.append(.object([
                ("id", .number(relatedLocations.count + 1)),
                ("physicalLocation", location),
                ("message", .object([("text", .string(note.message))])),
            ]))
        }
        for (index, hop) in (witness?.hops ?? []).enumerated() {
            guard let location = physicalLocation(hop.span, sources: sources) else { continue }
            relatedLocations.append(.object([
                ("id", .number(relatedLocations.count + 1)),
                ("physicalLocation", location),
                ("message", .object([("text", .string(hopText(hop, number: index + 1, breaking: index == witness?.breakingHop)))])),
            ]))
        }
        if !relatedLocations.isEmpty { members.append(("relatedLocations", .array(relatedLocations))) }
        if let witness {
            let steps: [JSONValue] = witness.hops.enumerated().compactMap { index, hop in
                guard let location = physicalLocation(hop.span, sources: sources) else { return nil }
                return .object([
                    ("location", .object([
                        ("physicalLocation", location),
                        ("message", .object([("text", .string(hopText(hop, number: index + 1, breaking: index == witness.breakingHop)))])),
                    ])),
                    ("importance", .string(index == witness.breakingHop ? "essential" : "important")),
                ])
            }
            // Each chain that joins the path at a merge is a thread of its own.
            let branches: [JSONValue] = witness.branches.map { branch in
                let locations: [JSONValue] = branch.hops.compactMap { hop in
                    guard let location = physicalLocation(hop.span, sources: sources) else { return nil }
                    return .object([
                        ("location", .object([
                            ("physicalLocation", location),
                            ("message", .object([("text", .string("joins step \(branch.joinsAt + 1): " + hopText(hop, number: branch.joinsAt + 1, breaking: false)))])),
                        ])),
                        ("importance", .string("important")),
                    ])
                }
                return .object([("locations", .array(locations))])
            }
            let threads: [JSONValue] = [.object([("locations", .array(steps))])] + branches
            members.append(("codeFlows", .array([.object([("threadFlows", .array(threads))])])))
        }
        // flowgate's own grouping (docs/output-formats.md): the same-reason group a result belongs
        // to, and the result it follows from, by fingerprint.
        if !properties.isEmpty { members.append(("properties", .object(properties))) }
        return .object(members)
    }

    static func hopText(_ hop: WitnessHop, number: Int, breaking: Bool) -> String {
        let route = hop.kind == .flow ? "\(hop.from) -> \(hop.to)" : "at \(hop.from): \(hop.bases)"
        let filters = hop.filters.isEmpty ? "none" : hop.filters.joined(separator: ", ")
        return "\(number). \(route): \(hop.dataset), \(hop.level.rawValue); \(hop.bases); opt-outs applied: \(filters)\(breaking ? " — breaks the rule" : "")"
    }

    static func physicalLocation(_ span: SourceSpan, sources: SourceMap) -> JSONValue? {
        guard let file = sources[span.path] else { return nil }
        let start = file.location(of: span.start)
        let end = file.location(of: span.end)
        var region: [(String, JSONValue)] = [("startLine", .number(start.line)), ("startColumn", .number(start.column))]
        if end.line >= start.line, span.end > span.start {
            region += [("endLine", .number(end.line)), ("endColumn", .number(end.column))]
        }
        return .object([
            ("artifactLocation", .object([("uri", .string(uri(span.path))), ("uriBaseId", .string("SRCROOT"))])),
            ("region", .object(region)),
        ])
    }

    /// A relative URI reference: path segments percent-encoded, `/` kept.
    static func uri(_ path: String) -> String {
        var result = ""
        for byte in path.utf8 {
            let scalar = Unicode.Scalar(byte)
            if (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || "-._~/".unicodeScalars.contains(scalar) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return result
    }

    static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "note"
        }
    }

    static func pascalCase(_ text: String) -> String {
        var result = ""
        var upper = true
        for character in text {
            if character == "-" || character == "_" || character == " " { upper = true; continue }
            result += upper ? character.uppercased() : String(character)
            upper = false
        }
        return result
    }
}
