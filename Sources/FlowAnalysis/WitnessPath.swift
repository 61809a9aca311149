import FlowLanguage
import FlowModel

/// One step of a chain of custody: a flow between organisations, or a transform at one.
public struct WitnessHop: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case flow, transform }
    public let kind: Kind
    /// The flow's id, or the transform's output dataset.
    public let id: String
    public let from: String
    public let to: String
    public let dataset: String
    /// The level in the receiving holder's hands.
    public let level: IdentifiabilityLevel
    /// "art6 e, art9 h, s251-reg5 cag-7-04a" — the gateways the hop relies on.
    public let bases: String
    /// Opt-out filters the data carries after this hop.
    public let filters: [String]
    public let span: SourceSpan
}

/// The path that shows why a rule fires: the chain from the data's origin to the flow at fault,
/// with `breakingHop` marking the hop that breaks the rule.
public struct WitnessPath: Sendable, Hashable {
    public let hops: [WitnessHop]
    public let breakingHop: Int

    public init(hops: [WitnessHop], breakingHop: Int) {
        self.hops = hops
        self.breakingHop = max(0, min(breakingHop, hops.count - 1))
    }
}

extension Analysis {
    /// The upstream chain that brought a flow's data to its sender, then the flow itself.
    /// `prefer` picks, at each merge, the input to follow (e.g. one that lacks a filter);
    /// otherwise the first in model order. Each holding is visited once, so cycles end.
    public func witnessPath(forFlow index: Int, breakingAt breaking: Int? = nil, prefer: ((Contribution) -> Bool)? = nil) -> WitnessPath {
        let tables = graph.tables
        var hops: [WitnessHop] = [hop(forFlow: index)]
        var holding = tables.senderHolding[index]
        var seen: Set<Int> = [tables.recipientHolding[index], holding]
        while hops.count < 64 {
            let sources = tables.contributions[holding]
            guard let source = sources.first(where: { prefer?($0) ?? false }) ?? sources.first else { break }
            let previous: Int
            switch source {
            case .flow(let flowIndex):
                previous = tables.senderHolding[flowIndex]
                hops.append(hop(forFlow: flowIndex))
            case .transform(let transformIndex):
                let inputs = tables.inputHoldings[transformIndex]
                previous = inputs.first(where: { !seen.contains($0) }) ?? inputs[inputs.startIndex]
                hops.append(hop(forTransform: transformIndex))
            }
            guard seen.insert(previous).inserted else { break }
            holding = previous
        }
        hops.reverse()
        return WitnessPath(hops: hops, breakingHop: breaking.map { hops.count - 1 - $0 } ?? hops.count - 1)
    }

    /// The chain for an opt-out rule: at each merge, follow the input on which `optOut` is missing.
    public func witnessPath(forFlow index: Int, lackingOptOut optOut: String) -> WitnessPath {
        witnessPath(forFlow: index) { contribution in
            switch contribution {
            case .flow(let upstream):
                !optOuts.arrivingFilters[upstream].contains(optOut)
            case .transform(let transform):
                !optOuts.hasFilter(optOut, atHolding: graph.outputHoldings[transform])
            }
        }
    }

    func hop(forFlow index: Int) -> WitnessHop {
        let flow = model.flows[index]
        var bases: [String] = []
        if let art6 = flow.article6 { bases.append("art6 \(art6.basis.rawValue)") }
        if !flow.article9Conditions.isEmpty { bases.append("art9 " + flow.article9Conditions.map(\.rawValue).joined(separator: ", ")) }
        if let confidentiality = flow.confidentiality {
            bases.append(([confidentiality.basis.rawValue] + [confidentiality.instrument?.name].compactMap { $0 }).joined(separator: " "))
        }
        return WitnessHop(
            kind: .flow, id: flow.id, from: flow.from.name, to: flow.to.name, dataset: flow.dataset.name,
            level: identifiability.recipientLevels[index], bases: bases.isEmpty ? "no basis recorded" : bases.joined(separator: ", "),
            filters: optOuts.arrivingFilters[index].sorted(), span: flow.span
        )
    }

    func hop(forTransform index: Int) -> WitnessHop {
        let transform = model.transforms[index]
        let holding = graph.outputHoldings[index]
        return WitnessHop(
            kind: .transform, id: transform.output, from: transform.holder.name, to: transform.holder.name,
            dataset: transform.output, level: identifiability.effectiveLevelByHolding[holding],
            bases: "\(transform.operation.rawValue) \(transform.inputs.map(\.name).joined(separator: ", "))",
            filters: optOuts.filters(atHolding: holding).sorted(), span: transform.span
        )
    }
}
