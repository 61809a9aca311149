import FlowAnalysis
import FlowModel

/// Per flow (model order), whether sender and recipient are one legal person: parts of the same
/// body (`part-of`), or a predecessor's part passing data to its successor's. Such a flow is an
/// internal use — no processor contract, no data sharing agreement, no disclosure to a third
/// party — though purpose limitation and opt-outs still apply to it.
struct InternalFlows: Sendable {
    let isInternal: [Bool]

    init(model: SemanticModel) {
        var persons: [String: String] = [:]
        func person(_ name: String) -> String {
            if let known = persons[name] { return known }
            let found = model.legalPerson(of: name)
            persons[name] = found
            return found
        }
        // A body's successor took over its functions: a predecessor's data is the successor's now.
        var successorChains: [String: [String]] = [:]
        func successors(of name: String) -> [String] {
            if let known = successorChains[name] { return known }
            var result: [String] = []
            var current = model.organisations[name]?.successor?.name
            while let next = current, !result.contains(next), result.count < 64 {
                result.append(next)
                current = model.organisations[next]?.successor?.name
            }
            successorChains[name] = result
            return result
        }
        let partsDeclared = model.organisations.values.contains { $0.partOf != nil }
        isInternal = model.flows.map { flow in
            guard partsDeclared, flow.from.name != flow.to.name else { return false }
            let sender = person(flow.from.name)
            let recipient = person(flow.to.name)
            return sender == recipient || successors(of: sender).contains(recipient) || successors(of: recipient).contains(sender)
        }
    }

    static func shared(by collector: FindingCollector) -> InternalFlows {
        collector.facts.value(InternalFlows.self) { InternalFlows(model: collector.model) }
    }
}
