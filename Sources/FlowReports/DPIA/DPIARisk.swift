import FlowAnalysis
import FlowLanguage
import FlowModel
import FlowRules

/// An open finding read as a risk to individuals, rated on the ICO template's scales: the likelihood
/// from the rule's severity, the severity of the harm from the data's level in the recipient's hands.
public struct DPIARisk: Sendable, Hashable {
    public enum Likelihood: String, Sendable, Hashable, CaseIterable {
        case remote, possible, probable

        /// An error is a defect in the design as recorded: the harm has a path. A warning is a gap that
        /// may or may not be filled outside the model; an info finding a point to confirm.
        init(_ severity: Severity) {
            switch severity {
            case .error: self = .probable
            case .warning: self = .possible
            case .info: self = .remote
            }
        }

        var score: Int { Self.allCases.firstIndex(of: self)! + 1 }
    }

    public enum Harm: String, Sendable, Hashable, CaseIterable {
        case minimal, significant, severe

        /// Data that identifies people (or keeps the NHS number) harms them most when mishandled;
        /// pseudonymised data needs a key or other data to do so; anonymous and aggregate data least.
        init(_ level: IdentifiabilityLevel) {
            switch level {
            case .identifiable, .pseudonymisedWeak: self = .severe
            case .pseudonymised, .anonymisedInContext: self = .significant
            case .anonymised, .aggregate: self = .minimal
            }
        }

        var score: Int { Self.allCases.firstIndex(of: self)! + 1 }
    }

    public enum Overall: String, Sendable, Hashable, CaseIterable {
        case low, medium, high

        /// The ICO's matrix as a product of the two scores (1–3 each): 1–2 low, 3–4 medium, 6–9 high.
        init(_ likelihood: Likelihood, _ harm: Harm) {
            let score = likelihood.score * harm.score
            self = score >= 6 ? .high : score >= 3 ? .medium : .low
        }
    }

    /// "R1", "R2"…: the order of the risk table, highest overall risk first.
    public let number: String
    /// The entry it stands for: one finding, or one rule failing for one reason at several places,
    /// with the findings that follow from it.
    public let group: FindingGroup
    /// Flows in scope the entry concerns, by id.
    public let flows: [String]
    /// The most identifiable level among those flows' recipients; nil when it concerns none in scope.
    public let level: IdentifiabilityLevel?
    public let likelihood: Likelihood
    /// Nil when no flow in scope says what data is at stake: the DPIA must rate it.
    public let harm: Harm?
    public let overall: Overall?

    /// What the entry says: a single finding, or the group's statement listing its places.
    public var finding: Finding { group.lead }

    /// Every open finding in `scope` as a risk — one per root cause, as `flowgate check` lists them
    /// (`FindingGroups`) — highest overall risk first (ties in the findings' order).
    public static func risks(_ context: ReportContext, scope: DPIAScope) -> [DPIARisk] {
        let groups = FindingGroups.build(scope.findings(in: context))
        let rated = groups.map { group -> (FindingGroup, [Int], IdentifiabilityLevel?) in
            let flows = Array(Set((group.members + group.consequences).flatMap { scope.flowsConcerned(by: $0, in: context) }))
            let level = flows.map { context.analysis.identifiability.recipientLevels[$0] }.min { $0.rank < $1.rank }
            return (group, flows, level)
        }
        let ordered = rated.enumerated().sorted { lhs, rhs in
            let left = rank(lhs.element.0.severity, lhs.element.2)
            let right = rank(rhs.element.0.severity, rhs.element.2)
            return left != right ? left > right : lhs.offset < rhs.offset
        }
        return ordered.enumerated().map { position, entry in
            let (group, flows, level) = entry.element
            let likelihood = Likelihood(group.severity)
            let harm = level.map(Harm.init)
            return DPIARisk(
                number: "R\(position + 1)", group: group, flows: context.model.flowIndicesByID(flows).map { context.model.flows[$0].id }, level: level,
                likelihood: likelihood, harm: harm, overall: harm.map { Overall(likelihood, $0) })
        }
    }

    private static func rank(_ severity: Severity, _ level: IdentifiabilityLevel?) -> Int {
        Likelihood(severity).score * (level.map { Harm($0).score } ?? 0)
    }
}

extension DPIAScope {
    /// The flows in scope a finding is about: the flow it targets or whose hop breaks the rule, or the
    /// flows that carry, send, receive, serve or cite what it targets. Read from the finding's public
    /// fields only, so a finding that groups several flows under one target is read the same way.
    func flowsConcerned(by finding: Finding, in context: ReportContext) -> [Int] {
        let model = context.model
        var ids: Set<String> = [finding.target]
        if let witness = finding.witness, witness.hops.indices.contains(witness.breakingHop) {
            let hop = witness.hops[witness.breakingHop]
            if hop.kind == .flow { ids.insert(hop.id) }
        }
        let direct = flows.filter { ids.contains(model.flows[$0].id) }
        if !direct.isEmpty { return direct }
        return flows.filter { index in
            let flow = model.flows[index]
            if flow.from.name == finding.target || flow.to.name == finding.target || flow.dataset.name == finding.target { return true }
            if flow.purposes.contains(where: { $0.name == finding.target }) { return true }
            return context.citedInstruments(flows: [index]).contains(finding.target)
                || context.coveringDPIAs(flow: index).contains(finding.target)
        }
    }
}
