import FlowModel

/// What rules ask about organisations for every flow — whose processor each is, each one's kind
/// (which flows go to a processor is `ProcessorRoles.isProcessorFlow`) — worked out once per run: reading them through
/// `model.organisations` copies the whole declaration (twenty-odd fields) per lookup, and rules
/// rebuilt the `processor-for` set each time.
struct OrganisationIndex: Sendable {
    /// Each organisation's `processor-for` controllers (only organisations that declare some).
    private let controllersServed: [String: Set<String>]
    /// Every declared organisation, by id.
    private let entries: [String: Entry]
    /// Each organisation's declared `processor-for` controllers (undeclared names left out), in
    /// declaration order.
    private let declaredControllers: [String: [Entry]]

    /// A declared organisation held by reference: rules keep several per flow, and copying the
    /// declaration costs a retain per field.
    @dynamicMemberLookup
    final class Entry: Sendable {
        let organisation: Organisation

        init(_ organisation: Organisation) { self.organisation = organisation }

        subscript<Value>(dynamicMember keyPath: KeyPath<Organisation, Value>) -> Value { organisation[keyPath: keyPath] }
    }

    init(model: SemanticModel) {
        var served: [String: Set<String>] = [:]
        var entries: [String: Entry] = [:]
        for (id, organisation) in model.organisations {
            if !organisation.processorFor.isEmpty { served[id] = Set(organisation.processorFor.map(\.name)) }
            entries[id] = Entry(organisation)
        }
        var declaredControllers: [String: [Entry]] = [:]
        for (id, organisation) in model.organisations where !organisation.processorFor.isEmpty {
            declaredControllers[id] = organisation.processorFor.compactMap { entries[$0.name] }
        }
        self.entries = entries
        self.declaredControllers = declaredControllers
        controllersServed = served
    }

    /// The organisations `organisation` declares `joint-controller-with`.
    func jointControllers(of organisation: String) -> [String] {
        entries[organisation]?.jointControllerWith.map(\.name) ?? []
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

    /// The declared organisation with this id.
    func organisation(_ id: String) -> Entry? {
        entries[id]
    }

    /// The declared organisations `organisation` is `processor-for`, in declaration order.
    func declaredControllers(servedBy organisation: String) -> [Entry] {
        declaredControllers[organisation] ?? []
    }

    /// The organisation's kind, nil when it is not declared.
    func kind(of organisation: String) -> OrganisationKind? {
        entries[organisation]?.organisation.kind
    }
}
