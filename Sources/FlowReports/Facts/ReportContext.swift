import FlowAnalysis
import FlowLanguage
import FlowModel
import FlowRules

/// Everything a report is generated from: the analysed model, the rule results as of a date, and the
/// name the report gives the model. Reports are pure functions of this value.
public struct ReportContext: Sendable {
    public let analysis: Analysis
    public let findings: [Finding]
    public let waived: [WaivedFinding]
    public let asOf: Day
    public let modelName: String

    public var model: SemanticModel { analysis.model }

    public init(analysis: Analysis, result: CheckResult, asOf: Day, modelName: String) {
        self.init(analysis: analysis, findings: result.findings, waived: result.waived, asOf: asOf, modelName: modelName)
    }

    /// With findings already chosen: a workspace's rule settings applied to the engine's.
    public init(analysis: Analysis, findings: [Finding], waived: [WaivedFinding], asOf: Day, modelName: String) {
        self.analysis = analysis
        self.findings = findings
        self.waived = waived
        self.asOf = asOf
        self.modelName = modelName
    }

    /// Analyses the model and runs every rule as of `asOf`.
    public init(model: SemanticModel, asOf: Day, modelName: String) {
        let analysis = Analysis(model: model)
        self.init(analysis: analysis, result: RuleEngine.run(analysis, asOf: asOf), asOf: asOf, modelName: modelName)
    }

    /// `path:line` of a declaration, for people to find it.
    public func location(_ span: SourceSpan) -> String {
        guard let location = model.sources.location(of: span) else { return span.path }
        return "\(span.path):\(location.line)"
    }

    /// The organisation's display name, or its id.
    func name(ofOrganisation id: String) -> String {
        model.organisations[id]?.title ?? id
    }

    func name(ofDataset id: String) -> String {
        model.datasets[id]?.title ?? id
    }

    func name(ofPurpose id: String) -> String {
        model.purposes[id]?.title ?? id
    }

    func name(ofOptOut id: String) -> String {
        model.optOuts[id]?.title ?? id
    }

    /// Index of every flow by id (ids are unique in a resolved model).
    func flowIndex(_ id: String) -> Int? { analysis.flowIndex(id) }
}

/// Byte-wise string order, independent of locale, so that output does not depend on the machine.
func utf8Less(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
}

extension Sequence where Element == String {
    func sortedUTF8() -> [String] { sorted(by: utf8Less) }
}

extension Array where Element == String {
    /// Unique, keeping the first occurrence.
    func uniqued() -> [String] {
        var seen: Set<String> = []
        return filter { seen.insert($0).inserted }
    }
}
