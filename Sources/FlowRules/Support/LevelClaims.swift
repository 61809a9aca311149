import FlowLanguage
import FlowModel

/// Where a flow's level is a claim the model cannot support (FG019's root causes): a transform
/// claiming a level its output cannot have, or a flow declaring a lower level than the dataset it
/// carries with no transform that lowered it. The rules read the supported level; a finding that
/// would not arise at the claimed level follows from the claim, and names FG019's finding as its
/// cause so that the claim is reported once with what follows from it.
struct LevelClaims: Sendable {
    struct Claim: Sendable {
        /// FG019's finding that reports the claim.
        let root: FindingReference
        /// The level the flow declares.
        let claimed: IdentifiabilityLevel
    }

    static let code = "FG019"
    static let unsupportedLevel = "unsupported-level"
    static let understated = "understated"

    /// By flow index.
    private let claims: [Int: Claim]
    /// By transform output: the flows that carry it and only repeat its claim, in model order.
    let repeating: [String: [Int]]
    /// By understated flow: the understated flow that delivered the same dataset to its sender at a
    /// level no lower, whose claim this one only passes on.
    private let passedOn: [Int: FindingReference]

    init(model: SemanticModel) {
        var claims: [Int: Claim] = [:]
        var repeating: [String: [Int]] = [:]
        for transform in model.transforms {
            guard let correction = model.datasets[transform.output]?.levelCorrection else { continue }
            let root = FindingReference(code: Self.code, target: transform.output, discriminator: Self.unsupportedLevel)
            for index in model.flows.indices {
                let flow = model.flows[index]
                guard flow.dataset.name == transform.output, !(flow.level > correction.claimed) else { continue }
                repeating[transform.output, default: []].append(index)
                claims[index] = Claim(root: root, claimed: flow.level)
            }
        }
        for (index, flow) in model.flows.enumerated() where claims[index] == nil {
            guard let dataset = model.datasets[flow.dataset.name], flow.level < dataset.level else { continue }
            claims[index] = Claim(root: FindingReference(code: Self.code, target: flow.id, discriminator: Self.understated), claimed: flow.level)
        }
        // An understated flow that passes on what an understated delivery to its sender claimed is
        // the same claim again: its finding follows from the delivery's.
        var deliveries: [String: [Int]] = [:]
        for (index, claim) in claims where claim.root.discriminator == Self.understated {
            deliveries[model.flows[index].to.name, default: []].append(index)
        }
        var passedOn: [Int: FindingReference] = [:]
        for (index, claim) in claims where claim.root.discriminator == Self.understated {
            let flow = model.flows[index]
            let delivery = (deliveries[flow.from.name] ?? []).sorted().first { other in
                other != index && model.flows[other].dataset.name == flow.dataset.name && model.flows[other].level >= claim.claimed
            }
            if let delivery, let root = claims[delivery]?.root { passedOn[index] = root }
        }
        self.claims = claims
        self.repeating = repeating
        self.passedOn = passedOn
    }

    /// For an understated flow: the claim it passes on from an understated delivery to its sender.
    func passedOnClaim(flow index: Int) -> FindingReference? { passedOn[index] }

    static func shared(by collector: FindingCollector) -> LevelClaims {
        collector.facts.value(LevelClaims.self) { LevelClaims(model: collector.model) }
    }

    /// Whether the flow declares a lower level than its dataset, no transform having lowered it.
    func isUnderstated(flow index: Int) -> Bool { claims[index]?.root.discriminator == Self.understated }

    /// FG019's finding, when a rule that fires only where `fires` holds of the level would not
    /// fire at the level the flow claims.
    func cause(ofFlow index: Int, firesAt fires: (IdentifiabilityLevel) -> Bool) -> FindingReference? {
        guard let claim = claims[index], !fires(claim.claimed) else { return nil }
        return claim.root
    }
}
