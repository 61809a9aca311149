import FlowModel

/// What rules test of every flow before anything else — the recipient's role and the bases the
/// flow claims — as columns in model order, read from the flows once per run. Each read of a
/// flow's field goes through its shared storage with a run-time exclusivity check, and asking a
/// claim for its basis copies the whole claim (retaining its strings): more than many rules' own
/// test of the flow.
struct FlowColumns: Sendable {
    /// Per flow: its `role`.
    let roles: [RecipientRole?]
    /// Per flow: the basis of its Art 6 claim, nil without one.
    let article6Bases: [Article6Basis?]
    /// Per flow: the basis of its confidentiality claim, nil without one.
    let confidentialityBases: [ConfidentialityBasis?]

    init(model: SemanticModel) {
        let flows = model.flows
        var roles: [RecipientRole?] = []
        var article6Bases: [Article6Basis?] = []
        var confidentialityBases: [ConfidentialityBasis?] = []
        roles.reserveCapacity(flows.count)
        article6Bases.reserveCapacity(flows.count)
        confidentialityBases.reserveCapacity(flows.count)
        for index in flows.indices {
            roles.append(flows[index].role)
            article6Bases.append(flows[index].article6?.basis)
            confidentialityBases.append(flows[index].confidentiality?.basis)
        }
        self.roles = roles
        self.article6Bases = article6Bases
        self.confidentialityBases = confidentialityBases
    }

    static func shared(by collector: FindingCollector) -> FlowColumns {
        collector.facts.value(FlowColumns.self) { FlowColumns(model: collector.model) }
    }
}
