import FlowModel

/// The organisation, dataset and purpose names the flows mention, numbered as first seen. Scanned
/// beside `DeclarationNames` (one core each), then merged: interning is most of building the graph.
struct FlowNames: Sendable {
    var organisations: NameNumbering
    var datasets: NameNumbering
    /// Only flows name purposes, so their numbers are final.
    var purposes: NameNumbering
    /// Per flow, first-seen numbers.
    var from: [Int] = [], to: [Int] = [], carried: [Int] = []
    /// Per purpose a flow names, in order: the flow and the purpose.
    var purposeOf: [Int] = [], purpose: [Int] = []

    init(model: SemanticModel) {
        organisations = NameNumbering(capacity: model.organisations.count + 16)
        datasets = NameNumbering(capacity: model.datasets.count + 16)
        purposes = NameNumbering(capacity: model.purposes.count + 16)
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
    }
}

/// The names transforms and declarations mention, and each declared dataset's facts.
struct DeclarationNames: Sendable {
    var organisations: NameNumbering
    var datasets: NameNumbering
    /// The pseudonym domains datasets are keyed by; only declarations name them here.
    var keys = NameNumbering(capacity: 16)
    /// Per transform.
    var holder: [Int] = [], output: [Int] = []
    /// Per transform input, in order: the dataset and the transform.
    var input: [Int] = [], inputOf: [Int] = []
    /// Per declared source: data collected there is held there from the start.
    var sourceOrganisation: [Int] = [], sourceDataset: [Int] = []
    var declared: [(seen: Int, facts: DatasetFacts, key: Int?)] = []

    init(model: SemanticModel) {
        organisations = NameNumbering(capacity: model.organisations.count + 16)
        datasets = NameNumbering(capacity: model.datasets.count + 16)
        let transforms = model.transforms
        for index in transforms.indices {
            holder.append(organisations.intern(transforms[index].holder.name))
            output.append(datasets.intern(transforms[index].output))
            for name in transforms[index].inputs {
                input.append(datasets.intern(name.name))
                inputOf.append(index)
            }
        }
        declared.reserveCapacity(model.datasets.count)
        // Read in place: iterating the dictionary would copy every declaration.
        let declarations = model.datasets
        for position in declarations.indices { declare(declarations.keys[position], declarations.values[position]) }
        // Declared names get ids too, so callers can index per-organisation facts by id.
        for name in model.organisations.keys { _ = organisations.intern(name) }
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
