import FlowAnalysis
import FlowModel

/// A set of purpose categories as bits: whether an instrument's purposes cover a flow's is asked of
/// most flows, and building two `Set<PurposeCategory>` from name lookups each time cost more than
/// the rest of the check.
struct PurposeMask: Sendable, Hashable {
    private(set) var bits: UInt64 = 0

    private static let bitOfCategory: [PurposeCategory: UInt64] = {
        precondition(PurposeCategory.allCases.count <= 64, "purpose categories no longer fit a 64-bit mask")
        return Dictionary(uniqueKeysWithValues: PurposeCategory.allCases.enumerated().map { ($1, UInt64(1) << UInt64($0)) })
    }()

    /// Purposes that act for someone else (processing support, archiving, destruction): no
    /// instrument needs to list them.
    static let passThrough = PurposeMask(FG020.passThrough)

    init(_ categories: some Sequence<PurposeCategory>) {
        for category in categories { bits |= Self.bitOfCategory[category] ?? 0 }
    }

    /// The categories of the listed purposes (undeclared names contribute none).
    init(listing purposes: [Reference], in model: SemanticModel) {
        self.init(purposes.compactMap { model.purposes[$0.name]?.category })
    }

    var isEmpty: Bool { bits == 0 }

    /// Whether every category of `other` is here.
    func contains(_ other: PurposeMask) -> Bool {
        other.bits & ~bits == 0
    }

    /// Whether every category of `needed`, other than the pass-through ones, is here.
    func covers(_ needed: PurposeMask) -> Bool {
        needed.bits & ~Self.passThrough.bits & ~bits == 0
    }
}

/// Per flow (model order), the categories of its purposes as a mask: worked out once per run.
struct FlowPurposeMasks: Sendable {
    let masks: [PurposeMask]

    static func shared(by collector: FindingCollector) -> FlowPurposeMasks {
        collector.facts.value(FlowPurposeMasks.self) {
            FlowPurposeMasks(masks: collector.analysis.flowPurposeCategories.map { PurposeMask($0) })
        }
    }
}
