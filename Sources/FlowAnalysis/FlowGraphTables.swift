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
    let keys: NameInterner
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
        let names = GraphNames(model: model)
        let flowNames = names.flows
        let slices = names.declarations
        let flowCount = model.flows.count
        let inputOf = slices.flatMap(\.inputOf)
        // Which of the slices' dataset names the flows already numbered, looked up on every core
        // (the lookups only read): merging them one by one on one core took ~20 ms at 100k.
        let foundDatasets = Parallel.map(slices) { flowNames.datasets.numbers(of: $0.datasets) }
        // Organisations are merged, sorted and mapped to ids on one core while the datasets, of
        // which there are more, are merged on the other; the datasets are then sorted in halves,
        // a core each.
        let (organisationIDs, (datasetNames, keys)) = Parallel.both({
            let merged = MergedNames(first: flowNames.organisations, slices: slices.map(\.organisations))
            let table = NameTable(merged.numbering)
            let holder = table.ids(firstSeen: merged.numbers(\.holder, of: slices))
            return (
                table: table, from: table.ids(firstSeen: flowNames.from), to: table.ids(firstSeen: flowNames.to),
                holder: holder, inputHolder: inputOf.map { holder[$0] },
                source: table.ids(firstSeen: merged.numbers(\.sourceOrganisation, of: slices))
            )
        }, {
            (
                MergedNames(first: flowNames.datasets, slices: slices.map(\.datasets), found: foundDatasets),
                MergedNames(first: NameInterner(capacity: 16), slices: slices.map(\.keys))
            )
        })
        let unsorted = datasetNames.numbering.names
        let (firstHalf, secondHalf) = Parallel.both(
            { NameOrder.sorted(unsorted, in: 0..<unsorted.count / 2) }, { NameOrder.sorted(unsorted, in: unsorted.count / 2..<unsorted.count) }
        )
        let datasetTable = NameTable(datasetNames.numbering, order: NameOrder.merged(firstHalf, secondHalf, of: unsorted))
        let organisationTable = organisationIDs.table
        let (from, to, holder, inputHolder) = (organisationIDs.from, organisationIDs.to, organisationIDs.holder, organisationIDs.inputHolder)
        let carried = datasetTable.ids(firstSeen: flowNames.carried)
        let output = datasetTable.ids(firstSeen: datasetNames.numbers(\.output, of: slices))
        let input = datasetTable.ids(firstSeen: datasetNames.numbers(\.input, of: slices))
        let sourceDataset = datasetTable.ids(firstSeen: datasetNames.numbers(\.sourceDataset, of: slices))
        let organisationCount = organisationTable.count

        // The holdings, and what does not depend on them, a core each.
        let ((index, holdingOfEntry), independent) = Parallel.both({
            HoldingIndex.numbering(
                organisationCount: organisationCount, datasetCount: datasetTable.count,
                organisations: from + to + holder + inputHolder + organisationIDs.source,
                datasets: carried + carried + output + input + sourceDataset
            )
        }, {
            var facts = [DatasetFacts](repeating: DatasetFacts(), count: datasetTable.count)
            var keyOfDataset = [Int?](repeating: nil, count: datasetTable.count)
            for (slice, part) in slices.enumerated() {
                for (seen, fact, key) in part.declared {
                    let id = datasetTable.id(firstSeen: datasetNames.number(seen, slice: slice))
                    facts[id] = fact
                    keyOfDataset[id] = key.map { keys.number($0, slice: slice) }
                }
            }
            return (
                flowsFrom: Adjacency(rowCount: organisationCount, rows: from, elements: Array(0..<flowCount)),
                flowsTo: Adjacency(rowCount: organisationCount, rows: to, elements: Array(0..<flowCount)),
                purposes: Adjacency(rowCount: flowCount, rows: flowNames.purposeOf, elements: flowNames.purpose),
                facts: facts, keyOfDataset: keyOfDataset
            )
        })
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
        let sources = nextHoldings(organisationIDs.source.count)
        let transformCount = model.transforms.count
        // Given the holdings, what reads each holding and what feeds it are independent: a core each.
        let (outgoing, incoming) = Parallel.both({
            (
                readers: Adjacency(rowCount: index.count, rows: sender, elements: Array(0..<flowCount)),
                inputHoldings: Adjacency(rowCount: transformCount, rows: inputOf, elements: inputs),
                transformReaders: Adjacency(rowCount: index.count, rows: inputs, elements: inputOf)
            )
        }, {
            // Flows before transforms, each in model order: the order the rules and witnesses rely on.
            Adjacency(
                rowCount: index.count, rows: recipient + outputs,
                elements: (0..<flowCount).map(Contribution.flow) + (0..<transformCount).map(Contribution.transform)
            )
        })

        self.organisations = organisationTable
        self.datasets = datasetTable
        self.holdings = index
        self.datasetFacts = independent.facts
        self.keys = keys.numbering
        self.keyOfDataset = independent.keyOfDataset
        self.sourceHoldings = sources
        self.senderOrganisation = from
        self.recipientOrganisation = to
        self.carriedDataset = carried
        self.senderHolding = sender
        self.recipientHolding = recipient
        self.outputHolding = outputs
        self.inputHoldings = outgoing.inputHoldings
        self.contributions = incoming
        self.readers = outgoing.readers
        self.transformReaders = outgoing.transformReaders
        self.flowsFrom = independent.flowsFrom
        self.flowsTo = independent.flowsTo
        self.flowPurposes = independent.purposes
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
