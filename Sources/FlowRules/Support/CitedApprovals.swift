import FlowModel

/// The approval each flow's `confidentiality` claim cites, found once per run: nine rules ask it
/// of every flow, and looking the approval up by name hashed the name and copied the approval out
/// of the model's dictionary each time.
struct CitedApprovals: Sendable {
    /// Every approval's id (its key in `model.approvals`), sorted.
    let ids: [String]
    /// The approvals, in the order of `ids`.
    let approvals: [Approval]
    /// Per flow (model order), the position in `approvals` of the one it cites, or -1 when its
    /// claim names no instrument or one that is not an approval (a gateway).
    private let positions: [Int]
    /// Per approval (in the order of `ids`), the flows citing it, in model order.
    let citing: [[Int]]

    init(model: SemanticModel) {
        let declared = model.approvals
        // Sorted by key and read in place, so no approval is copied until it is kept.
        let order = declared.indices.sorted { declared.keys[$0] < declared.keys[$1] }
        ids = order.map { declared.keys[$0] }
        approvals = order.map { declared.values[$0] }
        let positionNamed = NameIndex(ids)
        let positions = model.flows.map { flow in flow.confidentiality?.instrument.flatMap { positionNamed.position(of: $0.name) } ?? -1 }
        var citing = [[Int]](repeating: [], count: order.count)
        for (flow, position) in positions.enumerated() where position >= 0 { citing[position].append(flow) }
        self.positions = positions
        self.citing = citing
    }

    static func shared(by collector: FindingCollector) -> CitedApprovals {
        collector.facts.value(CitedApprovals.self) { CitedApprovals(model: collector.model) }
    }

    /// The position in `approvals` of the approval the flow cites.
    func position(ofFlow index: Int) -> Int? {
        positions[index] < 0 ? nil : positions[index]
    }

    /// The approval the flow cites.
    func approval(ofFlow index: Int) -> Approval? {
        position(ofFlow: index).map { approvals[$0] }
    }
}
