import FlowAnalysis
import FlowModel
import Testing

@testable import FlowRules

/// The per-flow answers worked out once per run (the analysis's gate tables, ProcessorRoles)
/// must stay what their definitions say, on every rule example.
struct FlowFactsTests {
    static let models: [SemanticModel] = RuleCatalog.all.flatMap { $0.triggeringExamples + $0.passingExamples }.compactMap { text in
        let provider = InMemorySourceProvider(["examples/prelude.flow": RuleExamplePrelude.text, "examples/example.flow": text])
        return ModelLoader.load(paths: ["examples"], provider: provider).model
    }

    @Test func answersAsTheDefinitionsSay() {
        #expect(Self.models.count > 70)
        for model in Self.models {
            let analysis = Analysis(model: model)
            let levels = analysis.identifiability.recipientLevels
            #expect(model.flows.indices.map(analysis.carriesPersonalData) == model.flows.indices.map { index in
                levels[index] == .anonymisedInContext ? model.flows[index].anonymisationAssessment == nil : levels[index].isPersonalData
            })
            #expect(model.flows.indices.map(analysis.carriesConfidentialInformation) == model.flows.indices.map { index in
                guard let dataset = model.datasets[model.flows[index].dataset.name] else { return false }
                return Analysis.isPatientInformation(dataset) && levels[index].isConfidentialByItself
            })
            #expect(analysis.flowPurposeCategories == model.flows.map(analysis.purposeCategories))
        }
    }

    @Test func processorFlowsAsDefined() {
        for model in Self.models {
            let roles = ProcessorRoles(analysis: Analysis(model: model))
            #expect(roles.isProcessorFlow == model.flows.map { flow in
                if let role = flow.role { return role == .processor }
                return model.organisations[flow.to.name]?.processorFor.contains { $0.name == flow.from.name } ?? false
            })
        }
    }
}
