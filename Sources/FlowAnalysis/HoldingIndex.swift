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
    /// allowed), and gives each entry's holding.
    static func numbering(
        organisationCount: Int, datasetCount: Int, organisations: [Int], datasets: [Int]
    ) -> (index: HoldingIndex, holdingOfEntry: [Int]) {
        var organisationOf: [Int] = []
        var datasetOf: [Int] = []
        var first = [Int](repeating: 0, count: organisationCount + 1)
        var holdingOfEntry = [Int](repeating: 0, count: organisations.count)
        var next = 0
        for entry in CountingSort.order(major: organisations, majorCount: organisationCount, minor: datasets, minorCount: datasetCount) {
            let (organisation, dataset) = (organisations[entry], datasets[entry])
            if organisationOf.last != organisation || datasetOf.last != dataset {
                // Organisations with no holdings start where the next one does.
                while next <= organisation {
                    first[next] = organisationOf.count
                    next += 1
                }
                organisationOf.append(organisation)
                datasetOf.append(dataset)
            }
            holdingOfEntry[entry] = organisationOf.count - 1
        }
        while next <= organisationCount {
            first[next] = organisationOf.count
            next += 1
        }
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
