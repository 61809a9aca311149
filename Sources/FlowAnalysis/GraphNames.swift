import FlowLanguage
import FlowModel

/// Every name the graph numbers, scanned in parts that run on any core: the flows and declared
/// organisations in one part, the transforms and dataset declarations in slices beside it.
/// Reading a declaration misses the cache several times over (its box and each field's array), so
/// at 100k flows the declarations take as long as the flows; sliced, whichever core is free takes
/// the next slice. Each part numbers names as first seen; `MergedNames` then numbers them as if
/// one scan had read the parts in order.
struct GraphNames: Sendable {
    let flows: FlowNames
    let declarations: [DeclarationNames]

    /// Declarations per slice: enough that the slices even out the two cores' work, few enough
    /// that merging their tables stays cheap.
    private static let sliceSize = 4096

    init(model: SemanticModel) {
        let positions = Array(model.datasets.indices)
        let transformCount = model.transforms.count
        let sliceCount = max(1, min(8, (positions.count + transformCount) / GraphNames.sliceSize))
        @Sendable func slice(_ count: Int, _ part: Int) -> Range<Int> { count * (part - 1) / sliceCount..<count * part / sliceCount }
        let parts = Parallel.map(Array(0...sliceCount)) { part -> Part in
            guard part > 0 else { return .flows(FlowNames(model: model)) }
            return .declarations(DeclarationNames(model: model, transforms: slice(transformCount, part), datasets: positions[slice(positions.count, part)]))
        }
        var flows: FlowNames?
        var declarations: [DeclarationNames] = []
        for part in parts {
            switch part {
            case .flows(let names): flows = names
            case .declarations(let names): declarations.append(names)
            }
        }
        self.flows = flows!
        self.declarations = declarations
    }

    private enum Part: Sendable {
        case flows(FlowNames)
        case declarations(DeclarationNames)
    }
}

/// The organisation, dataset and purpose names the flows and organisation declarations mention,
/// numbered as first seen.
struct FlowNames: Sendable {
    var organisations: NameInterner
    var datasets: NameInterner
    /// Only flows name purposes, so their numbers are final.
    var purposes: NameInterner
    /// Per flow, first-seen numbers.
    var from: [Int] = [], to: [Int] = [], carried: [Int] = []
    /// Per purpose a flow names, in order: the flow and the purpose.
    var purposeOf: [Int] = [], purpose: [Int] = []

    init(model: SemanticModel) {
        organisations = NameInterner(capacity: model.organisations.count + 16)
        datasets = NameInterner(capacity: model.datasets.count + 16)
        purposes = NameInterner(capacity: model.purposes.count + 16)
        from.reserveCapacity(model.flows.count)
        to.reserveCapacity(model.flows.count)
        carried.reserveCapacity(model.flows.count)
        purposeOf.reserveCapacity(model.flows.count)
        purpose.reserveCapacity(model.flows.count)
        for (index, flow) in model.flows.enumerated() {
            from.append(organisations.intern(flow.from.name))
            to.append(organisations.intern(flow.to.name))
            carried.append(datasets.intern(flow.dataset.name))
            for name in flow.purposes {
                purposeOf.append(index)
                purpose.append(purposes.intern(name.name))
            }
        }
        // Declared names get ids too, so callers can index per-organisation facts by id.
        for name in model.organisations.keys { _ = organisations.intern(name) }
    }
}

/// The names a slice of the transforms and of the dataset declarations mentions, and each
/// declared dataset's facts.
struct DeclarationNames: Sendable {
    var organisations = NameInterner(capacity: 16)
    var datasets: NameInterner
    /// The pseudonym domains datasets are keyed by; only declarations name them here.
    var keys = NameInterner(capacity: 16)
    /// Per transform in the slice.
    var holder: [Int] = [], output: [Int] = []
    /// Per transform input, in order: the dataset and the transform (its index in the model).
    var input: [Int] = [], inputOf: [Int] = []
    /// Per declared source: data collected there is held there from the start.
    var sourceOrganisation: [Int] = [], sourceDataset: [Int] = []
    var declared: [(seen: Int, facts: DatasetFacts, key: Int?)] = []

    init(model: SemanticModel, transforms slice: Range<Int>, datasets positions: ArraySlice<Dictionary<String, Dataset>.Index>) {
        datasets = NameInterner(capacity: slice.count + positions.count)
        let transforms = model.transforms
        for index in slice {
            holder.append(organisations.intern(transforms[index].holder.name))
            output.append(datasets.intern(transforms[index].output))
            for name in transforms[index].inputs {
                input.append(datasets.intern(name.name))
                inputOf.append(index)
            }
        }
        declared.reserveCapacity(positions.count)
        // Read in place: iterating the dictionary would copy every declaration.
        let declarations = model.datasets
        for position in positions { declare(declarations.keys[position], declarations.values[position]) }
    }

    private mutating func declare(_ name: String, _ dataset: borrowing Dataset) {
        let id = datasets.intern(name)
        declared.append((id, DatasetFacts(dataset), dataset.key.map { keys.intern($0.name) }))
        for source in dataset.sources {
            sourceOrganisation.append(organisations.intern(source.name))
            sourceDataset.append(id)
        }
    }
}

/// One kind of name (organisations, datasets or keys) as the parts of `GraphNames` numbered it,
/// merged in order and, for graph names, sorted into ids.
struct MergedNames {
    /// The merged first-seen numbering.
    let numbering: NameInterner
    /// Per declarations' slice, per number there: the merged number.
    private let mergedNumber: [[Int]]

    init(first: NameInterner, slices: [NameInterner]) {
        var names = first
        mergedNumber = slices.map { names.absorb($0) }
        numbering = names
    }

    /// `found`: per slice, `first.numbers(of:)` it.
    init(first: NameInterner, slices: [NameInterner], found: [[Int?]]) {
        var names = first
        mergedNumber = zip(slices, found).map { names.absorb($0, found: $1) }
        numbering = names
    }

    /// A slice's numbers, as merged numbers.
    func numbers(_ numbers: [Int], slice: Int) -> [Int] {
        let merged = mergedNumber[slice]
        return numbers.map { merged[$0] }
    }

    func number(_ number: Int, slice: Int) -> Int { mergedNumber[slice][number] }

    /// A list of numbers every slice has, slice after slice, as merged numbers.
    func numbers(_ list: KeyPath<DeclarationNames, [Int]>, of slices: [DeclarationNames]) -> [Int] {
        slices.indices.flatMap { numbers(slices[$0][keyPath: list], slice: $0) }
    }
}
