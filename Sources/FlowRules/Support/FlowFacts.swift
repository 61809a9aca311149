import FlowAnalysis
import FlowModel

/// Per flow (model order), what most rules ask of every flow, asked of the analysis once per run:
/// each question looks the flow's dataset or purposes up by name and copies the declarations.
struct FlowFacts: Sendable {
    /// `Analysis.carriesPersonalData`.
    let carriesPersonalData: [Bool]
    /// `Analysis.carriesConfidentialInformation`.
    let carriesConfidentialInformation: [Bool]
    /// `Analysis.purposeCategories(of:)`.
    let purposeCategories: [[PurposeCategory]]

    init(analysis: Analysis) {
        let model = analysis.model
        let flows = model.flows
        carriesPersonalData = flows.indices.map(analysis.carriesPersonalData)
        // The analysis answers these per flow by looking up (and copying) the dataset or purpose;
        // the looked-up half is the same for every flow of a dataset or purpose, so it is taken
        // once per declaration. FlowFactsTests pins the result to the analysis's own answers.
        var patientInformation: [String: Bool] = [:]
        patientInformation.reserveCapacity(model.datasets.count)
        for (id, dataset) in model.datasets { patientInformation[id] = Analysis.isPatientInformation(dataset) }
        let levels = analysis.identifiability.recipientLevels
        carriesConfidentialInformation = flows.indices.map { index in
            patientInformation[flows[index].dataset.name] == true && levels[index].isConfidentialByItself
        }
        let categories = model.purposes.mapValues(\.category)
        purposeCategories = flows.map { flow in flow.purposes.compactMap { categories[$0.name] } }
    }

    static func shared(by collector: FindingCollector) -> FlowFacts {
        collector.facts.value(FlowFacts.self) { FlowFacts(analysis: collector.analysis) }
    }
}
