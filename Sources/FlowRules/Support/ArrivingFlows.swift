import FlowAnalysis

enum ArrivingFlows {
    /// The flows that brought data to `start`, directly or through the holder's own transforms (whose
    /// inputs are walked back), in walk order; nil as soon as one fails `accept`, so a caller that
    /// needs every one of them to pass stops at the first that does not.
    static func walk(from start: Holding, in analysis: Analysis, while accept: (Int) -> Bool = { _ in true }) -> [Int]? {
        let direct = analysis.graph.contributions[start] ?? []
        // Most holdings are fed by flows only: no walk, and no visited set to allocate.
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
        var seen: Set<Holding> = [start]
        var pending = [start]
        while let holding = pending.popLast() {
            for contribution in analysis.graph.contributions[holding] ?? [] {
                switch contribution {
                case .flow(let index):
                    guard accept(index) else { return nil }
                    result.append(index)
                case .transform(let index):
                    let transform = analysis.model.transforms[index]
                    for input in transform.inputs {
                        let next = Holding(transform.holder.name, input.name)
                        if seen.insert(next).inserted { pending.append(next) }
                    }
                }
            }
        }
        return result
    }
}
