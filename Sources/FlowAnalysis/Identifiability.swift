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
        let linkage = LinkageIndex(model: model, graph: graph, inherent: inherent)
        var effective: [Holding: IdentifiabilityLevel] = [:]
        var escalations: [Holding: [Escalation]] = [:]
        for holding in graph.holdings {
            let level = inherent[holding]!
            let reasons = IdentifiabilityAnalysis.escalationReasons(for: holding, level: level, model: model, linkage: linkage, keysHeld: keysHeld)
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
        for holding: Holding, level: IdentifiabilityLevel, model: SemanticModel, linkage: LinkageIndex,
        keysHeld: [String: Set<String>]
    ) -> [Escalation] {
        // Only de-identified personal data can rise; identifiable data is already there and
        // anonymised or aggregate data carries nothing to link on.
        guard level != .identifiable, level.isPersonalData, let dataset = model.datasets[holding.dataset] else { return [] }
        var reasons: [Escalation] = []
        if let key = dataset.key?.name, keysHeld[holding.organisation]?.contains(key) == true {
            reasons.append(.holdsKey(key))
        }
        if let key = dataset.key?.name, let other = linkage.partner(of: holding, sharing: .key(key)) {
            reasons.append(.linkable(with: other, via: "the pseudonym domain `\(key)`"))
        } else if dataset.identifiers.contains(.nhsNumber), let other = linkage.partner(of: holding, sharing: .nhsNumber) {
            reasons.append(.linkable(with: other, via: "the NHS number"))
        }
        return reasons
    }
}

/// The personal datasets each organisation holds, grouped by what they could be linked on, so a
/// linkage partner is found without comparing every pair.
struct LinkageIndex {
    enum LinkField: Hashable {
        case key(String)
        case nhsNumber
    }

    private var groups: [String: [LinkField: [String]]] = [:]
    private let ancestors: [String: Set<String>]

    init(model: SemanticModel, graph: FlowGraph, inherent: [Holding: IdentifiabilityLevel]) {
        ancestors = Lineage.ancestorsByDataset(in: model)
        for holding in graph.holdings {
            guard let dataset = model.datasets[holding.dataset], inherent[holding]?.isPersonalData == true else { continue }
            if let key = dataset.key?.name {
                groups[holding.organisation, default: [:]][.key(key), default: []].append(holding.dataset)
            }
            if dataset.identifiers.contains(.nhsNumber) {
                groups[holding.organisation, default: [:]][.nhsNumber, default: []].append(holding.dataset)
            }
        }
    }

    /// Another dataset at the same holder sharing `field` that is not the same records under
    /// another name (a dataset and what it was derived from are not a new linkage).
    func partner(of holding: Holding, sharing field: LinkField) -> String? {
        let own = ancestors[holding.dataset] ?? []
        for other in groups[holding.organisation]?[field] ?? [] where other != holding.dataset {
            if own.contains(other) || ancestors[other]?.contains(holding.dataset) == true { continue }
            return other
        }
        return nil
    }
}

public enum Lineage {
    /// Every dataset's ancestors, computed once (derivation is acyclic: the resolver rejects cycles).
    public static func ancestorsByDataset(in model: SemanticModel) -> [String: Set<String>] {
        let inputsOf = model.derivationInputs
        var result: [String: Set<String>] = [:]
        // Iterative post-order so long derivation chains cannot exhaust the stack.
        for root in inputsOf.keys.sorted() where result[root] == nil {
            var stack: [(id: String, expanded: Bool)] = [(root, false)]
            while let (id, expanded) = stack.popLast() {
                if result[id] != nil { continue }
                let inputs = inputsOf[id] ?? []
                if expanded {
                    var all = Set(inputs)
                    for input in inputs { all.formUnion(result[input] ?? []) }
                    result[id] = all
                } else {
                    stack.append((id, true))
                    for input in inputs where result[input] == nil { stack.append((input, false)) }
                }
            }
        }
        return result
    }

    /// Every dataset `id` is derived from, transitively (a walk from `id` only).
    public static func ancestors(of id: String, in model: SemanticModel) -> Set<String> {
        var result: Set<String> = []
        var pending = [id]
        while let current = pending.popLast() {
            for input in model.derivationInputs[current] ?? [] where result.insert(input).inserted {
                pending.append(input)
            }
        }
        return result
    }
}
