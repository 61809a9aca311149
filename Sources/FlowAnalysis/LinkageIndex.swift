import FlowModel

/// The personal datasets each organisation holds, grouped by what they could be linked on, so a
/// linkage partner is found without comparing every pair.
struct LinkageIndex {
    enum LinkField: Hashable {
        /// A pseudonym domain, by `keys` id.
        case key(Int)
        case nhsNumber
    }

    private struct Group: Hashable {
        let organisation: Int
        let field: LinkField
    }

    /// Dataset ids per group, in holding order.
    private var groups: [Group: [Int]] = [:]
    private var ancestors: AncestorSets

    init(tables: FlowGraphTables, inherent: [IdentifiabilityLevel], keyOfDataset: [Int?], ancestors: AncestorSets) {
        self.ancestors = ancestors
        for holding in 0..<tables.holdings.count where inherent[holding].isPersonalData {
            let dataset = tables.holdings.dataset[holding]
            let facts = tables.datasetFacts[dataset]
            guard facts.isDeclared else { continue }
            let organisation = tables.holdings.organisation[holding]
            if let key = keyOfDataset[dataset] {
                groups[Group(organisation: organisation, field: .key(key)), default: []].append(dataset)
            }
            if facts.hasNHSNumber {
                groups[Group(organisation: organisation, field: .nhsNumber), default: []].append(dataset)
            }
        }
    }

    /// Another dataset at the same holder sharing `field` that is not the same records under
    /// another name (a dataset and what it was derived from are not a new linkage).
    mutating func partner(of dataset: Int, at organisation: Int, sharing field: LinkField) -> Int? {
        guard let candidates = groups[Group(organisation: organisation, field: field)] else { return nil }
        var own: Set<Int>?
        for other in candidates where other != dataset {
            if own == nil { own = ancestors.of(dataset) }
            if own!.contains(other) || ancestors.of(other).contains(dataset) { continue }
            return other
        }
        return nil
    }
}
