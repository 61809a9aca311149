import FlowModel

/// Why data is more identifiable in a holder's hands than on the wire (domain.md §3.2).
public enum Escalation: Sendable, Hashable, CustomStringConvertible {
    /// The holder holds the key of the data's pseudonym domain.
    case holdsKey(String)
    /// The holder also holds another dataset sharing a linkable identifier (pseudonym domain or NHS number).
    case linkable(with: String, via: String)

    public var description: String {
        switch self {
        case .holdsKey(let key): "holds the pseudonymisation key `\(key)`"
        case .linkable(let other, let via): "can link it with `\(other)` via \(via)"
        }
    }
}

/// Identifiability as a property of (dataset, holder).
public struct IdentifiabilityAnalysis: Sendable {
    /// The most identifiable level at which each holding receives or makes its data, before escalation.
    public let inherentLevels: [Holding: IdentifiabilityLevel]
    /// The level in the holder's hands, after escalation.
    public let effectiveLevels: [Holding: IdentifiabilityLevel]
    public let escalations: [Holding: [Escalation]]
    /// Per flow: the level of the data on the wire (the declared level, or the dataset's own level
    /// when the declaration understates it).
    public let wireLevels: [IdentifiabilityLevel]
    /// Per flow: the level in the recipient's hands.
    public let recipientLevels: [IdentifiabilityLevel]

    public init(model: SemanticModel, graph: FlowGraph) {
        var wire: [IdentifiabilityLevel] = []
        var inherent: [Holding: IdentifiabilityLevel] = [:]
        for flow in model.flows {
            let datasetLevel = model.datasets[flow.dataset.name]?.level ?? .identifiable
            let level = max(flow.level, datasetLevel)
            wire.append(level)
            let target = Holding(flow.to.name, flow.dataset.name)
            inherent[target] = max(inherent[target] ?? level, level)
        }
        for holding in graph.holdings where inherent[holding] == nil {
            inherent[holding] = model.datasets[holding.dataset]?.level ?? .identifiable
        }
        var keysHeld: [String: Set<String>] = [:]
        for key in model.keys.values {
            for holder in key.heldBy { keysHeld[holder.name, default: []].insert(key.id) }
        }
        var effective: [Holding: IdentifiabilityLevel] = [:]
        var escalations: [Holding: [Escalation]] = [:]
        for holding in graph.holdings {
            let level = inherent[holding]!
            let reasons = IdentifiabilityAnalysis.escalationReasons(
                for: holding, level: level, model: model, graph: graph, inherent: inherent, keysHeld: keysHeld
            )
            escalations[holding] = reasons
            effective[holding] = reasons.isEmpty ? level : .identifiable
        }
        self.inherentLevels = inherent
        self.effectiveLevels = effective
        self.escalations = escalations
        self.wireLevels = wire
        self.recipientLevels = model.flows.enumerated().map { index, flow in
            let holding = Holding(flow.to.name, flow.dataset.name)
            return (escalations[holding] ?? []).isEmpty ? wire[index] : .identifiable
        }
    }

    static func escalationReasons(
        for holding: Holding, level: IdentifiabilityLevel, model: SemanticModel, graph: FlowGraph,
        inherent: [Holding: IdentifiabilityLevel], keysHeld: [String: Set<String>]
    ) -> [Escalation] {
        // Only de-identified personal data can rise; identifiable data is already there and
        // anonymised or aggregate data carries nothing to link on.
        guard level != .identifiable, level.isPersonalData, let dataset = model.datasets[holding.dataset] else { return [] }
        var reasons: [Escalation] = []
        if let key = dataset.key?.name, keysHeld[holding.organisation]?.contains(key) == true {
            reasons.append(.holdsKey(key))
        }
        for other in graph.datasetsAt[holding.organisation] ?? [] where other != holding.dataset {
            guard let otherDataset = model.datasets[other],
                  let otherLevel = inherent[Holding(holding.organisation, other)], otherLevel.isPersonalData,
                  !isLineageRelated(dataset, otherDataset, model: model) else { continue }
            if let key = dataset.key?.name, otherDataset.key?.name == key {
                reasons.append(.linkable(with: other, via: "the pseudonym domain `\(key)`"))
            } else if dataset.identifiers.contains(.nhsNumber), otherDataset.identifiers.contains(.nhsNumber) {
                reasons.append(.linkable(with: other, via: "the NHS number"))
            }
        }
        return reasons
    }

    /// A dataset and what it was derived from are the same people's records, not a new linkage.
    static func isLineageRelated(_ a: Dataset, _ b: Dataset, model: SemanticModel) -> Bool {
        let ancestorsOfA = Lineage.ancestors(of: a.id, in: model)
        let ancestorsOfB = Lineage.ancestors(of: b.id, in: model)
        return ancestorsOfA.contains(b.id) || ancestorsOfB.contains(a.id)
    }
}

public enum Lineage {
    /// Every dataset `id` is derived from, transitively.
    public static func ancestors(of id: String, in model: SemanticModel) -> Set<String> {
        var result: Set<String> = []
        var pending = [id]
        while let current = pending.popLast() {
            for transform in model.transforms where transform.output == current {
                for input in transform.inputs where result.insert(input.name).inserted {
                    pending.append(input.name)
                }
            }
        }
        return result
    }
}
