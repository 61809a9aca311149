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
    init(organisationCount: Int, organisations: [Int], datasets: [Int]) {
        let grouped = Adjacency(rowCount: organisationCount, rows: organisations, elements: datasets)
        var organisationOf: [Int] = []
        var datasetOf: [Int] = []
        var first = [Int](repeating: 0, count: organisationCount + 1)
        for organisation in 0..<organisationCount {
            first[organisation] = datasetOf.count
            var previous = -1
            for dataset in grouped[organisation].sorted() where dataset != previous {
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
