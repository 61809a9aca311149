import FlowAnalysis

/// Each dataset's derivation inputs over the graph's dataset ids (`SemanticModel.derivationInputs`
/// by id), so lineage walks compare integers where they hashed dataset names at every step.
struct DatasetLineage: Sendable {
    /// By dataset id: the inputs of every transform that makes it, in model order.
    let inputs: [[Int]]

    init(graph: FlowGraph) {
        var inputs = [[Int]](repeating: [], count: graph.datasets.count)
        // No `map(graph.datasetID(ofHolding:))`: a method reference copies the whole graph.
        for (transform, output) in graph.outputHoldings.enumerated() {
            let made = graph.datasetID(ofHolding: output)
            for input in graph.inputHoldings(ofTransform: transform) { inputs[made].append(graph.datasetID(ofHolding: input)) }
        }
        self.inputs = inputs
    }

    static func shared(by collector: FindingCollector) -> DatasetLineage {
        collector.facts.value(DatasetLineage.self) { DatasetLineage(graph: collector.analysis.graph) }
    }

    /// Every dataset `dataset` is derived from, transitively (`Lineage.ancestors(of:in:)`).
    func ancestors(of dataset: Int) -> Set<Int> {
        var result: Set<Int> = []
        var pending = [dataset]
        while let current = pending.popLast() {
            for input in inputs[current] where result.insert(input).inserted { pending.append(input) }
        }
        return result
    }
}
