/// What a transform's output dataset is, given its inputs: origins, special categories, subjects
/// and criminal-offence flags carry through; identifiers and level follow the operation.
enum DerivedDataset {
    static func make(from inputs: [Dataset], by transform: Transform) -> Dataset {
        var dataset = Dataset.Fields(id: transform.output, title: transform.title, span: transform.span)
        dataset.isDerived = true
        dataset.origins = union(inputs) { $0.origins }
        dataset.specialCategories = union(inputs) { $0.specialCategories }
        dataset.subjects = union(inputs) { $0.subjects }
        dataset.hasCriminalOffenceData = inputs.contains(where: \.hasCriminalOffenceData)
        let inputIdentifiers = union(inputs) { $0.identifiers }
        let mostIdentifiable = inputs.map(\.level).max() ?? .identifiable
        switch transform.operation {
        case .pseudonymise:
            dataset.identifiers = unique(inputIdentifiers.filter { !$0.isDirect } + [.pseudonym])
            dataset.level = .pseudonymised
            dataset.key = transform.key
        case .link:
            dataset.identifiers = inputIdentifiers
            dataset.level = mostIdentifiable
            dataset.key = inputs.lazy.compactMap(\.key).first
        case .aggregate:
            dataset.identifiers = []
            dataset.level = .aggregate
        case .anonymise:
            dataset.identifiers = []
            dataset.level = .anonymised
        case .filter:
            dataset.identifiers = inputIdentifiers
            dataset.level = mostIdentifiable
            dataset.key = inputs.first?.key
        case .reidentify:
            dataset.identifiers = unique(inputIdentifiers.filter { $0 != .pseudonym } + [.nhsNumber])
            dataset.level = .identifiable
        }
        if let level = transform.level { dataset.level = level }
        if let identifiers = transform.identifiers { dataset.identifiers = identifiers }
        return Dataset(fields: dataset)
    }

    /// The inputs' lists joined, first occurrences in order. Most transforms have one input whose
    /// lists have no repeats, and then its list is shared as it is rather than rebuilt.
    private static func union<T: Hashable>(_ inputs: [Dataset], _ list: (Dataset) -> [T]) -> [T] {
        inputs.count == 1 ? unique(list(inputs[0])) : unique(inputs.flatMap(list))
    }

    /// First occurrences in order. Lists here are a handful of vocabulary values, for which a
    /// scan is cheaper than building a set (this runs several times per transform).
    private static func unique<T: Hashable>(_ values: [T]) -> [T] {
        guard values.count > 1 else { return values }
        guard values.count > 16 else {
            if !values.indices.dropFirst().contains(where: { values[..<$0].contains(values[$0]) }) { return values }
            var result: [T] = []
            result.reserveCapacity(values.count)
            for value in values where !result.contains(value) { result.append(value) }
            return result
        }
        var seen: Set<T> = []
        return values.filter { seen.insert($0).inserted }
    }
}
