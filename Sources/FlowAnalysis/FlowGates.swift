import FlowModel

/// Per flow (model order), the gate questions nearly every rule asks of every flow, answered once
/// when the analysis is built: each answer looks the flow's dataset or purposes up by name, and the
/// looked-up half is the same for every flow of a dataset or purpose, so it is taken once per
/// declaration.
struct FlowGates: Sendable {
    let carriesPersonalData: [Bool]
    let carriesConfidentialInformation: [Bool]
    let purposeCategories: [[PurposeCategory]]

    init(model: SemanticModel, recipientLevels: [IdentifiabilityLevel]) {
        let flows = model.flows
        carriesPersonalData = flows.indices.map { index in
            let level = recipientLevels[index]
            if level == .anonymisedInContext { return flows[index].anonymisationAssessment == nil }
            return level.isPersonalData
        }
        var patientInformation: [String: Bool] = [:]
        patientInformation.reserveCapacity(model.datasets.count)
        for (id, dataset) in model.datasets { patientInformation[id] = Analysis.isPatientInformation(dataset) }
        carriesConfidentialInformation = flows.indices.map { index in
            patientInformation[flows[index].dataset.name] == true && recipientLevels[index].isConfidentialByItself
        }
        let categories = model.purposes.mapValues(\.category)
        purposeCategories = flows.map { flow in flow.purposes.compactMap { categories[$0.name] } }
    }
}
