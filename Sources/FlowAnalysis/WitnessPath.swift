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
    /// Other chains that meet this one at a merge (a `link`): for an opt-out lost there, the inputs
    /// that did carry it, so the evidence shows both sides of the join.
    public let branches: [WitnessBranch]

    public init(hops: [WitnessHop], breakingHop: Int, branches: [WitnessBranch] = []) {
        self.hops = hops
        self.breakingHop = max(0, min(breakingHop, hops.count - 1))
        self.branches = branches
    }
}

/// A chain that joins a witness path at a merge.
public struct WitnessBranch: Sendable, Hashable {
    /// Origin first, ending with the hop that brought the input to the merge.
    public let hops: [WitnessHop]
    /// The index, in the path's `hops`, of the transform it joins.
    public let joinsAt: Int
}

/// An opt-out some inputs of a merge carried and its output does not: where and why it is lost.
public struct OptOutLoss: Sendable, Hashable {
    public let optOut: String
    /// The transform (index into `model.transforms`).
    public let transform: Int
    /// The input datasets that carried the opt-out, and those that did not, in input order.
    public let carriedBy: [String]
    public let missingFrom: [String]

    /// In plain words, for messages and traces.
    public func explanation(in model: SemanticModel) -> String {
        let transform = model.transforms[transform]
        let carried = carriedBy.map { "`\($0)`" }.joined(separator: ", ")
        let missing = missingFrom.map { "`\($0)`" }.joined(separator: ", ")
        return "the opt-out `\(optOut)` is lost at the \(transform.operation.rawValue) at `\(transform.holder.name)`: "
            + "\(carried) \(carriedBy.count == 1 ? "carries" : "carry") it but \(missing) \(missingFrom.count == 1 ? "does" : "do") not, "
            + "and a merge keeps an opt-out only when every input it could apply to carries it"
    }
}

extension Analysis {
    /// The upstream chain that brought a flow's data to its sender, then the flow itself.
    /// `prefer` picks, at each merge, the contribution to follow (e.g. one that lacks a filter), and
    /// `preferInput` the input of a transform; otherwise the first in model order. Each holding is
    /// visited once, so cycles end.
    public func witnessPath(
        forFlow index: Int, breakingAt breaking: Int? = nil, prefer: ((Contribution) -> Bool)? = nil, preferInput: ((Int) -> Bool)? = nil
    ) -> WitnessPath {
        let tables = graph.tables
        var seen: Set<Int> = [tables.recipientHolding[index]]
        let upstream = chain(to: tables.senderHolding[index], seen: &seen, prefer: prefer, preferInput: preferInput, limit: 63)
        let hops = Array(([hop(forFlow: index)] + upstream).reversed())
        return WitnessPath(hops: hops, breakingHop: breaking.map { hops.count - 1 - $0 } ?? hops.count - 1)
    }

    /// The hops that brought the data to `start`, nearest first.
    private func chain(
        to start: Int, seen: inout Set<Int>, prefer: ((Contribution) -> Bool)?, preferInput: ((Int) -> Bool)?, limit: Int
    ) -> [WitnessHop] {
        let tables = graph.tables
        var hops: [WitnessHop] = []
        var holding = start
        guard seen.insert(start).inserted else { return [] }
        while hops.count < limit {
            let sources = tables.contributions[holding]
            guard let source = sources.first(where: { prefer?($0) ?? false }) ?? sources.first else { break }
            let previous: Int
            switch source {
            case .flow(let flowIndex):
                previous = tables.senderHolding[flowIndex]
                hops.append(hop(forFlow: flowIndex))
            case .transform(let transformIndex):
                let inputs = tables.inputHoldings[transformIndex]
                let unseen = inputs.filter { !seen.contains($0) }
                previous = unseen.first(where: { preferInput?($0) ?? false }) ?? unseen.first ?? inputs[inputs.startIndex]
                hops.append(hop(forTransform: transformIndex))
            }
            guard seen.insert(previous).inserted else { break }
            holding = previous
        }
        return hops
    }

    /// The chain for an opt-out rule: at each merge, follow the input on which `optOut` is missing;
    /// where the opt-out is lost at a merge, the inputs that carried it are branches of the path.
    public func witnessPath(forFlow index: Int, lackingOptOut optOut: String) -> WitnessPath {
        let lacks: (Contribution) -> Bool = { contribution in
            switch contribution {
            case .flow(let upstream): !self.optOuts.arrivingFilters[upstream].contains(optOut)
            case .transform(let transform): !self.optOuts.hasFilter(optOut, atHolding: self.graph.outputHoldings[transform])
            }
        }
        let path = witnessPath(forFlow: index, prefer: lacks, preferInput: { !self.optOuts.hasFilter(optOut, atHolding: $0) })
        let tables = graph.tables
        var branches: [WitnessBranch] = []
        for (position, hop) in path.hops.enumerated() where hop.kind == .transform {
            guard let transform = transformIndex(of: hop), optOutLoss(of: optOut, at: transform) != nil else { continue }
            for input in tables.inputHoldings[transform] where optOuts.hasFilter(optOut, atHolding: input) {
                var seen: Set<Int> = []
                let carries: (Contribution) -> Bool = { !lacks($0) }
                let hops = chain(to: input, seen: &seen, prefer: carries, preferInput: { self.optOuts.hasFilter(optOut, atHolding: $0) }, limit: 32)
                if !hops.isEmpty { branches.append(WitnessBranch(hops: hops.reversed(), joinsAt: position)) }
            }
        }
        return WitnessPath(hops: path.hops, breakingHop: path.breakingHop, branches: branches)
    }

    /// The transform a witness hop stands for.
    public func transformIndex(of hop: WitnessHop) -> Int? {
        guard hop.kind == .transform, let holding = graph.tables.holdingID(Holding(hop.from, hop.id)) else { return nil }
        for contribution in graph.tables.contributions[holding] {
            if case .transform(let index) = contribution { return index }
        }
        return nil
    }

    /// Whether a merge loses `optOut`: some input carried it and the output does not.
    public func optOutLoss(of optOut: String, at transform: Int) -> OptOutLoss? {
        let tables = graph.tables
        let inputs = Array(tables.inputHoldings[transform])
        guard inputs.count > 1, !optOuts.hasFilter(optOut, atHolding: tables.outputHolding[transform]) else { return nil }
        let datasets = model.transforms[transform].inputs.map(\.name)
        guard datasets.count == inputs.count else { return nil }
        let carried = inputs.indices.filter { optOuts.hasFilter(optOut, atHolding: inputs[$0]) }
        guard !carried.isEmpty else { return nil }
        return OptOutLoss(
            optOut: optOut, transform: transform,
            carriedBy: carried.map { datasets[$0] },
            missingFrom: inputs.indices.filter { !carried.contains($0) }.map { datasets[$0] }
        )
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
