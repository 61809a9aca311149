import FlowAnalysis
import FlowModel
import Testing

@testable import FlowRules

/// FlowFacts answers the analysis's per-flow questions once per run, partly by its own means: its
/// answers must stay the analysis's, on every rule example.
struct FlowFactsTests {
    static let models: [SemanticModel] = RuleCatalog.all.flatMap { $0.triggeringExamples + $0.passingExamples }.compactMap { text in
        let provider = InMemorySourceProvider(["examples/prelude.flow": RuleExamplePrelude.text, "examples/example.flow": text])
        return ModelLoader.load(paths: ["examples"], provider: provider).model
    }

    @Test func answersAsTheAnalysisDoes() {
        #expect(Self.models.count > 70)
        for model in Self.models {
            let analysis = Analysis(model: model)
            let facts = FlowFacts(analysis: analysis)
            #expect(facts.carriesPersonalData == model.flows.indices.map(analysis.carriesPersonalData))
            #expect(facts.carriesConfidentialInformation == model.flows.indices.map(analysis.carriesConfidentialInformation))
            #expect(facts.purposeCategories == model.flows.map(analysis.purposeCategories))
        }
    }

    @Test func processorFlowsAsFG024Says() {
        for model in Self.models {
            let index = OrganisationIndex(model: model)
            #expect(index.isProcessorFlow == model.flows.map { FG024.isProcessorFlow($0, in: model) })
        }
    }
}
