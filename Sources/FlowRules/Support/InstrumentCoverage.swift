import FlowAnalysis
import FlowModel

/// Whether an instrument's `datasets` and `purposes`, where it lists any, cover a flow, for one
/// rule run: the flows' purposes are compared as masks, and each dataset's ancestors are walked
/// once per run rather than once per flow (a national collection can be derived from thousands).
struct InstrumentCoverage {
    let asOf: Day
    private let model: SemanticModel
    private let purposes: [PurposeCategorySet]
    private var ancestors: [String: Set<String>] = [:]

    init(_ collector: FindingCollector) {
        asOf = collector.asOf
        model = collector.model
        purposes = PurposeCategorySet.PerFlow.shared(by: collector)
    }

    /// True when nothing is listed; else whether the flow's dataset, or one it is derived from, is.
    mutating func coversDataset(_ listed: [Reference], flow index: Int) -> Bool {
        if listed.isEmpty { return true }
        let dataset = model.flows[index].dataset.name
        if listed.contains(where: { $0.name == dataset }) { return true }
        guard model.derivationInputs[dataset] != nil else { return false }
        let known = ancestors[dataset] ?? Lineage.ancestors(of: dataset, in: model)
        ancestors[dataset] = known
        return listed.contains { known.contains($0.name) }
    }

    /// True when nothing is listed; else whether the listed purposes (`mask`, their categories)
    /// cover every purpose of the flow by category — purposes that act for someone else
    /// (processing support, archiving, destruction) need no listing.
    func coversPurposes(_ listed: [Reference], mask: PurposeCategorySet, flow index: Int) -> Bool {
        listed.isEmpty || mask.covers(purposes[index])
    }
}
