import FlowAnalysis
import FlowModel

/// Who is the controller of what a flow does (domain.md §5.1), derived from `processor-for` and the
/// flow's `role`.
extension ReportContext {
    /// The controllers an organisation ultimately acts for: its legal person (a DSCRO's is NHS
    /// England), or — for a processor — the controllers of the organisations it processes for (a
    /// sub-processor's client's controllers).
    func ultimateControllers(of organisation: String) -> [String] {
        var result: Set<String> = []
        var seen: Set<String> = []
        var pending = [organisation]
        while let current = pending.popLast() {
            guard seen.insert(current).inserted else { continue }
            let clients = model.organisations[current]?.processorFor.map(\.name) ?? []
            if clients.isEmpty {
                result.insert(model.legalPerson(of: current))
            } else {
                pending += clients
            }
        }
        return Array(result).sortedUTF8().filter(isControllerKind)
    }

    /// Individuals and the public hold no controller records.
    func isControllerKind(_ organisation: String) -> Bool {
        guard let kind = model.organisations[organisation]?.kind else { return true }
        return kind != .individual && kind != .publicAudience
    }

    /// The controllers on whose behalf the sender discloses.
    func disclosingControllers(_ flow: Flow) -> [String] {
        ultimateControllers(of: flow.from.name)
    }

    /// The controllers of the recipient's processing: the recipient's legal person unless it receives
    /// as a processor, then the controller the flow names (`role processor for ORG`), else those it
    /// declares it processes for, else the sender's.
    func receivingControllers(_ flow: Flow) -> [String] {
        switch flow.role {
        case .processor:
            if let named = flow.processorFor { return ultimateControllers(of: named.name) }
            let clients = model.organisations[flow.to.name]?.processorFor ?? []
            return clients.isEmpty ? disclosingControllers(flow) : ultimateControllers(of: flow.to.name)
        case .controller, .jointController, nil:
            return isControllerKind(flow.to.name) ? [model.legalPerson(of: flow.to.name)] : []
        }
    }

    /// Whether the data is personal data at either end of the flow.
    func involvesPersonalData(_ index: Int) -> Bool {
        if analysis.carriesPersonalData(index) { return true }
        let flow = model.flows[index]
        return analysis.identifiability.effectiveLevels[Holding(flow.from.name, flow.dataset.name)]?.isPersonalData == true
    }

    /// Organisations acting as processors: declared `processor-for`, or receiving a flow as processor.
    func processors() -> [String] {
        var result: Set<String> = []
        for organisation in model.organisations.values where !organisation.processorFor.isEmpty { result.insert(organisation.id) }
        for flow in model.flows where flow.role == .processor { result.insert(flow.to.name) }
        return Array(result).sortedUTF8()
    }
}
