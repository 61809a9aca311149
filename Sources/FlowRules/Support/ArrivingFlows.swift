import FlowAnalysis

enum ArrivingFlows {
    /// The flows that brought data to holding `start`, directly or through the holder's own
    /// transforms (whose inputs are walked back), in walk order; nil as soon as one fails `accept`,
    /// so a caller that needs every one of them to pass stops at the first that does not.
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
