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

    /// Numbers the holdings of `organisations[i]`, `datasets[i]` (one entry per mention, repeats
    /// allowed), and gives each entry's holding. The entries are grouped by organisation with one
    /// counting sort; within an organisation its distinct datasets are found with a mark per
    /// dataset and sorted, and most organisations hold only a few.
    static func numbering(
        organisationCount: Int, datasetCount: Int, organisations: [Int], datasets: [Int]
    ) -> (index: HoldingIndex, holdingOfEntry: [Int]) {
        let entries = Adjacency(rowCount: organisationCount, rows: organisations, elements: Array(organisations.indices))
        var organisationOf: [Int] = []
        var datasetOf: [Int] = []
        var first = [Int](repeating: 0, count: organisationCount + 1)
        var holdingOfEntry = [Int](repeating: 0, count: organisations.count)
        // Per dataset: the last organisation found holding it, and the holding there.
        var lastHolder = [Int](repeating: -1, count: datasetCount)
        var holdingAtLastHolder = [Int](repeating: 0, count: datasetCount)
        var held: [Int] = []
        for organisation in 0..<organisationCount {
            first[organisation] = datasetOf.count
            let positions = entries.positions(ofRow: organisation)
            held.removeAll(keepingCapacity: true)
            for position in positions {
                let dataset = datasets[entries.element(at: position)]
                if lastHolder[dataset] != organisation {
                    lastHolder[dataset] = organisation
                    held.append(dataset)
                }
            }
            held.sort()
            for dataset in held {
                holdingAtLastHolder[dataset] = datasetOf.count
                organisationOf.append(organisation)
                datasetOf.append(dataset)
            }
            for position in positions {
                let entry = entries.element(at: position)
                holdingOfEntry[entry] = holdingAtLastHolder[datasets[entry]]
            }
        }
        first[organisationCount] = datasetOf.count
        return (HoldingIndex(organisation: organisationOf, dataset: datasetOf, firstOfOrganisation: first), holdingOfEntry)
    }

    private init(organisation: [Int], dataset: [Int], firstOfOrganisation: [Int]) {
        self.organisation = organisation
        self.dataset = dataset
        self.firstOfOrganisation = firstOfOrganisation
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
