import FlowAnalysis
import FlowModel

/// Whether an instrument's `datasets` and `purposes`, where it lists any, cover a flow, for one
/// rule run: each dataset's ancestors are walked once per run rather than once per flow (a
/// national collection can be derived from thousands). A list left empty does not restrict that
/// dimension; an instrument that lists neither is FG042's finding.
struct InstrumentCoverage {
    let asOf: Day
    private let model: SemanticModel
    private let kinds: KindOf
    private var ancestors: [String: Set<String>] = [:]

    init(_ collector: FindingCollector) {
        asOf = collector.asOf
        model = collector.model
        kinds = KindOf.shared(by: collector)
    }

    /// True when nothing is listed; else whether the flow's dataset, or one it is derived from, is
    /// listed or declared a kind of a listed one.
    mutating func coversDataset(_ listed: [Reference], flow index: Int) -> Bool {
        if listed.isEmpty { return true }
        let names = Set(listed.map(\.name))
        let dataset = model.flows[index].dataset.name
        if kinds.dataset(dataset, isWithin: names) { return true }
        guard model.derivationInputs[dataset] != nil else { return false }
        let known = ancestors[dataset] ?? Lineage.ancestors(of: dataset, in: model)
        ancestors[dataset] = known
        return known.contains { kinds.dataset($0, isWithin: names) }
    }

    /// True when nothing is listed; else whether every purpose of the flow is listed or declared a
    /// kind of a listed one — purposes that act for someone else's use (processing support,
    /// archiving, destruction) need no listing.
    func coversPurposes(_ listed: [Reference], flow index: Int) -> Bool {
        if listed.isEmpty { return true }
        let names = Set(listed.map(\.name))
        return model.flows[index].purposes.allSatisfy { purpose in
            model.purposes[purpose.name].map { $0.category.passesThrough } == true || kinds.purpose(purpose.name, isWithin: names)
        }
    }
}
