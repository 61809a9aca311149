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
    /// Pseudonym domains, numbered as first seen, and per dataset id the one it is keyed by.
    let keys: NameNumbering
    let keyOfDataset: [Int?]
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
    /// Per flow: the purposes it names, by number, in order.
    let flowPurposes: Adjacency<Int>
    /// Per purpose number: its category as a one-element array (empty when it is not declared),
    /// made once and shared by every flow with just that purpose.
    private let categoriesOfPurpose: [[PurposeCategory]]

    init(model: SemanticModel) {
        let (flowNames, declarations) = Parallel.both({ FlowNames(model: model) }, { DeclarationNames(model: model) })
        var organisations = flowNames.organisations
        var datasets = flowNames.datasets
        // The flows' numbers carry over; the declarations' are mapped.
        let declaredOrganisation = organisations.absorb(declarations.organisations)
        let declaredDataset = datasets.absorb(declarations.datasets)
        let flowCount = model.flows.count
        let inputOf = declarations.inputOf

        let (organisationTable, datasetTable) = Parallel.both({ [organisations] in NameTable(organisations) }, { [datasets] in NameTable(datasets) })
        let declaredOrganisationID = declaredOrganisation.map { organisationTable.id(firstSeen: $0) }
        let declaredDatasetID = declaredDataset.map { datasetTable.id(firstSeen: $0) }
        let from = flowNames.from.map { organisationTable.id(firstSeen: $0) }
        let to = flowNames.to.map { organisationTable.id(firstSeen: $0) }
        let carried = flowNames.carried.map { datasetTable.id(firstSeen: $0) }
        let holder = declarations.holder.map { declaredOrganisationID[$0] }
        let output = declarations.output.map { declaredDatasetID[$0] }
        let input = declarations.input.map { declaredDatasetID[$0] }
        let sourceOrganisation = declarations.sourceOrganisation.map { declaredOrganisationID[$0] }
        let sourceDataset = declarations.sourceDataset.map { declaredDatasetID[$0] }
        let inputHolder = inputOf.map { holder[$0] }
        var facts = [DatasetFacts](repeating: DatasetFacts(), count: datasetTable.count)
        var keyOfDataset = [Int?](repeating: nil, count: datasetTable.count)
        for (seen, fact, key) in declarations.declared {
            facts[declaredDatasetID[seen]] = fact
            keyOfDataset[declaredDatasetID[seen]] = key
        }

        let (index, holdingOfEntry) = HoldingIndex.numbering(
            organisationCount: organisationTable.count, datasetCount: datasetTable.count,
            organisations: from + to + holder + inputHolder + sourceOrganisation,
            datasets: carried + carried + output + input + sourceDataset
        )
        // The entries' holdings, cut back into the lists they were made from, in the same order.
        var cut = 0
        func nextHoldings(_ count: Int) -> [Int] {
            defer { cut += count }
            return Array(holdingOfEntry[cut..<(cut + count)])
        }
        let sender = nextHoldings(from.count)
        let recipient = nextHoldings(to.count)
        let outputs = nextHoldings(holder.count)
        let inputs = nextHoldings(inputHolder.count)
        let sources = nextHoldings(sourceOrganisation.count)
        let transformCount = model.transforms.count
        let organisationCount = organisationTable.count
        // Given the holdings, what reads each holding and what feeds it are independent: a core each.
        let (outgoing, incoming) = Parallel.both({
            (
                readers: Adjacency(rowCount: index.count, rows: sender, elements: Array(0..<flowCount)),
                flowsFrom: Adjacency(rowCount: organisationCount, rows: from, elements: Array(0..<flowCount)),
                flowsTo: Adjacency(rowCount: organisationCount, rows: to, elements: Array(0..<flowCount)),
                purposes: Adjacency(rowCount: flowCount, rows: flowNames.purposeOf, elements: flowNames.purpose)
            )
        }, {
            (
                inputHoldings: Adjacency(rowCount: transformCount, rows: inputOf, elements: inputs),
                // Flows before transforms, each in model order: the order the rules and witnesses rely on.
                contributions: Adjacency(
                    rowCount: index.count, rows: recipient + outputs,
                    elements: (0..<flowCount).map(Contribution.flow) + (0..<transformCount).map(Contribution.transform)
                ),
                transformReaders: Adjacency(rowCount: index.count, rows: inputs, elements: inputOf)
            )
        })

        self.organisations = organisationTable
        self.datasets = datasetTable
        self.holdings = index
        self.datasetFacts = facts
        self.keys = declarations.keys
        self.keyOfDataset = keyOfDataset
        self.sourceHoldings = sources
        self.senderOrganisation = from
        self.recipientOrganisation = to
        self.carriedDataset = carried
        self.senderHolding = sender
        self.recipientHolding = recipient
        self.outputHolding = outputs
        self.inputHoldings = incoming.inputHoldings
        self.contributions = incoming.contributions
        self.readers = outgoing.readers
        self.transformReaders = incoming.transformReaders
        self.flowsFrom = outgoing.flowsFrom
        self.flowsTo = outgoing.flowsTo
        self.flowPurposes = outgoing.purposes
        let purposes = model.purposes
        self.categoriesOfPurpose = flowNames.purposes.names.map { name in purposes[name].map { [$0.category] } ?? [] }
    }

    /// The categories of a flow's purposes, in order, leaving out undeclared purposes
    /// (`Analysis.purposeCategories(of:)`).
    func purposeCategories(ofFlow index: Int) -> [PurposeCategory] {
        let positions = flowPurposes.positions(ofRow: index)
        if positions.count == 1 { return categoriesOfPurpose[flowPurposes.element(at: positions.lowerBound)] }
        return positions.flatMap { categoriesOfPurpose[flowPurposes.element(at: $0)] }
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
