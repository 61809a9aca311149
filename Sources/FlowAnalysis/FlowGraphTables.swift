import FlowLanguage
import FlowModel

/// The flow and lineage graphs over dense ids: organisations and datasets interned once, holdings
/// numbered in name order, edges in compressed rows. Everything the analysis computes is indexed
/// by these ids, so no stage hashes or compares a name again.
struct FlowGraphTables: Sendable {
    let organisations: NameTable
    let datasets: NameTable
    let holdings: HoldingIndex
    /// Per dataset id.
    let datasetFacts: [DatasetFacts]
    /// Holdings at a dataset's declared sources (data collected there).
    let sourceHoldings: [Int]
    /// Per flow.
    let senderOrganisation: [Int]
    let recipientOrganisation: [Int]
    let carriedDataset: [Int]
    let senderHolding: [Int]
    let recipientHolding: [Int]
    /// Per transform.
    let outputHolding: [Int]
    let inputHoldings: Adjacency<Int>
    /// Per holding.
    let contributions: Adjacency<Contribution>
    let readers: Adjacency<Int>
    let transformReaders: Adjacency<Int>
    /// Per organisation.
    let flowsFrom: Adjacency<Int>
    let flowsTo: Adjacency<Int>

    init(model: SemanticModel) {
        var (flowNames, declarations) = Parallel.both({ FlowNames(model: model) }, { DeclarationNames(model: model) })
        var organisations = flowNames.organisations
        var datasets = flowNames.datasets
        declarations.renumber(organisations: organisations.absorb(declarations.organisations), datasets: datasets.absorb(declarations.datasets))
        let flowCount = model.flows.count
        var (from, to, carried) = (flowNames.from, flowNames.to, flowNames.carried)
        var (holder, output, input) = (declarations.holder, declarations.output, declarations.input)
        let inputOf = declarations.inputOf
        var (sourceOrganisation, sourceDataset) = (declarations.sourceOrganisation, declarations.sourceDataset)
        let declared = declarations.declared

        let (organisationTable, datasetTable) = Parallel.both({ [organisations] in NameTable(organisations) }, { [datasets] in NameTable(datasets) })
        func organisationIDs(_ seen: [Int]) -> [Int] { seen.map(organisationTable.id(firstSeen:)) }
        func datasetIDs(_ seen: [Int]) -> [Int] { seen.map(datasetTable.id(firstSeen:)) }
        from = organisationIDs(from)
        to = organisationIDs(to)
        carried = datasetIDs(carried)
        holder = organisationIDs(holder)
        output = datasetIDs(output)
        input = datasetIDs(input)
        sourceOrganisation = organisationIDs(sourceOrganisation)
        sourceDataset = datasetIDs(sourceDataset)
        let inputHolder = inputOf.map { holder[$0] }
        var facts = [DatasetFacts](repeating: DatasetFacts(), count: datasetTable.count)
        for (seen, fact) in declared { facts[datasetTable.id(firstSeen: seen)] = fact }

        let index = HoldingIndex(
            organisationCount: organisationTable.count,
            organisations: from + to + holder + inputHolder + sourceOrganisation,
            datasets: carried + carried + output + input + sourceDataset
        )
        func holdingIDs(_ organisations: [Int], _ datasets: [Int]) -> [Int] {
            zip(organisations, datasets).map { index.holding(organisation: $0, dataset: $1)! }
        }
        let sender = holdingIDs(from, carried)
        let recipient = holdingIDs(to, carried)
        let outputs = holdingIDs(holder, output)
        let inputs = holdingIDs(inputHolder, input)
        let transformCount = model.transforms.count

        self.organisations = organisationTable
        self.datasets = datasetTable
        self.holdings = index
        self.datasetFacts = facts
        self.sourceHoldings = holdingIDs(sourceOrganisation, sourceDataset)
        self.senderOrganisation = from
        self.recipientOrganisation = to
        self.carriedDataset = carried
        self.senderHolding = sender
        self.recipientHolding = recipient
        self.outputHolding = outputs
        self.inputHoldings = Adjacency(rowCount: transformCount, rows: inputOf, elements: inputs)
        // Flows before transforms, each in model order: the order the rules and witnesses rely on.
        self.contributions = Adjacency(
            rowCount: index.count, rows: recipient + outputs,
            elements: (0..<flowCount).map(Contribution.flow) + (0..<transformCount).map(Contribution.transform)
        )
        self.readers = Adjacency(rowCount: index.count, rows: sender, elements: Array(0..<flowCount))
        self.transformReaders = Adjacency(rowCount: index.count, rows: inputs, elements: inputOf)
        self.flowsFrom = Adjacency(rowCount: organisationTable.count, rows: from, elements: Array(0..<flowCount))
        self.flowsTo = Adjacency(rowCount: organisationTable.count, rows: to, elements: Array(0..<flowCount))
    }

    func holding(_ id: Int) -> Holding {
        Holding(organisations.names[holdings.organisation[id]], datasets.names[holdings.dataset[id]])
    }

    func holdingID(_ holding: Holding) -> Int? {
        guard let organisation = organisations.id(holding.organisation), let dataset = datasets.id(holding.dataset) else { return nil }
        return holdings.holding(organisation: organisation, dataset: dataset)
    }

    /// A name-keyed dictionary of the non-empty rows of a per-holding table.
    func byHolding<Value>(_ value: (Int) -> Value?) -> [Holding: Value] {
        var result: [Holding: Value] = [:]
        result.reserveCapacity(holdings.count)
        for id in 0..<holdings.count {
            if let value = value(id) { result[holding(id)] = value }
        }
        return result
    }

    /// A name-keyed dictionary of the non-empty rows of a per-holding table.
    func nonEmptyRows<Element>(_ rows: Adjacency<Element>) -> [Holding: [Element]] {
        byHolding { rows.isEmpty(row: $0) ? nil : Array(rows[$0]) }
    }

    /// A name-keyed dictionary of the non-empty rows of a per-organisation table.
    func byOrganisation(_ rows: Adjacency<Int>) -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for id in 0..<rows.rowCount where !rows.isEmpty(row: id) { result[organisations.names[id]] = Array(rows[id]) }
        return result
    }
}
