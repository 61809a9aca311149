import FlowAnalysis
import FlowModel

/// Purpose categories as bits of one word. Rules compare every flow's categories with the ones its
/// data was received for, or with a channel list; a `Set<PurposeCategory>` per flow hashes each
/// category's raw-value string, which cost more than the comparisons themselves.
struct PurposeCategorySet: OptionSet, Sendable, Hashable {
    let rawValue: UInt32

    init(rawValue: UInt32) { self.rawValue = rawValue }

    init(_ category: PurposeCategory) { rawValue = 1 << category.ordinal }

    init(_ categories: some Sequence<PurposeCategory>) {
        var bits: UInt32 = 0
        for category in categories { bits |= 1 << category.ordinal }
        rawValue = bits
    }

    /// The members, for messages (which sort them by their own wording).
    var members: Set<PurposeCategory> {
        Set(PurposeCategory.allCases.filter { contains(PurposeCategorySet($0)) })
    }

    /// Per flow (model order), the categories of its purposes: `Analysis.flowPurposeCategories` as bits.
    struct PerFlow: Sendable {
        let categories: [PurposeCategorySet]

        static func shared(by collector: FindingCollector) -> [PurposeCategorySet] {
            collector.facts.value(PerFlow.self) {
                PerFlow(categories: collector.analysis.flowPurposeCategories.map(PurposeCategorySet.init))
            }.categories
        }
    }
}

extension PurposeCategory {
    /// Position in declaration order (a switch, so no raw-value string is hashed or compared).
    fileprivate var ordinal: UInt32 {
        switch self {
        case .individualCare: 0
        case .mandatedCollection: 1
        case .commissioningPlanning: 2
        case .contractMonitoring: 3
        case .invoiceValidation: 4
        case .riskStratificationCaseFinding: 5
        case .riskStratificationCommissioning: 6
        case .research: 7
        case .publicHealth: 8
        case .safeguarding: 9
        case .complaints: 10
        case .continuingHealthcare: 11
        case .individualFundingRequests: 12
        case .fraudPrevention: 13
        case .legalProceedings: 14
        case .audit: 15
        case .registries: 16
        case .patientInvolvement: 17
        case .archiving: 18
        case .destruction: 19
        case .publication: 20
        case .processingSupport: 21
        case .emergencyPlanning: 22
        case .other: 23
        }
    }
}
