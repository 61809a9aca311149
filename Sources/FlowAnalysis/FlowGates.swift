import FlowModel

/// Per flow (model order), the gate questions nearly every rule asks of every flow, answered once
/// when the analysis is built. Datasets are read through the graph's per-dataset facts, so no flow
/// looks its dataset up by name.
struct FlowGates: Sendable {
    let carriesPersonalData: [Bool]
    let carriesConfidentialInformation: [Bool]
    let purposeCategories: [[PurposeCategory]]

    /// The answers that do not depend on identifiability, computed while identifiability is.
    struct Declared: Sendable {
        /// Per flow: whether its dataset is about health or care.
        let isPatientInformation: [Bool]
        let purposeCategories: [[PurposeCategory]]

        init(tables: FlowGraphTables) {
            let facts = tables.datasetFacts
            isPatientInformation = tables.carriedDataset.map { facts[$0].isPatientInformation }
            purposeCategories = tables.carriedDataset.indices.map(tables.purposeCategories(ofFlow:))
        }
    }

    init(model: SemanticModel, declared: Declared, recipientLevels: [IdentifiabilityLevel]) {
        let flows = model.flows
        carriesPersonalData = flows.indices.map { index in
            let level = recipientLevels[index]
            if level == .anonymisedInContext { return flows[index].anonymisationAssessment == nil }
            return level.isPersonalData
        }
        carriesConfidentialInformation = flows.indices.map { index in
            declared.isPatientInformation[index] && recipientLevels[index].isConfidentialByItself
        }
        purposeCategories = declared.purposeCategories
    }
}
