/// How many declarations of each kind go into the model, to size its tables once: growing them a
/// doubling at a time rehashed every name and moved every declaration several times over.
struct DeclarationCounts {
    /// By `DeclarationKind.allCases` position: a raw-value enum hashes its string, and this is
    /// counted for every declaration.
    private var byKind = [Int](repeating: 0, count: DeclarationKind.allCases.count)
    private var transforms = 0
    var waivers = 0

    mutating func count(_ kind: DeclarationKind, isTransform: Bool) {
        if isTransform { transforms += 1 } else { byKind[Self.slot(of: kind)] += 1 }
    }

    private static func slot(of kind: DeclarationKind) -> Int {
        DeclarationKind.allCases.firstIndex(of: kind) ?? 0
    }

    private func count(_ kind: DeclarationKind) -> Int { byKind[Self.slot(of: kind)] }

    /// Datasets and transforms, which are built apart from the rest.
    var lineage: Int { count(.dataset) + transforms }

    func reserve(datasets: inout [String: Dataset], transforms list: inout [Transform]) {
        // Each transform's output gets a dataset entry when derived.
        datasets.reserveCapacity(lineage)
        list.reserveCapacity(transforms)
    }

    /// Everything but the datasets and transforms.
    func reserve(in model: inout SemanticModel) {
        model.organisations.reserveCapacity(count(.organisation))
        model.boundaries.reserveCapacity(count(.boundary))
        model.purposes.reserveCapacity(count(.purpose))
        model.approvals.reserveCapacity(count(.approval))
        model.agreements.reserveCapacity(count(.agreement))
        model.contracts.reserveCapacity(count(.contract))
        model.arrangements.reserveCapacity(count(.arrangement))
        model.impactAssessments.reserveCapacity(count(.dpia))
        model.gateways.reserveCapacity(count(.gateway))
        model.optOuts.reserveCapacity(count(.optOut))
        model.keys.reserveCapacity(count(.key))
        model.notices.reserveCapacity(count(.notice))
        model.flows.reserveCapacity(count(.flow))
        model.waivers.reserveCapacity(waivers)
    }
}
