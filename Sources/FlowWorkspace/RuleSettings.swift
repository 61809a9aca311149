import FlowLanguage
import FlowRules

/// A model's rule configuration from the workspace file: rules turned off (always with a reason,
/// shown wherever the check's results are) and rules reported at another severity.
public struct RuleSettings: Sendable, Equatable {
    /// By rule code.
    public var rules: [String: RuleSetting]

    public init(_ rules: [String: RuleSetting] = [:]) {
        self.rules = rules
    }

    /// In code order, for output.
    public var sorted: [RuleSetting] { rules.values.sorted { $0.code < $1.code } }

    /// Drops the findings of disabled rules (counting them) and gives overridden rules their
    /// configured severity; findings keep their order.
    public func apply(to findings: [Finding]) -> ConfiguredFindings {
        var kept: [Finding] = []
        var dropped: [String: Int] = [:]
        for finding in findings {
            guard let setting = rules[finding.code] else {
                kept.append(finding)
                continue
            }
            switch setting.action {
            case .disable:
                dropped[finding.code, default: 0] += 1
            case .severity(let severity):
                kept.append(finding.adjusted(severity: severity))
            }
        }
        let applied = sorted.map { AppliedRuleSetting(setting: $0, suppressed: dropped[$0.code] ?? 0) }
        return ConfiguredFindings(findings: kept, settings: applied)
    }
}

/// One rule's entry in `[models.NAME.rules]`.
public struct RuleSetting: Sendable, Equatable {
    public enum Action: Sendable, Equatable {
        case disable
        case severity(Severity)
    }

    public var code: String
    public var action: Action
    /// Why the project configures the rule so: required to disable one, optional otherwise.
    public var reason: String?
    /// Where the entry is written, for output that points back at it.
    public var location: WorkspaceLocation

    public init(code: String, action: Action, reason: String?, location: WorkspaceLocation) {
        self.code = code
        self.action = action
        self.reason = reason
        self.location = location
    }

    /// "FG031 disabled: …" or "FG026 reported as info: …", as check shows it.
    public var summary: String {
        let what = switch action {
        case .disable: "\(code) disabled"
        case .severity(let severity): "\(code) reported as \(severity.rawValue)"
        }
        return reason.map { "\(what): \($0)" } ?? what
    }
}

/// A setting as the check applied it: how many findings a disabled rule hid.
public struct AppliedRuleSetting: Sendable, Equatable {
    public let setting: RuleSetting
    public let suppressed: Int
}

/// Findings after a model's rule settings.
public struct ConfiguredFindings: Sendable {
    public let findings: [Finding]
    public let settings: [AppliedRuleSetting]
}

/// A place in the workspace file.
public struct WorkspaceLocation: Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}
