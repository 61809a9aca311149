import FlowAnalysis
import FlowModel

/// The organisation declarations and the facts rules ask of datasets, by the analysis graph's dense
/// ids, and each flow's sender, recipient and dataset ids. Rules ask about a flow's parties and
/// data on every flow: by name that hashes the name and copies the declaration out of its
/// dictionary (a retain per field), where an array element is read in place.
struct DeclarationsByID: Sendable {
    /// By organisation id; nil for a name that is referenced but not declared.
    let organisations: [Organisation?]
    /// By dataset id; nil for a name that is referenced but not declared.
    let datasets: [DatasetTraits?]
    /// Per flow (model order), organisation ids.
    let senders: [Int]
    let recipients: [Int]
    /// Per flow, the dataset id.
    let flowDatasets: [Int]

    init(analysis: Analysis) {
        let graph = analysis.graph
        let model = analysis.model
        var organisations = [Organisation?](repeating: nil, count: graph.organisations.count)
        let declaredOrganisations = model.organisations
        for position in declaredOrganisations.indices {
            if let id = graph.organisations.id(declaredOrganisations.keys[position]) { organisations[id] = declaredOrganisations.values[position] }
        }
        var datasets = [DatasetTraits?](repeating: nil, count: graph.datasets.count)
        // Read in place: the traits are a few fields of a large declaration.
        let declaredDatasets = model.datasets
        for position in declaredDatasets.indices {
            if let id = graph.datasets.id(declaredDatasets.keys[position]) { datasets[id] = DatasetTraits(declaredDatasets.values[position]) }
        }
        self.organisations = organisations
        self.datasets = datasets
        senders = graph.senderOrganisations
        recipients = graph.recipientOrganisations
        flowDatasets = graph.carriedDatasets
    }

    static func shared(by collector: FindingCollector) -> DeclarationsByID {
        collector.facts.value(DeclarationsByID.self) { DeclarationsByID(analysis: collector.analysis) }
    }
}

/// What rules ask of a declared dataset for every flow that carries it; the declaration itself is
/// looked up by name only for a finding's wording.
struct DatasetTraits: Sendable {
    let level: IdentifiabilityLevel
    let origins: [DataOrigin]
    let hasCriminalOffenceData: Bool
    let hasSpecialCategories: Bool
    let hasDirectIdentifier: Bool

    // Inlined so that reading a declaration out of its dictionary loads only these fields instead
    // of copying the whole declaration for the call.
    @inline(__always)
    init(_ dataset: borrowing Dataset) {
        level = dataset.level
        origins = dataset.origins
        hasCriminalOffenceData = dataset.hasCriminalOffenceData
        hasSpecialCategories = !dataset.specialCategories.isEmpty
        hasDirectIdentifier = dataset.identifiers.contains(where: \.isDirect)
    }
}
