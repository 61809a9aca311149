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
        let findings = AccountabilityStage.apply(
            to: FlowStatusStage.apply(to: findingsByRule.flatMap { $0 }, model: analysis.model), model: analysis.model
        )
        return WaiverStage.apply(analysis.model.waivers, to: findings, asOf: asOf, knownCodes: Set(RuleCatalog.all.map(\.code)))
    }
}

enum WaiverStage {
    /// `3 findings: 0123456789abcdef (ndoo), …` — what a waiver's `finding` can name.
    static func list(_ findings: [Finding]) -> String {
        findings.map { finding in
            finding.fingerprint + (finding.discriminator.isEmpty ? "" : " (`\(finding.discriminator)`)")
        }.joined(separator: ", ")
    }

    private struct WaiverKey: Hashable {
        let code: String
        let target: String
    }

    static func apply(_ waivers: [Waiver], to findings: [Finding], asOf: Day, knownCodes: Set<String>) -> CheckResult {
        var active: [Finding] = []
        var waived: [WaivedFinding] = []
        // The waivers for each (code, target) pair, as written in the model.
        var waiversByKey: [WaiverKey: [Int]] = [:]
        for (index, waiver) in waivers.enumerated() {
            waiversByKey[WaiverKey(code: waiver.code, target: waiver.target.name), default: []].append(index)
        }
        // Every finding a waiver's code and target could match, and those it accepted.
        var candidates: [Int: [Finding]] = [:]
        var accepted: [Int: [Finding]] = [:]
        for finding in findings {
            let indices = waiversByKey[WaiverKey(code: finding.code, target: finding.target)] ?? []
            for index in indices { candidates[index, default: []].append(finding) }
            // A waiver naming this finding wins over one for the whole (code, target); among
            // either kind the first written wins.
            guard let index = indices.first(where: { waivers[$0].finding.map(finding.isNamed) ?? false })
                ?? indices.first(where: { waivers[$0].finding == nil }) else {
                active.append(finding)
                continue
            }
            accepted[index, default: []].append(finding)
            let waiver = waivers[index]
            if let expires = waiver.expires, expires < asOf {
                active.append(finding)
            } else {
                waived.append(WaivedFinding(finding: finding, waiver: waiver))
            }
        }
        for (index, waiver) in waivers.enumerated() {
            let target = waiver.target.name
            let matched = accepted[index] ?? []
            if let expires = waiver.expires, expires < asOf {
                active.append(Finding(
                    code: FG038.rule.code, slug: FG038.rule.slug, severity: FG038.rule.severity,
                    message: "waiver of \(waiver.code) on `\(target)` expired on \(expires)", span: waiver.span,
                    target: target, discriminator: waiver.code,
                    help: "review the finding: fix the flow, or renew the waiver with a new expiry date and reference"
                ))
            } else if matched.isEmpty {
                let couldMatch = candidates[index] ?? []
                let reason = if let named = waiver.finding, !couldMatch.isEmpty {
                    "\(waiver.code) reports \(Self.list(couldMatch)) on `\(target)`, none of them `\(named)`"
                } else if knownCodes.contains(waiver.code) {
                    "\(waiver.code) reports nothing on `\(target)`"
                } else {
                    "there is no rule \(waiver.code)"
                }
                active.append(Finding(
                    code: FG039.rule.code, slug: FG039.rule.slug, severity: FG039.rule.severity,
                    message: "waiver matches no finding: \(reason)", span: waiver.span,
                    target: target, discriminator: waiver.code + (waiver.finding.map { "|" + $0 } ?? ""),
                    help: waiver.finding == nil || couldMatch.isEmpty
                        ? "remove the waiver, or correct its code or target"
                        : "write the fingerprint or discriminator of the finding meant in `finding`, or remove the waiver"
                ))
            } else if waiver.finding == nil, matched.count > 1 {
                // Accepted, as written; but a waiver is meant for one finding, so say which it covers.
                active.append(Finding(
                    code: FG039.rule.code, slug: FG039.rule.slug, severity: .info,
                    message: "waiver of \(waiver.code) on `\(target)` accepts \(matched.count) findings: \(Self.list(matched))", span: waiver.span,
                    target: target, discriminator: waiver.code + "|several",
                    help: "to accept one, add `finding \"FINGERPRINT\"` (or its discriminator) to the waiver; give each finding accepted its own waiver"
                ))
            }
        }
        return CheckResult(findings: active.sorted(), waived: waived.sorted { $0.finding < $1.finding })
    }
}
