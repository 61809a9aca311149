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
        // Rules are independent pure checks over the same analysis; concatenating in catalogue order
        // keeps the result independent of scheduling.
        var facts = SharedFacts()
        // The first rule to ask for a shared fact builds it while the others wanting it wait, so
        // the rules that build one start first and those waiting for them come later in the queue;
        // results go back into catalogue order.
        let order = rules.indices.filter { rules[$0].buildsSharedFacts }
            + rules.indices.filter { !rules[$0].buildsSharedFacts && rules[$0].isLong }
            + rules.indices.filter { !rules[$0].buildsSharedFacts && !rules[$0].isLong }
        let found = Parallel.map(order) { [facts] in rules[$0].findings(in: analysis, asOf: asOf, facts: facts) }
        // The facts' tables are large and cold by now: freed on another thread, not waited for.
        Parallel.discard(&facts, leaving: SharedFacts())
        var findingsByRule = [[Finding]](repeating: [], count: rules.count)
        for (position, index) in order.enumerated() { findingsByRule[index] = found[position] }
        let findings = FlowStatusStage.apply(to: findingsByRule.flatMap { $0 }, model: analysis.model)
        return WaiverStage.apply(analysis.model.waivers, to: findings, asOf: asOf, knownCodes: Set(RuleCatalog.all.map(\.code)))
    }
}

enum WaiverStage {
    private struct WaiverKey: Hashable {
        let code: String
        let target: String
    }

    static func apply(_ waivers: [Waiver], to findings: [Finding], asOf: Day, knownCodes: Set<String>) -> CheckResult {
        var active: [Finding] = []
        var waived: [WaivedFinding] = []
        var matchedWaivers: Set<Int> = []
        // The first waiver for a (code, target) pair wins, as written in the model.
        var waiverIndex: [WaiverKey: Int] = [:]
        for (index, waiver) in waivers.enumerated() where waiverIndex[WaiverKey(code: waiver.code, target: waiver.target.name)] == nil {
            waiverIndex[WaiverKey(code: waiver.code, target: waiver.target.name)] = index
        }
        for finding in findings {
            guard let index = waiverIndex[WaiverKey(code: finding.code, target: finding.target)] else {
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
