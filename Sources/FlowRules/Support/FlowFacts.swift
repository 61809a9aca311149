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
        let flows = analysis.model.flows
        carriesPersonalData = flows.indices.map(analysis.carriesPersonalData)
        carriesConfidentialInformation = flows.indices.map(analysis.carriesConfidentialInformation)
        purposeCategories = flows.map(analysis.purposeCategories)
    }

    static func shared(by collector: FindingCollector) -> FlowFacts {
        collector.facts.value(FlowFacts.self) { FlowFacts(analysis: collector.analysis) }
    }
}
