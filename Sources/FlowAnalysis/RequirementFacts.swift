import FlowModel

/// The model-wide facts the opt-out requirements consult for every flow, looked up once: the
/// opt-outs in id order, approvals' opt-out status and the reasons' texts
/// (one string shared by every flow it applies to, not one made per flow).
struct RequirementFacts: Sendable {
    struct OptOutRule: Sendable {
        let id: String
        let kind: OptOutKind
        let programme: Set<String>
        let recordedAt: Set<String>
    }

    /// Whether the National Data Opt-out applies under an approval, and why.
    struct ApprovalDecision: Sendable {
        let required: Bool
        let reason: String
        /// The register entry records `ndoo exempt`, or the model treats unknown as exempt.
        var exempt: Bool { !required }
        let unknown: Bool
        let byModelSetting: Bool
    }

    let optOuts: [OptOutRule]
    /// By approval id.
    let approvals: [String: ApprovalDecision]
    /// By confidentiality basis: why a flow on a basis outside the opt-out's scope need not apply it.
    let outsideScope: [ConfidentialityBasis: String]
    /// By (s251) basis: the decision when no approval is named.
    let noApproval: [ConfidentialityBasis: (Bool, String)]
    /// Type 1 on a legal-requirement collection: the reason, and whether it depends on the model's setting.
    let type1OnCollection: (reason: String, isPolicyDependent: Bool)

    init(model: SemanticModel) {
        optOuts = model.optOuts.values.sorted { $0.id < $1.id }.map { optOut in
            OptOutRule(id: optOut.id, kind: optOut.kind, programme: Set(optOut.purposes.map(\.name)), recordedAt: Set(optOut.recordedAt.map(\.name)))
        }
        let unknownApplies = model.settings.unknownNDOOStatusApplies
        approvals = model.approvals.mapValues { approval in
            switch approval.ndoo {
            case .exempt:
                ApprovalDecision(required: false, reason: "approval `\(approval.id)` is exempted from the opt-out", unknown: false, byModelSetting: false)
            case .applies:
                ApprovalDecision(required: true, reason: "s251 support under approval `\(approval.id)`, whose register entry applies the opt-out", unknown: false, byModelSetting: false)
            case .unknown:
                unknownApplies
                    ? ApprovalDecision(required: true, reason: "s251 support under approval `\(approval.id)`, whose opt-out status is unknown (treated as applying)", unknown: true, byModelSetting: false)
                    : ApprovalDecision(required: false, reason: "approval `\(approval.id)`'s opt-out status is unknown (treated as exempt by model setting)", unknown: true, byModelSetting: true)
            }
        }
        var outsideScope: [ConfidentialityBasis: String] = [:]
        var noApproval: [ConfidentialityBasis: (Bool, String)] = [:]
        for basis in ConfidentialityBasis.allCases {
            outsideScope[basis] = "the confidentiality basis `\(basis.rawValue)` is outside the opt-out's scope (NDOP §6)"
            noApproval[basis] = unknownApplies
                ? (true, "s251 support under COPI reg \(basis.copiRegulation ?? 5) with no approval named (opt-out treated as applying)")
                : (false, "s251 support with no approval named (treated as exempt by model setting)")
        }
        self.outsideScope = outsideScope
        self.noApproval = noApproval
        let on = model.settings.type1OnLegalCollections
        type1OnCollection = (
            "identifiable GP data leaves the practice for a legal-requirement collection (Type 1 honoured on such collections: \(on ? "yes" : "no, by model setting"))",
            !on
        )
    }
}
