import FlowAnalysis

enum ArrivingFlows {
    /// The flows that brought data to `start`, directly or through the holder's own transforms (whose
    /// inputs are walked back), in walk order; nil as soon as one fails `accept`, so a caller that
    /// needs every one of them to pass stops at the first that does not.
    /// `direct` is what feeds `start`, when the caller has it already.
    static func walk(
        from start: Holding, feeding direct: [Contribution]? = nil, in analysis: Analysis, while accept: (Int) -> Bool = { _ in true }
    ) -> [Int]? {
        let direct = direct ?? analysis.graph.contributions[start] ?? []
        // Most holdings are fed by flows only: no walk, and no visited set to allocate.
        if direct.allSatisfy({ if case .flow = $0 { true } else { false } }) {
            for case .flow(let index) in direct where !accept(index) { return nil }
            return direct.compactMap { if case .flow(let index) = $0 { index } else { nil } }
        }
        var result: [Int] = []
        var seen: Set<Holding> = [start]
        var pending = [start]
        while let holding = pending.popLast() {
            for contribution in analysis.graph.contributions[holding] ?? [] {
                switch contribution {
                case .flow(let index):
                    guard accept(index) else { return nil }
                    result.append(index)
                case .transform(let index):
                    // Read in place: a transform is a large value to copy at every step.
                    let holder = analysis.model.transforms[index].holder.name
                    for input in analysis.model.transforms[index].inputs {
                        let next = Holding(holder, input.name)
                        if seen.insert(next).inserted { pending.append(next) }
                    }
                }
            }
        }
        return result
    }
}

extension ArrivingFlows {
    /// `walk(from:in:while:)` over the graph's holding ids: the same flows in the same order,
    /// without building the name-keyed lineage views or hashing a `Holding` per step.
    static func walk(fromHolding start: Int, in graph: FlowGraph, while accept: (Int) -> Bool = { _ in true }) -> [Int]? {
        let direct = graph.contributions(toHolding: start)
        if direct.allSatisfy({ if case .flow = $0 { true } else { false } }) {
            var result: [Int] = []
            result.reserveCapacity(direct.count)
            for case .flow(let index) in direct {
                guard accept(index) else { return nil }
                result.append(index)
            }
            return result
        }
        var result: [Int] = []
        var seen: Set<Int> = [start]
        var pending = [start]
        while let holding = pending.popLast() {
            for contribution in graph.contributions(toHolding: holding) {
                switch contribution {
                case .flow(let index):
                    guard accept(index) else { return nil }
                    result.append(index)
                case .transform(let index):
                    for input in graph.inputHoldings(ofTransform: index) where seen.insert(input).inserted { pending.append(input) }
                }
            }
        }
        return result
    }
}
