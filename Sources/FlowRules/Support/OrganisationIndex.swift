import FlowModel

/// What rules ask about organisations for every flow — whose processor each is, which flows go to
/// a processor, each one's kind — worked out once per run: reading them through
/// `model.organisations` copies the whole declaration (twenty-odd fields) per lookup, and rules
/// rebuilt the `processor-for` set each time.
struct OrganisationIndex: Sendable {
    /// Each organisation's `processor-for` controllers (only organisations that declare some).
    private let controllersServed: [String: Set<String>]
    /// Per flow (model order): whether the recipient acts as a processor for it (`FG024.isProcessorFlow`).
    let isProcessorFlow: [Bool]
    private let kinds: [String: OrganisationKind]

    init(model: SemanticModel) {
        var served: [String: Set<String>] = [:]
        var kinds: [String: OrganisationKind] = [:]
        for (id, organisation) in model.organisations {
            kinds[id] = organisation.kind
            if !organisation.processorFor.isEmpty { served[id] = Set(organisation.processorFor.map(\.name)) }
        }
        controllersServed = served
        self.kinds = kinds
        isProcessorFlow = model.flows.map { flow in
            if let role = flow.role { return role == .processor }
            return served[flow.to.name]?.contains(flow.from.name) ?? false
        }
    }

    static func shared(by collector: FindingCollector) -> OrganisationIndex {
        collector.facts.value(OrganisationIndex.self) { OrganisationIndex(model: collector.model) }
    }

    /// The controllers `organisation` declares itself `processor-for`.
    func controllers(servedBy organisation: String) -> Set<String> {
        controllersServed[organisation] ?? []
    }

    /// `Analysis.isProcessorRelationship(from:to:)`: one acts as the other's processor (either direction).
    func isProcessorRelationship(_ one: String, _ other: String) -> Bool {
        controllers(servedBy: other).contains(one) || controllers(servedBy: one).contains(other)
    }

    /// The organisation's kind, nil when it is not declared.
    func kind(of organisation: String) -> OrganisationKind? {
        kinds[organisation]
    }
}
