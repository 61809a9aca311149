import FlowAnalysis
import FlowLanguage
import FlowModel

/// A finding a waiver accepts, with the waiver.
public struct WaivedFinding: Sendable, Hashable {
    public let finding: Finding
    public let waiver: Waiver
}

public struct CheckResult: Sendable {
    /// Findings not accepted by a waiver, in source order.
    public let findings: [Finding]
    public let waived: [WaivedFinding]
}

public enum RuleEngine {
    /// Runs every rule, then applies the model's waivers (FG038 expired, FG039 unmatched).
    public static func run(_ analysis: Analysis, asOf: Day, rules: [Rule] = RuleCatalog.all) -> CheckResult {
        var findings: [Finding] = []
        for rule in rules {
            findings += rule.findings(in: analysis, asOf: asOf)
        }
        return WaiverStage.apply(analysis.model.waivers, to: findings, asOf: asOf, knownCodes: Set(RuleCatalog.all.map(\.code)))
    }
}

enum WaiverStage {
    static func apply(_ waivers: [Waiver], to findings: [Finding], asOf: Day, knownCodes: Set<String>) -> CheckResult {
        var active: [Finding] = []
        var waived: [WaivedFinding] = []
        var matchedWaivers: Set<Int> = []
        for finding in findings {
            let match = waivers.indices.first { index in
                waivers[index].code == finding.code && waivers[index].target.name == finding.target
            }
            guard let index = match else {
                active.append(finding)
                continue
            }
            matchedWaivers.insert(index)
            let waiver = waivers[index]
            if let expires = waiver.expires, expires < asOf {
                active.append(finding)
            } else {
                waived.append(WaivedFinding(finding: finding, waiver: waiver))
            }
        }
        for (index, waiver) in waivers.enumerated() {
            let target = waiver.target.name
            if let expires = waiver.expires, expires < asOf {
                active.append(Finding(
                    code: FG038.rule.code, slug: FG038.rule.slug, severity: FG038.rule.severity,
                    message: "waiver of \(waiver.code) on `\(target)` expired on \(expires)", span: waiver.span,
                    target: target, discriminator: waiver.code,
                    help: "review the finding: fix the flow, or renew the waiver with a new expiry date and reference"
                ))
            } else if !matchedWaivers.contains(index) {
                let reason = knownCodes.contains(waiver.code)
                    ? "\(waiver.code) reports nothing on `\(target)`"
                    : "there is no rule \(waiver.code)"
                active.append(Finding(
                    code: FG039.rule.code, slug: FG039.rule.slug, severity: FG039.rule.severity,
                    message: "waiver matches no finding: \(reason)", span: waiver.span,
                    target: target, discriminator: waiver.code,
                    help: "remove the waiver, or correct its code or target"
                ))
            }
        }
        return CheckResult(findings: active.sorted(), waived: waived.sorted { $0.finding < $1.finding })
    }
}
