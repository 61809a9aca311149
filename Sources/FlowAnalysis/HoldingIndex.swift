/// Every holding the model implies, numbered densely in (organisation, dataset) name order — the
/// order of `FlowGraph.holdings` — with each organisation's holdings contiguous, so a holding is
/// found from its two ids by a binary search instead of hashing two strings.
struct HoldingIndex: Sendable {
    /// Per holding.
    let organisation: [Int]
    /// Per holding.
    let dataset: [Int]
    /// Per organisation id, the first of its holdings; one more entry than organisations.
    private let firstOfOrganisation: [Int]

    /// `organisations[i]`, `datasets[i]` are the ids of one (possibly repeated) holding.
    init(organisationCount: Int, datasetCount: Int, organisations: [Int], datasets: [Int]) {
        // Two stable counting sorts (by dataset, then by organisation) leave each organisation's
        // datasets ascending: no comparison sort per organisation.
        let byDataset = Adjacency(rowCount: datasetCount, rows: datasets, elements: organisations)
        var rows: [Int] = [], elements: [Int] = []
        rows.reserveCapacity(datasets.count)
        elements.reserveCapacity(datasets.count)
        for dataset in 0..<datasetCount {
            for position in byDataset.positions(ofRow: dataset) {
                rows.append(byDataset.element(at: position))
                elements.append(dataset)
            }
        }
        let grouped = Adjacency(rowCount: organisationCount, rows: rows, elements: elements)
        var organisationOf: [Int] = []
        var datasetOf: [Int] = []
        var first = [Int](repeating: 0, count: organisationCount + 1)
        for organisation in 0..<organisationCount {
            first[organisation] = datasetOf.count
            var previous = -1
            for position in grouped.positions(ofRow: organisation) where grouped.element(at: position) != previous {
                let dataset = grouped.element(at: position)
                organisationOf.append(organisation)
                datasetOf.append(dataset)
                previous = dataset
            }
        }
        first[organisationCount] = datasetOf.count
        self.organisation = organisationOf
        self.dataset = datasetOf
        self.firstOfOrganisation = first
    }

    var count: Int { dataset.count }

    func holdings(of organisation: Int) -> Range<Int> {
        firstOfOrganisation[organisation]..<firstOfOrganisation[organisation + 1]
    }

    func holding(organisation: Int, dataset wanted: Int) -> Int? {
        var low = firstOfOrganisation[organisation]
        var high = firstOfOrganisation[organisation + 1]
        while low < high {
            let middle = (low + high) / 2
            if dataset[middle] < wanted { low = middle + 1 } else { high = middle }
        }
        return low < firstOfOrganisation[organisation + 1] && dataset[low] == wanted ? low : nil
    }
}
