import FlowAnalysis
import FlowModel

/// What rules test of every flow before anything else — the recipient's role, the bases the flow
/// claims, and the analysis's gates — as columns in model order, read once per run. Each read of a
/// flow's field goes through its shared storage, and asking a claim for its basis copies the whole
/// claim (retaining its strings); asking the analysis for a gate is a call into another module
/// with the whole analysis as its argument, copied out of the collector on every flow: more than
/// many rules' own test of the flow.
struct FlowColumns: Sendable {
    /// Per flow: its `role`.
    let roles: [RecipientRole?]
    /// Per flow: the basis of its Art 6 claim, nil without one.
    let article6Bases: [Article6Basis?]
    /// Per flow: the basis of its confidentiality claim, nil without one.
    let confidentialityBases: [ConfidentialityBasis?]
    /// Per flow: `Analysis.carriesPersonalData` (gate G1).
    let carriesPersonalData: [Bool]
    /// Per flow: `Analysis.carriesConfidentialInformation` (gates G2, G3).
    let carriesConfidentialInformation: [Bool]

    init(analysis: Analysis) {
        let flows = analysis.model.flows
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
        carriesPersonalData = flows.indices.map(analysis.carriesPersonalData)
        carriesConfidentialInformation = flows.indices.map(analysis.carriesConfidentialInformation)
    }

    static func shared(by collector: FindingCollector) -> FlowColumns {
        collector.facts.value(FlowColumns.self) { FlowColumns(analysis: collector.analysis) }
    }
}
