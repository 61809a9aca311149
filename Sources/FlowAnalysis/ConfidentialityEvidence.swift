import FlowModel

/// What a flow's common-law confidentiality claim rests on (gate G2, domain.md §2.2). A basis that
/// sets the duty aside by law, by order or by decision counts only when the claim cites the
/// instrument that makes it true; a claim that names nothing, or the wrong kind of thing, is no
/// basis at all, and must not take a flow out of the National Data Opt-out or switch other checks
/// off. Whether a cited instrument is in force and covers the flow depends on the analysis date,
/// which the rules check.
public enum ConfidentialityStanding: Sendable, Hashable {
    /// No claim.
    case absent
    /// A basis that needs no instrument of its own: consent, `not-confidential`, or s251 support
    /// (whose approval FG011–FG013 check).
    case claimed(ConfidentialityBasis)
    /// A basis resting on a `gateway` of a kind that can make it true.
    case evidenced(ConfidentialityBasis, gateway: String)
    /// A claim that does not count, and why.
    case unsupported(ConfidentialityBasis, UnsupportedConfidentialityClaim)

    /// The basis as far as the other gates may rely on it: nil when there is none or it does not count.
    public var countedBasis: ConfidentialityBasis? {
        switch self {
        case .absent, .unsupported: nil
        case .claimed(let basis), .evidenced(let basis, _): basis
        }
    }
}

public enum UnsupportedConfidentialityClaim: Sendable, Hashable {
    /// `confidentiality statutory` with nothing after it.
    case noInstrument
    /// The cited declaration cannot make this basis true (an approval for `statutory`, a statute
    /// for `court-order`…); its id and what it is.
    case wrongInstrument(id: String, kind: String)
    /// A public-interest decision that does not record who decided, when, or for which flows.
    case incompleteDecision(gateway: String, missing: [String])
    /// A public-interest decision or court order taken for other disclosures than this flow.
    case otherDisclosures(gateway: String)

    /// What would make the claim count, for help texts.
    public static func remedy(for basis: ConfidentialityBasis) -> String {
        switch basis {
        case .statutory:
            "cite the law: `confidentiality statutory GATEWAY`, with a `gateway` of kind statute, regulations, directions or notice that gives its citation, purposes and dates (e.g. `hsca-s259`, `care-act-s45`)"
        case .courtOrder:
            "cite the order: `confidentiality court-order GATEWAY`, with `gateway NAME { kind court-order; citation \"the order's reference\"; flows THIS-FLOW }`"
        case .overridingPublicInterest:
            "cite the recorded decision: `confidentiality public-interest GATEWAY`, with `gateway NAME { kind public-interest-decision; citation \"decision log ref\"; decided-by \"Caldicott Guardian\"; decided YYYY-MM-DD; flows THIS-FLOW }`"
        default:
            "cite the instrument that makes the basis true"
        }
    }
}

/// Per flow (model order), its confidentiality standing.
public struct ConfidentialityEvidence: Sendable {
    public let standings: [ConfidentialityStanding]

    public init(model: SemanticModel) {
        standings = model.flows.map { Self.standing(of: $0, in: model) }
    }

    static func standing(of flow: Flow, in model: SemanticModel) -> ConfidentialityStanding {
        guard let claim = flow.confidentiality else { return .absent }
        let basis = claim.basis
        guard let kinds = basis.gatewayKinds else { return .claimed(basis) }
        guard let instrument = claim.instrument else { return .unsupported(basis, .noInstrument) }
        guard let gateway = model.gateways[instrument.name] else {
            // The language admits only an approval or a gateway here.
            let kind = model.approvals[instrument.name] != nil ? "an s251 approval" : "not a gateway"
            return .unsupported(basis, .wrongInstrument(id: instrument.name, kind: kind))
        }
        guard kinds.contains(gateway.kind) else {
            return .unsupported(basis, .wrongInstrument(id: gateway.id, kind: "a gateway of kind `\(gateway.kind.rawValue)`"))
        }
        if gateway.kind == .publicInterestDecision {
            var missing: [String] = []
            if (gateway.decidedBy ?? "").allSatisfy(\.isWhitespace) { missing.append("who decided (`decided-by`)") }
            if gateway.decided == nil { missing.append("when (`decided`)") }
            if gateway.flows.isEmpty { missing.append("for which disclosures (`flows`)") }
            if !missing.isEmpty { return .unsupported(basis, .incompleteDecision(gateway: gateway.id, missing: missing)) }
        }
        if !gateway.kind.isLaw, !gateway.flows.isEmpty, !gateway.flows.contains(where: { $0.name == flow.id }) {
            return .unsupported(basis, .otherDisclosures(gateway: gateway.id))
        }
        return .evidenced(basis, gateway: gateway.id)
    }
}
