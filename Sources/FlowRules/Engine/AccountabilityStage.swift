import FlowLanguage
import FlowModel

/// A model that says whose accountability it describes (`accountable yes` on the organisation, the
/// ICB whose notice it models) charges that organisation only with its own obligations. A finding about a
/// flow, holder or transform in which neither the organisation (with the offices of its legal
/// person) nor a processor acting for it takes part is another controller's obligation — NHS
/// England's dissemination, a registry's collection, a research body's retention — and is
/// reported as information saying whose it is. What such a flow breaks in the organisation's own
/// flows (an opt-out lost upstream, data that arrives identifiable) is found on those flows by
/// the rules themselves, so it stays at its severity there. Findings about instruments and
/// waivers are left as they are: an instrument names its own parties.
enum AccountabilityStage {
    static func apply(to findings: [Finding], model: SemanticModel) -> [Finding] {
        let accountable = model.organisations.values.filter(\.isAccountable).map(\.id).sorted()
        guard !accountable.isEmpty else { return findings }
        let parties = AccountableParties(model: model, accountable: Set(accountable))
        let accountableNames = accountable.map { "`\($0)`" }.joined(separator: " or ")
        var flowsByID: [String: Flow] = [:]
        for flow in model.flows { flowsByID[flow.id] = flow }
        var holders: [String: [String]] = [:]
        for transform in model.transforms { holders[transform.output, default: []].append(transform.holder.name) }
        return findings.map { finding in
            guard finding.severity > .info else { return finding }
            let others: [String]
            if let flow = flowsByID[finding.target] {
                guard !parties.takesPart(in: flow) else { return finding }
                others = [flow.from.name, flow.to.name]
            } else if model.organisations[finding.target] != nil {
                guard !parties.contains(finding.target) else { return finding }
                others = [finding.target]
            } else if let holding = holders[finding.target] {
                guard !holding.contains(where: parties.contains) else { return finding }
                others = holding
            } else {
                return finding
            }
            let whose = Array(Set(others)).sorted().map { "`\($0)`" }.joined(separator: " and ")
            return finding.adjusted(
                severity: .info,
                note: "outside this model's accountability: an obligation of \(whose), not of \(accountableNames)"
            )
        }
    }
}

/// The organisations a model is accountable for, the offices of the same legal persons, and the
/// processors acting for them (by declaration or on a flow).
struct AccountableParties {
    private let model: SemanticModel
    private let accountable: Set<String>
    private let legalPersons: Set<String>
    private let processors: Set<String>

    init(model: SemanticModel, accountable: Set<String>) {
        self.model = model
        self.accountable = accountable
        legalPersons = Set(accountable.map(model.legalPerson))
        var processors: Set<String> = []
        for organisation in model.organisations.values where organisation.processorFor.contains(where: { accountable.contains($0.name) }) {
            processors.insert(organisation.id)
        }
        for flow in model.flows where flow.processorFor.map({ accountable.contains($0.name) }) ?? false {
            processors.insert(flow.to.name)
        }
        self.processors = processors
    }

    func contains(_ organisation: String) -> Bool {
        legalPersons.contains(model.legalPerson(of: organisation)) || processors.contains(organisation)
    }

    func takesPart(in flow: Flow) -> Bool {
        contains(flow.from.name) || contains(flow.to.name) || (flow.processorFor.map { accountable.contains($0.name) } ?? false)
    }
}
