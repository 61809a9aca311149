import FlowModel

/// Where opt-out propagation starts, and the order it visits holdings in.
enum OptOutOrigins {
    /// Per holding: nothing feeds it, it is at a dataset's declared source, or — for a base dataset
    /// whose every holding is fed from inside a cycle and that declares no `source` — it is the
    /// sender's copy in the first flow that carries it (the data is taken to start where it is
    /// first sent from).
    static func holdings(model: SemanticModel, tables: FlowGraphTables) -> [Bool] {
        var result = [Bool](repeating: false, count: tables.holdings.count)
        var datasetHasOrigin = [Bool](repeating: false, count: tables.datasets.count)
        for holding in 0..<tables.holdings.count where tables.contributions.isEmpty(row: holding) {
            result[holding] = true
            datasetHasOrigin[tables.holdings.dataset[holding]] = true
        }
        for holding in tables.sourceHoldings {
            result[holding] = true
            datasetHasOrigin[tables.holdings.dataset[holding]] = true
        }
        for sender in tables.senderHolding {
            let dataset = tables.holdings.dataset[sender]
            guard !datasetHasOrigin[dataset] else { continue }
            let facts = tables.datasetFacts[dataset]
            guard facts.isDeclared, !facts.isDerived else { continue }
            result[sender] = true
            datasetHasOrigin[dataset] = true
        }
        return result
    }

    /// Holdings ordered so that each comes after everything that feeds it (Kahn's algorithm);
    /// holdings on cycles follow, in id order.
    static func topologicalOrder(tables: FlowGraphTables) -> [Int] {
        let count = tables.holdings.count
        var pendingInputs = [Int](repeating: 0, count: count)
        for holding in 0..<count {
            for source in tables.contributions[holding] {
                switch source {
                case .flow: pendingInputs[holding] += 1
                case .transform(let index): pendingInputs[holding] += tables.inputHoldings[index].count
                }
            }
        }
        var order: [Int] = []
        order.reserveCapacity(count)
        var placed = [Bool](repeating: false, count: count)
        var ready = (0..<count).filter { pendingInputs[$0] == 0 }
        var next = 0
        func release(_ successor: Int) {
            // Only holdings something feeds wait for inputs (a transform may name an input twice).
            guard !tables.contributions.isEmpty(row: successor) else { return }
            pendingInputs[successor] -= 1
            if pendingInputs[successor] == 0 { ready.append(successor) }
        }
        while next < ready.count {
            let holding = ready[next]
            next += 1
            order.append(holding)
            placed[holding] = true
            for index in tables.readers[holding] { release(tables.recipientHolding[index]) }
            for index in tables.transformReaders[holding] {
                // One edge per input that reads this holding, matching the count above.
                for input in tables.inputHoldings[index] where input == holding { release(tables.outputHolding[index]) }
            }
        }
        order += (0..<count).filter { !placed[$0] }
        return order
    }
}
