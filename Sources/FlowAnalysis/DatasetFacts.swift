import FlowModel

/// What the analysis needs to know about one dataset, read once per dataset instead of once per
/// holding or flow. Referenced datasets that are not declared take the defaults.
struct DatasetFacts: Sendable {
    var isDeclared = false
    var level: IdentifiabilityLevel = .identifiable
    var isDerived = false
    /// The pseudonym domain the data is keyed by.
    var key: String?
    var hasNHSNumber = false

    init() {}

    init(_ dataset: Dataset) {
        isDeclared = true
        level = dataset.level
        isDerived = dataset.isDerived
        key = dataset.key?.name
        hasNHSNumber = dataset.identifiers.contains(.nhsNumber)
    }
}
