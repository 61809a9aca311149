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
        let (contributions, inputHoldings) = (tables.contributions, tables.inputHoldings)
        let (readers, transformReaders) = (tables.readers, tables.transformReaders)
        let (recipientHolding, outputHolding) = (tables.recipientHolding, tables.outputHolding)
        var pendingInputs = [Int](repeating: 0, count: count)
        for holding in 0..<count {
            for position in contributions.positions(ofRow: holding) {
                switch contributions.element(at: position) {
                case .flow: pendingInputs[holding] += 1
                case .transform(let index): pendingInputs[holding] += inputHoldings.positions(ofRow: index).count
                }
            }
        }
        var order: [Int] = []
        order.reserveCapacity(count)
        var placed = [Bool](repeating: false, count: count)
        var ready = (0..<count).filter { pendingInputs[$0] == 0 }
        ready.reserveCapacity(count)
        var next = 0
        func release(_ successor: Int) {
            // Only holdings something feeds wait for inputs (a transform may name an input twice).
            guard !contributions.isEmpty(row: successor) else { return }
            pendingInputs[successor] -= 1
            if pendingInputs[successor] == 0 { ready.append(successor) }
        }
        while next < ready.count {
            let holding = ready[next]
            next += 1
            order.append(holding)
            placed[holding] = true
            for position in readers.positions(ofRow: holding) { release(recipientHolding[readers.element(at: position)]) }
            for position in transformReaders.positions(ofRow: holding) {
                let index = transformReaders.element(at: position)
                // One edge per input that reads this holding, matching the count above.
                for input in inputHoldings.positions(ofRow: index) where inputHoldings.element(at: input) == holding {
                    release(outputHolding[index])
                }
            }
        }
        order += (0..<count).filter { !placed[$0] }
        return order
    }
}
