import FlowAnalysis
import FlowModel

/// Per flow (model order), whether sender and recipient are one legal person: parts of the same
/// body (`part-of`), or a predecessor's part passing data to its successor's. Such a flow is an
/// internal use — no processor contract, no data sharing agreement, no disclosure to a third
/// party — though purpose limitation and opt-outs still apply to it.
struct InternalFlows: Sendable {
    let isInternal: [Bool]

    init(analysis: Analysis) {
        let model = analysis.model
        let graph = analysis.graph
        guard model.organisations.values.contains(where: { $0.partOf != nil }) else {
            isInternal = [Bool](repeating: false, count: model.flows.count)
            return
        }
        // Worked out per organisation id, so each flow compares integers.
        let names = graph.organisations.names
        let person = names.map { graph.organisations.id(model.legalPerson(of: $0)) ?? -1 }
        // A body's successor took over its functions: a predecessor's data is the successor's now.
        let successors: [[Int]] = names.map { name in
            var result: [Int] = []
            var current = model.organisations[model.legalPerson(of: name)]?.successor?.name
            while let next = current, result.count < 64 {
                let id = graph.organisations.id(model.legalPerson(of: next)) ?? -1
                if result.contains(id) { break }
                result.append(id)
                current = model.organisations[next]?.successor?.name
            }
            return result
        }
        let senders = graph.senderOrganisations
        let recipients = graph.recipientOrganisations
        isInternal = model.flows.indices.map { index in
            let sender = senders[index], recipient = recipients[index]
            guard sender != recipient else { return false }
            let from = person[sender], to = person[recipient]
            return from == to || successors[sender].contains(to) || successors[recipient].contains(from)
        }
    }

    static func shared(by collector: FindingCollector) -> InternalFlows {
        collector.facts.value(InternalFlows.self) { InternalFlows(analysis: collector.analysis) }
    }
}
