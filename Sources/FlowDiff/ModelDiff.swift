import FlowAnalysis
import FlowLanguage
import FlowModel
import FlowRules

/// One side of a comparison: a resolved model, its analysis and its findings (unwaived).
public struct DiffSide: Sendable {
    /// What the side is called in reports: a git revision, or "working tree".
    public let label: String
    public let analysis: Analysis
    public let findings: [Finding]

    public var model: SemanticModel { analysis.model }

    public init(label: String, analysis: Analysis, findings: [Finding]) {
        self.label = label
        self.analysis = analysis
        self.findings = findings
    }

    /// Analyses the model and runs the rules as of `asOf` (both sides of a diff should use the same date,
    /// so that only the model's changes, not the passing of time, show as new findings).
    public init(label: String, model: SemanticModel, asOf: Day) {
        let analysis = Analysis(model: model)
        self.init(label: label, analysis: analysis, findings: RuleEngine.run(analysis, asOf: asOf).findings)
    }
}

/// Where something is declared: a path and a 1-based line.
public struct DiffLocation: Sendable, Hashable, CustomStringConvertible {
    public let path: String
    public let line: Int

    public var description: String { "\(path):\(line)" }

    init?(_ span: SourceSpan, in model: SemanticModel) {
        guard let location = model.sources.location(of: span) else { return nil }
        path = span.path
        line = location.line
    }
}

/// A flow as reports show it.
public struct FlowSummary: Sendable, Hashable {
    public let id: String
    public let from: String
    public let to: String
    public let title: String?
    public let dataset: String
    /// The level the flow declares.
    public let declaredLevel: IdentifiabilityLevel
    /// The level in the recipient's hands (after escalation by keys or linkage).
    public let recipientLevel: IdentifiabilityLevel
    public let specialCategories: [SpecialCategory]
    public let purposes: [String]
    public let location: DiffLocation?

    init(_ index: Int, in analysis: Analysis) {
        let flow = analysis.model.flows[index]
        id = flow.id
        from = flow.from.name
        to = flow.to.name
        title = flow.title
        dataset = flow.dataset.name
        declaredLevel = flow.level
        recipientLevel = analysis.identifiability.recipientLevels[index]
        specialCategories = analysis.model.datasets[flow.dataset.name]?.specialCategories ?? []
        purposes = flow.purposes.map(\.name)
        location = DiffLocation(flow.span, in: analysis.model)
    }
}

/// One attribute of a flow that differs between the two sides. Values are in `.flow` spelling;
/// an empty value means the attribute is not given.
public struct AttributeChange: Sendable, Hashable {
    public let attribute: String
    public let before: String
    public let after: String

    public init(attribute: String, before: String, after: String) {
        self.attribute = attribute
        self.before = before
        self.after = after
    }
}

public struct FlowChange: Sendable, Hashable {
    public let before: FlowSummary
    public let after: FlowSummary
    public let changes: [AttributeChange]

    public var id: String { after.id }
}

/// An organisation that receives data in the new model but received none in the old.
public struct NewRecipient: Sendable, Hashable {
    public let id: String
    public let title: String?
    /// The flows (ids) it receives data through.
    public let flows: [String]

    public init(id: String, title: String?, flows: [String]) {
        self.id = id
        self.title = title
        self.flows = flows
    }
}

public struct FindingSummary: Sendable, Hashable {
    public let code: String
    public let severity: Severity
    public let message: String
    public let target: String
    public let fingerprint: String
    public let location: DiffLocation?

    init(_ finding: Finding, in model: SemanticModel) {
        code = finding.code
        severity = finding.severity
        message = finding.message
        target = finding.target
        fingerprint = finding.fingerprint
        location = DiffLocation(finding.span, in: model)
    }
}

/// What changed between two models. Every list is sorted (flows and recipients by id, findings by
/// severity, code and fingerprint), so equal inputs give equal reports.
public struct ModelDiff: Sendable {
    public let oldLabel: String
    public let newLabel: String
    public var added: [FlowSummary] = []
    public var removed: [FlowSummary] = []
    public var changed: [FlowChange] = []
    /// Flows identifiable in the recipient's hands now that were not before (new flows included).
    public var newIdentifiable: [FlowSummary] = []
    /// Flows carrying special-category personal data now that did not before (new flows included).
    public var newSpecialCategory: [FlowSummary] = []
    public var newRecipients: [NewRecipient] = []
    public var newFindings: [FindingSummary] = []
    public var resolvedFindings: [FindingSummary] = []
    /// Organisation titles by id (new model first, then old), for labels.
    public var organisationTitles: [String: String] = [:]
    /// Flows present on both sides and unchanged, for context in diagrams.
    public var unchanged: [FlowSummary] = []

    public var hasFlowChanges: Bool { !added.isEmpty || !removed.isEmpty || !changed.isEmpty }

    public var isEmpty: Bool {
        !hasFlowChanges && newIdentifiable.isEmpty && newSpecialCategory.isEmpty && newRecipients.isEmpty
            && newFindings.isEmpty && resolvedFindings.isEmpty
    }

    public init(oldLabel: String, newLabel: String) {
        self.oldLabel = oldLabel
        self.newLabel = newLabel
    }

    public static func compare(_ old: DiffSide, _ new: DiffSide) -> ModelDiff {
        var diff = ModelDiff(oldLabel: old.label, newLabel: new.label)
        let oldFlows = Self.index(old.model)
        let newFlows = Self.index(new.model)

        for (id, newIndex) in newFlows.sorted(by: { $0.key < $1.key }) {
            let after = FlowSummary(newIndex, in: new.analysis)
            guard let oldIndex = oldFlows[id] else {
                diff.added.append(after)
                if Self.isIdentifiable(newIndex, new.analysis) { diff.newIdentifiable.append(after) }
                if Self.isSpecialCategory(newIndex, new.analysis) { diff.newSpecialCategory.append(after) }
                continue
            }
            let before = FlowSummary(oldIndex, in: old.analysis)
            let changes = Self.changes(old.model.flows[oldIndex], new.model.flows[newIndex])
            if changes.isEmpty { diff.unchanged.append(after) } else {
                diff.changed.append(FlowChange(before: before, after: after, changes: changes))
            }
            if Self.isIdentifiable(newIndex, new.analysis), !Self.isIdentifiable(oldIndex, old.analysis) {
                diff.newIdentifiable.append(after)
            }
            if Self.isSpecialCategory(newIndex, new.analysis), !Self.isSpecialCategory(oldIndex, old.analysis) {
                diff.newSpecialCategory.append(after)
            }
        }
        for (id, oldIndex) in oldFlows.sorted(by: { $0.key < $1.key }) where newFlows[id] == nil {
            diff.removed.append(FlowSummary(oldIndex, in: old.analysis))
        }

        let oldRecipients = Set(old.model.flows.map(\.to.name))
        var receiving: [String: [String]] = [:]
        for flow in new.model.flows where !oldRecipients.contains(flow.to.name) {
            receiving[flow.to.name, default: []].append(flow.id)
        }
        diff.newRecipients = receiving.keys.sorted().map { id in
            NewRecipient(id: id, title: new.model.organisations[id]?.title, flows: receiving[id]!.sorted())
        }

        let oldPrints = Set(old.findings.map(\.fingerprint))
        let newPrints = Set(new.findings.map(\.fingerprint))
        diff.newFindings = Self.unique(new.findings.filter { !oldPrints.contains($0.fingerprint) }, in: new.model)
        diff.resolvedFindings = Self.unique(old.findings.filter { !newPrints.contains($0.fingerprint) }, in: old.model)

        for (id, organisation) in old.model.organisations { if let title = organisation.title { diff.organisationTitles[id] = title } }
        for (id, organisation) in new.model.organisations { if let title = organisation.title { diff.organisationTitles[id] = title } }
        return diff
    }

    /// Flow id → index (the first flow with an id wins; ids are unique in a valid model).
    static func index(_ model: SemanticModel) -> [String: Int] {
        var result: [String: Int] = [:]
        for (index, flow) in model.flows.enumerated() where result[flow.id] == nil { result[flow.id] = index }
        return result
    }

    static func isIdentifiable(_ index: Int, _ analysis: Analysis) -> Bool {
        analysis.identifiability.recipientLevels[index] == .identifiable
    }

    static func isSpecialCategory(_ index: Int, _ analysis: Analysis) -> Bool {
        let flow = analysis.model.flows[index]
        guard let dataset = analysis.model.datasets[flow.dataset.name], !dataset.specialCategories.isEmpty else { return false }
        return analysis.carriesPersonalData(index)
    }

    static func unique(_ findings: [Finding], in model: SemanticModel) -> [FindingSummary] {
        var seen: Set<String> = []
        return findings.filter { seen.insert($0.fingerprint).inserted }
            .map { FindingSummary($0, in: model) }
            .sorted { a, b in
                if a.severity != b.severity { return a.severity > b.severity }
                return (a.code, a.target, a.fingerprint) < (b.code, b.target, b.fingerprint)
            }
    }

    /// Attributes that differ, in the order `FlowAttributes.of` lists them.
    static func changes(_ before: Flow, _ after: Flow) -> [AttributeChange] {
        let old = FlowAttributes.of(before)
        let new = FlowAttributes.of(after)
        var result: [AttributeChange] = []
        for (index, attribute) in new.enumerated() where old[index].value != attribute.value {
            result.append(AttributeChange(attribute: attribute.name, before: old[index].value, after: attribute.value))
        }
        return result
    }
}

/// A flow's attributes in `.flow` spelling, by property keyword (`from`, `to` and `title` for the
/// header). Positions and spans are not attributes: moving or reformatting a flow changes nothing.
public enum FlowAttributes {
    public static func of(_ flow: Flow) -> [(name: String, value: String)] {
        func names(_ references: [Reference]) -> String { references.map(\.name).joined(separator: ", ") }
        func quoted(_ text: String?) -> String { text.map(Formatter.quoted) ?? "" }
        let article6 = flow.article6.map { claim in
            [claim.basis.spelling, claim.citation.map(Formatter.quoted) ?? claim.gateway?.name].compactMap { $0 }.joined(separator: " ")
        }
        let confidentiality = flow.confidentiality.map { claim in
            [claim.basis.spelling, claim.instrument?.name].compactMap { $0 }.joined(separator: " ")
        }
        let exemptions = flow.exemptions.map { exemption in
            [exemption.optOut.name, exemption.evidence.map(Formatter.quoted)].compactMap { $0 }.joined(separator: " ")
        }
        let retention = flow.retention.map { statement in
            [Formatter.quoted(statement.text), statement.action?.spelling].compactMap { $0 }.joined(separator: " ")
        }
        return [
            ("from", flow.from.name),
            ("to", flow.to.name),
            ("title", quoted(flow.title)),
            ("data", flow.dataset.name),
            ("level", flow.level.spelling),
            ("purpose", names(flow.purposes)),
            ("role", flow.role?.spelling ?? ""),
            ("art6", article6 ?? ""),
            ("art9", flow.article9Conditions.map(\.spelling).joined(separator: ", ")),
            ("sch1", flow.schedule1.map(\.description).joined(separator: ", ")),
            ("art10", flow.article10?.spelling ?? ""),
            ("confidentiality", confidentiality ?? ""),
            ("applies", names(flow.appliedOptOuts)),
            ("exempt", exemptions.joined(separator: "; ")),
            ("agreement", names(flow.agreements)),
            ("dpia", flow.dpia?.name ?? ""),
            ("retention", retention.joined(separator: "; ")),
            ("transfer", flow.transfer?.spelling ?? ""),
            ("frequency", flow.frequency?.spelling ?? ""),
            ("suppress-below", flow.suppressBelow.map(String.init) ?? ""),
            ("round-to", flow.roundTo.map(String.init) ?? ""),
            ("assessment", quoted(flow.anonymisationAssessment)),
            ("reidentification-by", names(flow.reidentificationAllowedBy)),
            ("needs", flow.neededIdentifiers.map(\.spelling).joined(separator: ", ")),
            ("changed", flow.changed?.description ?? ""),
            ("siro-approval", quoted(flow.siroApproval)),
            ("items", quoted(flow.items)),
            ("description", quoted(flow.description)),
        ]
    }
}
