import FlowModel

/// The personal datasets each organisation holds, grouped by what they could be linked on, so a
/// linkage partner is found without comparing every pair.
struct LinkageIndex {
    enum LinkField {
        /// A pseudonym domain, by `keys` id.
        case key(Int)
        case nhsNumber
    }

    /// Per (organisation, field) group, numbered `organisation * fieldCount + field` (a key by its
    /// id, the NHS number after the keys): the group of each entry, sorted, and alongside it the
    /// entry's dataset, in holding order within each group. Sorting integers replaced a dictionary
    /// of arrays that hashed a struct per personal holding.
    private let groups: [Int]
    private let datasets: [Int]
    private let keyCount: Int
    private var ancestors: AncestorSets

    init(tables: FlowGraphTables, inherent: [IdentifiabilityLevel], keyOfDataset: [Int?], keyCount: Int, ancestors: AncestorSets) {
        self.ancestors = ancestors
        self.keyCount = keyCount
        let fieldCount = keyCount + 1
        var organisations: [Int] = [], fields: [Int] = [], entryDatasets: [Int] = []
        for holding in 0..<tables.holdings.count where inherent[holding].isPersonalData {
            let dataset = tables.holdings.dataset[holding]
            let facts = tables.datasetFacts[dataset]
            guard facts.isDeclared else { continue }
            let organisation = tables.holdings.organisation[holding]
            if let key = keyOfDataset[dataset] {
                organisations.append(organisation)
                fields.append(key)
                entryDatasets.append(dataset)
            }
            if facts.hasNHSNumber {
                organisations.append(organisation)
                fields.append(keyCount)
                entryDatasets.append(dataset)
            }
        }
        let order = CountingSort.order(major: organisations, majorCount: tables.organisations.count, minor: fields, minorCount: fieldCount)
        groups = order.map { organisations[$0] * fieldCount + fields[$0] }
        datasets = order.map { entryDatasets[$0] }
    }

    /// The entries of one group.
    private func members(of organisation: Int, _ field: LinkField) -> Range<Int> {
        let group: Int
        switch field {
        case .key(let key): group = organisation * (keyCount + 1) + key
        case .nhsNumber: group = organisation * (keyCount + 1) + keyCount
        }
        return firstEntry(atLeast: group)..<firstEntry(atLeast: group + 1)
    }

    private func firstEntry(atLeast group: Int) -> Int {
        var low = 0
        var high = groups.count
        while low < high {
            let middle = (low + high) / 2
            if groups[middle] < group { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Another dataset at the same holder sharing `field` that is not the same records under
    /// another name (a dataset and what it was derived from are not a new linkage).
    mutating func partner(of dataset: Int, at organisation: Int, sharing field: LinkField) -> Int? {
        var own: Set<Int>?
        for member in members(of: organisation, field) where datasets[member] != dataset {
            let other = datasets[member]
            if own == nil { own = ancestors.of(dataset) }
            if own!.contains(other) || ancestors.of(other).contains(dataset) { continue }
            return other
        }
        return nil
    }
}
