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
        if let (floor, reason) = supportedFloor(of: transform, identifiers: dataset.identifiers, mostIdentifiableInput: mostIdentifiable),
           dataset.level < floor {
            dataset.levelCorrection = LevelCorrection(claimed: dataset.level, supported: floor, reason: reason)
            dataset.level = floor
        }
        return Dataset(fields: dataset)
    }

    /// The least identifiable level a transform's output can honestly have, and why, where the
    /// operation or what the output keeps sets one: a level is a claim, and a claim the model cannot
    /// support must not lower what every later rule sees.
    static func supportedFloor(
        of transform: Transform, identifiers: [Identifier], mostIdentifiableInput: IdentifiabilityLevel
    ) -> (IdentifiabilityLevel, String)? {
        var floors: [(IdentifiabilityLevel, String)] = []
        let direct = identifiers.filter(\.isDirect)
        if direct.contains(where: { $0 != .nhsNumber }) {
            let kept = direct.filter { $0 != .nhsNumber }.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            floors.append((.identifiable, "it keeps the direct identifier\(direct.count > 1 ? "s" : "") \(kept)"))
        } else if direct.contains(.nhsNumber) {
            floors.append((.pseudonymisedWeak, "it keeps the NHS number"))
        }
        switch transform.operation {
        case .link, .filter:
            floors.append((mostIdentifiableInput, "a record-level \(transform.operation.rawValue) keeps its inputs' level (\(mostIdentifiableInput.rawValue))"))
        case .reidentify:
            floors.append((.identifiable, "re-identification makes the data identifiable"))
        case .aggregate:
            // Disclosure control may sit on the flows that release the counts; FG023 judges it there.
            break
        case .pseudonymise, .anonymise:
            if transform.level == .aggregate {
                let recordLevel: IdentifiabilityLevel = transform.operation == .pseudonymise ? .pseudonymised : .anonymised
                floors.append((recordLevel, "a \(transform.operation.rawValue) step leaves record-level data, not counts"))
            }
        }
        return floors.max { $0.0 < $1.0 }
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
