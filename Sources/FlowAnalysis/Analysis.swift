import FlowLanguage
import FlowModel

/// Everything the rules need to know about a resolved model: its graphs, identifiability per
/// (dataset, holder), and opt-out propagation.
public struct Analysis: Sendable {
    public let model: SemanticModel
    public let graph: FlowGraph
    public let identifiability: IdentifiabilityAnalysis
    public let optOuts: OptOutPropagation
    public let requirements: OptOutRequirements
    /// Per flow, what its confidentiality claim rests on.
    public let confidentiality: ConfidentialityEvidence
    private let gates: FlowGates

    public init(model: SemanticModel) {
        self.model = model
        let graph = FlowGraph(model: model)
        self.graph = graph
        // Opt-out propagation and the declared half of the gates depend on neither identifiability
        // nor the requirements: they run on another core while those run here, and the
        // requirements share out their flows to that core once it is free.
        let pending = Parallel.start {
            (optOuts: OptOutPropagation(model: model, graph: graph), declaredGates: FlowGates.Declared(tables: graph.tables))
        }
        let identifiability = IdentifiabilityAnalysis(model: model, graph: graph)
        let confidentiality = ConfidentialityEvidence(model: model)
        let requirements = OptOutRequirements(model: model, graph: graph, identifiability: identifiability, confidentiality: confidentiality)
        let (optOuts, declaredGates) = pending.wait()
        self.identifiability = identifiability
        self.optOuts = optOuts
        self.requirements = requirements
        self.confidentiality = confidentiality
        gates = FlowGates(model: model, declared: declaredGates, recipientLevels: identifiability.recipientLevels)
    }

    /// The flow's confidentiality basis as far as other checks may rely on it: nil when it claims
    /// none, or claims one whose instrument is missing or of the wrong kind.
    public func countedConfidentialityBasis(_ index: Int) -> ConfidentialityBasis? {
        confidentiality.standings[index].countedBasis
    }

    /// Index of the flow with this id.
    public func flowIndex(_ id: String) -> Int? {
        model.flows.firstIndex { $0.id == id }
    }

    public func purposeCategories(of flow: Flow) -> [PurposeCategory] {
        flow.purposes.compactMap { model.purposes[$0.name]?.category }
    }

    /// Per flow (model order), the categories of its purposes: `purposeCategories(of:)` of every flow.
    public var flowPurposeCategories: [[PurposeCategory]] { gates.purposeCategories }

    /// Whether the flow carries personal data in the recipient's hands (gate G1): personal data at
    /// that level, or anonymised in context without an anonymisation assessment.
    public func carriesPersonalData(_ index: Int) -> Bool {
        gates.carriesPersonalData[index]
    }

    /// Confidential patient information in the recipient's hands (gates G2, G3): information about
    /// health or care (NHS Act 2006 s251(10)) that the recipient can identify people from.
    public func carriesConfidentialInformation(_ index: Int) -> Bool {
        gates.carriesConfidentialInformation[index]
    }

    /// Whether one organisation acts as the other's processor (either direction).
    public func isProcessorRelationship(from: String, to: String) -> Bool {
        model.organisations[to]?.processorFor.contains { $0.name == from } == true
            || model.organisations[from]?.processorFor.contains { $0.name == to } == true
    }

    /// About someone's health, condition, diagnosis, care or treatment (including social care).
    public static func isPatientInformation(_ dataset: Dataset) -> Bool {
        isPatientInformation(specialCategories: dataset.specialCategories, origins: dataset.origins)
    }

    static func isPatientInformation(specialCategories: [SpecialCategory], origins: [DataOrigin]) -> Bool {
        specialCategories.contains(.health) || origins.contains { $0 != .nonHealth }
    }
}
