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
        var hops: [WitnessHop] = [hop(forFlow: index)]
        let flow = model.flows[index]
        var holding = Holding(flow.from.name, flow.dataset.name)
        var seen: Set<Holding> = [Holding(flow.to.name, flow.dataset.name), holding]
        while hops.count < 64 {
            let sources = graph.contributions[holding] ?? []
            guard let source = sources.first(where: { prefer?($0) ?? false }) ?? sources.first else { break }
            let previous: Holding
            switch source {
            case .flow(let flowIndex):
                let upstream = model.flows[flowIndex]
                previous = Holding(upstream.from.name, upstream.dataset.name)
                hops.append(hop(forFlow: flowIndex))
            case .transform(let transformIndex):
                let transform = model.transforms[transformIndex]
                let input = transform.inputs.first(where: { !seen.contains(Holding(transform.holder.name, $0.name)) }) ?? transform.inputs[0]
                previous = Holding(transform.holder.name, input.name)
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
                !(optOuts.filtersAt[Holding(model.transforms[transform].holder.name, model.transforms[transform].output)] ?? []).contains(optOut)
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
        let holding = Holding(transform.holder.name, transform.output)
        return WitnessHop(
            kind: .transform, id: transform.output, from: transform.holder.name, to: transform.holder.name,
            dataset: transform.output, level: identifiability.effectiveLevels[holding] ?? .identifiable,
            bases: "\(transform.operation.rawValue) \(transform.inputs.map(\.name).joined(separator: ", "))",
            filters: (optOuts.filtersAt[holding] ?? []).sorted(), span: transform.span
        )
    }
}
