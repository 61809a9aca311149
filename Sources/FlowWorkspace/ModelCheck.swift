import FlowAnalysis
import FlowModel
import FlowRules

/// The rules run over one model under its workspace rule settings: what `check` reports for a
/// model and what the language server shows as the model's files are edited.
public struct ModelCheck: Sendable {
    public let analysis: Analysis
    /// After the rule settings: disabled rules' findings dropped, overridden severities applied.
    public let findings: [Finding]
    public let waived: [WaivedFinding]
    public let settings: [AppliedRuleSetting]

    public init(_ model: SemanticModel, rules: RuleSettings, asOf date: Day) {
        analysis = Analysis(model: model)
        let result = RuleEngine.run(analysis, asOf: date)
        let configured = rules.apply(to: result.findings)
        findings = configured.findings
        settings = configured.settings
        waived = result.waived
    }
}
