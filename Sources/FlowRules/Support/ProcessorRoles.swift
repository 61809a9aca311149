import FlowAnalysis
import FlowModel

/// Processor relationships in one model, over organisation ids, worked out once per run for
/// FG024–FG027: who acts for whom, for which controllers each flow's sender holds its data as a
/// processor, and which flows are sub-processing.
struct ProcessorRoles: Sendable {
    let analysis: Analysis
    /// Per flow: its `role` (`FlowColumns.roles`).
    let flowRoles: [RecipientRole?]
    let ids: OrganisationIDs
    let instruments: PartyInstruments
    /// Per flow (model order): the sender's and the recipient's ids.
    let senders: [Int]
    let recipients: [Int]
    /// Per flow: whether the recipient acts as a processor for it: the flow's `role`, or without one,
    /// the recipient being declared `processor-for` the sender.
    let isProcessorFlow: [Bool]
    /// Per organisation id: the controllers it declares itself `processor-for`, ascending.
    let controllersServed: [[Int]]
    /// Per flow: the controllers for which the sender holds the flow's data as a processor —
    /// non-empty only when everything that brought the data to it (through its own transforms)
    /// was a processor flow. Ascending.
    let senderControllers: [[Int]]
    /// Per organisation id: its kind, nil when it is not declared.
    let kinds: [OrganisationKind?]
    /// Per flow: a processor engaging another processor for the same processing (Art 28(2), (4)).
    let isSubProcessing: [Bool]
    /// Per flow: the id of the controller named by `role processor for ORG`.
    let namedControllers: [Int?]

    init(analysis: Analysis) {
        self.init(analysis: analysis, columns: FlowColumns(analysis: analysis), internalFlows: InternalFlows(analysis: analysis))
    }

    init(analysis: Analysis, columns: FlowColumns, internalFlows: InternalFlows) {
        self.analysis = analysis
        let flowRoles = columns.roles
        self.flowRoles = flowRoles
        let model = analysis.model
        let graph = analysis.graph
        var mentioned = PartyInstruments.mentionedOrganisations(in: model)
        let declared = model.organisations
        let declaredFacts = declared.indices.map { (id: declared.keys[$0], facts: Self.facts(of: declared.values[$0])) }
        for organisation in declaredFacts { mentioned += organisation.facts.processorFor }
        let ids = OrganisationIDs(graph: graph, mentioned: mentioned)
        self.ids = ids
        let instruments = PartyInstruments(model: model, ids: ids)
        self.instruments = instruments

        var served = [[Int]](repeating: [], count: ids.count)
        var kinds = [OrganisationKind?](repeating: nil, count: ids.count)
        for (name, facts) in declaredFacts {
            let id = ids.id(name)!
            if !facts.processorFor.isEmpty { served[id] = facts.processorFor.map { ids.id($0)! }.idSet }
            kinds[id] = facts.kind
        }
        controllersServed = served
        self.kinds = kinds
        let senders = graph.senderOrganisations
        let recipients = graph.recipientOrganisations
        self.senders = senders
        self.recipients = recipients

        // Within one legal person no one is another's processor: the flow is an internal use.
        let isInternal = internalFlows.isInternal
        let isProcessorFlow = model.flows.indices.map { index in
            if isInternal[index] { return false }
            if let role = flowRoles[index] { return role == .processor }
            return served[recipients[index]].containsID(senders[index])
        }
        self.isProcessorFlow = isProcessorFlow
        // `role processor for ORG`: the controller a processor flow serves, by id.
        let namedControllers = model.flows.map { flow in flow.processorFor.flatMap { ids.id($0.name) } }
        self.namedControllers = namedControllers

        // A loop rather than a nested function: state captured by a function is boxed and checked
        // for exclusive access at every read.
        var byHolding = DenseMemo<[Int]>(count: graph.holdingCount)
        // Holdings visited by the current walk carry its number: no set to allocate per walk.
        var visitedBy = [Int](repeating: -1, count: graph.holdingCount)
        var pending: [Int] = []
        // Reused by every walk: what `ArrivingFlows.walk(fromHolding:in:while:)` finds, all
        // processor flows: their senders.
        var processorSenders: [Int] = []
        var senderControllers: [[Int]] = []
        senderControllers.reserveCapacity(graph.senderHoldings.count)
        for start in graph.senderHoldings {
            if let known = byHolding[start] {
                senderControllers.append(known)
                continue
            }
            processorSenders.removeAll(keepingCapacity: true)
            var arrived = false
            pending.removeAll(keepingCapacity: true)
            pending.append(start)
            visitedBy[start] = start
            walk: while let holding = pending.popLast() {
                for contribution in graph.contributions(toHolding: holding) {
                    switch contribution {
                    case .flow(let index):
                        guard isProcessorFlow[index] else { arrived = false; break walk }
                        arrived = true
                        processorSenders.insertID(namedControllers[index] ?? senders[index])
                    case .transform(let index):
                        for input in graph.inputHoldings(ofTransform: index) where visitedBy[input] != start {
                            visitedBy[input] = start
                            pending.append(input)
                        }
                    }
                }
            }
            let holder = graph.organisationID(ofHolding: start)
            let controllers = arrived ? served[holder].mergingIDs(processorSenders).removingID(holder) : []
            byHolding[start] = controllers
            senderControllers.append(controllers)
        }
        self.senderControllers = senderControllers
        isSubProcessing = model.flows.indices.map { index in
            let controllers = senderControllers[index]
            guard !controllers.isEmpty else { return false }
            // Two processors of one controller passing data on its instructions: not sub-processing.
            if let named = namedControllers[index], served[recipients[index]].containsID(named),
               !served[recipients[index]].containsID(senders[index]) { return false }
            return Self.isSubProcessing(
                role: flowRoles[index], sender: senders[index], recipient: recipients[index], senderControllers: controllers,
                recipientControllers: served[recipients[index]], instruments: instruments
            )
        }
    }

    /// Read in place: copying a declaration retains each of its twenty-odd fields.
    private static func facts(of organisation: borrowing Organisation) -> (processorFor: [String], kind: OrganisationKind) {
        (organisation.processorFor.map(\.name), organisation.kind)
    }

    /// Computed once per run for FG024–FG027.
    static func shared(by collector: FindingCollector) -> ProcessorRoles {
        collector.facts.value(ProcessorRoles.self) {
            ProcessorRoles(analysis: collector.analysis, columns: FlowColumns.shared(by: collector), internalFlows: InternalFlows.shared(by: collector))
        }
    }

    private static func isSubProcessing(
        role: RecipientRole?, sender: Int, recipient: Int, senderControllers: [Int], recipientControllers: [Int], instruments: PartyInstruments
    ) -> Bool {
        guard role != .controller, role != .jointController, !senderControllers.containsID(recipient) else { return false }
        if recipientControllers.containsID(sender) { return true }
        // A processor the controller engaged directly (its own contract) is not a sub-processor.
        let direct = instruments.contractsByProcessor[recipient].contains { senderControllers.containsID(instruments.contracts[$0].controller) }
        if direct { return false }
        if role == .processor { return recipientControllers.isEmpty || recipientControllers.sharesAnyID(with: senderControllers) }
        return recipientControllers.sharesAnyID(with: senderControllers)
    }
}
