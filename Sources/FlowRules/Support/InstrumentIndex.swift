import FlowModel

/// Agreements by party and processor contracts by processor, each list in id order, so rules find
/// the instruments that could govern a flow without scanning every instrument of the estate.
struct InstrumentIndex: Sendable {
    let agreementsByParty: [String: [Agreement]]
    let contractsByProcessor: [String: [ProcessorContract]]

    init(model: SemanticModel) {
        var agreementsByParty: [String: [Agreement]] = [:]
        for agreement in model.agreements.values.sorted(by: { $0.id < $1.id }) {
            for party in Set(agreement.parties.map(\.name)) { agreementsByParty[party, default: []].append(agreement) }
        }
        self.agreementsByParty = agreementsByParty
        contractsByProcessor = Dictionary(grouping: model.contracts.values.sorted { $0.id < $1.id }, by: \.processor.name)
    }

    static func shared(by collector: FindingCollector) -> InstrumentIndex {
        collector.facts.value(InstrumentIndex.self) { InstrumentIndex(model: collector.model) }
    }

    /// Agreements naming one of `senders` and one of `recipients`, in id order.
    func agreements(between senders: Set<String>, and recipients: Set<String>) -> [Agreement] {
        var seen: Set<String> = []
        var result: [Agreement] = []
        for sender in senders {
            for agreement in agreementsByParty[sender] ?? [] where seen.insert(agreement.id).inserted {
                if agreement.parties.contains(where: { recipients.contains($0.name) }) { result.append(agreement) }
            }
        }
        return result.sorted { $0.id < $1.id }
    }
}
