import FlowModel

/// Which opt-out filters the data at every holding has been through (domain.md §4.4): applied
/// filters travel with the data; a merge keeps only the filters every input had (intersection);
/// data at its origin has none. Computed as a greatest fixpoint over a worklist, so cycles in the
/// flow graph terminate: every set only ever shrinks, and sets are finite.
public struct OptOutPropagation: Sendable {
    /// Filters already applied to the data held at each holding.
    public let filtersAt: [Holding: Set<String>]
    /// Per flow: filters on the data as it arrives at the recipient (sender's filters plus the flow's own).
    public let arrivingFilters: [Set<String>]
    /// Holdings where the data starts unfiltered (collected there, or with no visible upstream).
    public let origins: Set<Holding>

    public init(model: SemanticModel, graph: FlowGraph) {
        let universe = Set(model.optOuts.keys)
        let origins = OptOutPropagation.origins(model: model, graph: graph)
        var filters: [Holding: Set<String>] = [:]
        for holding in graph.holdings {
            filters[holding] = origins.contains(holding) ? [] : universe
        }
        // Upstream holdings first (popLast takes from the end): on acyclic parts every holding is
        // then computed once, from final inputs, instead of once per change of each of its inputs.
        var worklist = Array(OptOutPropagation.topologicalOrder(model: model, graph: graph).reversed().filter { !origins.contains($0) })
        var queued = Set(worklist)
        func contribution(_ source: Contribution, current: [Holding: Set<String>]) -> Set<String> {
            switch source {
            case .flow(let index):
                let flow = model.flows[index]
                return current[Holding(flow.from.name, flow.dataset.name)]!.union(flow.appliedOptOuts.map(\.name))
            case .transform(let index):
                let transform = model.transforms[index]
                var result = universe
                for input in transform.inputs {
                    result.formIntersection(current[Holding(transform.holder.name, input.name)] ?? [])
                }
                if transform.operation == .filter { result.formUnion(transform.optOuts.map(\.name)) }
                return result
            }
        }
        while let holding = worklist.popLast() {
            queued.remove(holding)
            var value = origins.contains(holding) ? Set<String>() : universe
            for source in graph.contributions[holding] ?? [] {
                value.formIntersection(contribution(source, current: filters))
            }
            guard value != filters[holding] else { continue }
            filters[holding] = value
            // Everything that reads this holding may change.
            for index in graph.readers[holding] ?? [] {
                let flow = model.flows[index]
                let next = Holding(flow.to.name, flow.dataset.name)
                if queued.insert(next).inserted { worklist.append(next) }
            }
            for index in graph.transformReaders[holding] ?? [] {
                let transform = model.transforms[index]
                let next = Holding(transform.holder.name, transform.output)
                if queued.insert(next).inserted { worklist.append(next) }
            }
        }
        self.filtersAt = filters
        self.origins = origins
        self.arrivingFilters = model.flows.map { flow in
            filters[Holding(flow.from.name, flow.dataset.name)]!.union(flow.appliedOptOuts.map(\.name))
        }
    }

    /// Holdings ordered so that each comes after everything that feeds it (Kahn's algorithm);
    /// holdings on cycles follow, in sorted order.
    static func topologicalOrder(model: SemanticModel, graph: FlowGraph) -> [Holding] {
        var pendingInputs: [Holding: Int] = [:]
        for (holding, sources) in graph.contributions {
            var count = 0
            for source in sources {
                switch source {
                case .flow: count += 1
                case .transform(let index): count += model.transforms[index].inputs.count
                }
            }
            pendingInputs[holding] = count
        }
        func successors(of holding: Holding) -> [Holding] {
            (graph.readers[holding] ?? []).map { Holding(model.flows[$0].to.name, model.flows[$0].dataset.name) }
                + (graph.transformReaders[holding] ?? []).flatMap { index in
                    let transform = model.transforms[index]
                    // One edge per input that reads this holding, matching the count above.
                    return transform.inputs.filter { $0.name == holding.dataset }.map { _ in Holding(transform.holder.name, transform.output) }
                }
        }
        var order: [Holding] = []
        order.reserveCapacity(graph.holdings.count)
        var placed: Set<Holding> = []
        var ready = graph.holdings.filter { (pendingInputs[$0] ?? 0) == 0 }
        var next = 0
        while next < ready.count {
            let holding = ready[next]
            next += 1
            order.append(holding)
            placed.insert(holding)
            for successor in successors(of: holding) {
                guard let remaining = pendingInputs[successor] else { continue }
                pendingInputs[successor] = remaining - 1
                if remaining == 1 { ready.append(successor) }
            }
        }
        order += graph.holdings.filter { !placed.contains($0) }
        return order
    }

    /// Holdings nothing feeds, holdings at a dataset's declared sources, and — for a base dataset
    /// whose every holding is fed from inside a cycle and that declares no `source` — the sender of
    /// the first flow that carries it (the data is taken to start where it is first sent from).
    static func origins(model: SemanticModel, graph: FlowGraph) -> Set<Holding> {
        var result: Set<Holding> = []
        var datasetsWithOrigin: Set<String> = []
        for holding in graph.holdings where (graph.contributions[holding] ?? []).isEmpty {
            result.insert(holding)
            datasetsWithOrigin.insert(holding.dataset)
        }
        for dataset in model.sortedDatasets {
            for source in dataset.sources {
                result.insert(Holding(source.name, dataset.id))
                datasetsWithOrigin.insert(dataset.id)
            }
        }
        for flow in model.flows where !datasetsWithOrigin.contains(flow.dataset.name) {
            guard model.datasets[flow.dataset.name]?.isDerived == false else { continue }
            result.insert(Holding(flow.from.name, flow.dataset.name))
            datasetsWithOrigin.insert(flow.dataset.name)
        }
        return result
    }
}
