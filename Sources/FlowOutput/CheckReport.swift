import FlowLanguage
import FlowModel
import FlowRules
import FlowWorkspace

/// Everything one `flowgate check` run reports, whatever the output format.
public struct CheckReport: Sendable {
    /// Language and resolver errors (FG1nn); when present there are no findings.
    public let diagnostics: [Diagnostic]
    /// Rule findings not waived and not in the baseline, in source order.
    public let findings: [Finding]
    /// The findings one entry per root cause (FindingGroups): what text output shows and counts.
    public let groups: [FindingGroup]
    public let waived: [WaivedFinding]
    /// Findings hidden because the baseline already has them.
    public let baselined: Int
    public let sources: SourceMap
    public let asOf: Day
    public let modelName: String?
    /// The workspace model the report is about (`flowgate.toml`); nil outside a workspace.
    public let workspaceModel: String?
    /// The model's rule settings from the workspace file, as applied (disabled rules, severities).
    public let ruleSettings: [AppliedRuleSetting]

    public init(
        diagnostics: [Diagnostic], findings: [Finding], waived: [WaivedFinding], baselined: Int, sources: SourceMap, asOf: Day, modelName: String?,
        workspaceModel: String? = nil, ruleSettings: [AppliedRuleSetting] = []
    ) {
        self.diagnostics = diagnostics
        self.findings = findings
        self.groups = FindingGroups.build(findings)
        self.waived = waived
        self.baselined = baselined
        self.sources = sources
        self.asOf = asOf
        self.modelName = modelName
        self.workspaceModel = workspaceModel
        self.ruleSettings = ruleSettings
    }

    /// Root causes at this severity (a group counts once, at its highest severity), and diagnostics.
    public func count(_ severity: Severity) -> Int {
        groups.count { $0.severity == severity } + diagnostics.count { $0.severity == severity }
    }
}
