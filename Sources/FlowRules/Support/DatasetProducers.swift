import FlowAnalysis

/// By dataset id, the first transform (model order) that makes the dataset: what rules walking a
/// dataset's lineage upwards look up at each step, instead of scanning or hashing the transforms.
struct DatasetProducers: Sendable {
    private let producers: [Int?]

    init(graph: FlowGraph) {
        var producers = [Int?](repeating: nil, count: graph.datasets.count)
        for (transform, output) in graph.outputHoldings.enumerated() where producers[graph.datasetID(ofHolding: output)] == nil {
            producers[graph.datasetID(ofHolding: output)] = transform
        }
        self.producers = producers
    }

    /// The index in `model.transforms` of the first transform that makes `dataset`.
    subscript(dataset: Int) -> Int? { producers[dataset] }

    static func shared(by collector: FindingCollector) -> DatasetProducers {
        collector.facts.value(DatasetProducers.self) { DatasetProducers(graph: collector.analysis.graph) }
    }
}
