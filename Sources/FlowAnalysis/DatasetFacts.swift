import FlowModel

/// What the analysis needs to know about one dataset, read once per dataset instead of once per
/// holding or flow. Referenced datasets that are not declared take the defaults. Flags and a level
/// only, so copying one costs no reference counting (its key is `FlowGraphTables.keyOfDataset`).
struct DatasetFacts: Sendable {
    var isDeclared = false
    var level: IdentifiabilityLevel = .identifiable
    var isDerived = false
    var hasNHSNumber = false
    /// Keeps a direct identifier (the NHS number, a name, an address…).
    var hasDirectIdentifier = false
    var isFromGPRecord = false
    /// From health or adult social care in England: what the National Data Opt-out covers.
    var isInNDOOScope = false
    /// About health or care (`Analysis.isPatientInformation`): what makes identifiable data confidential.
    var isPatientInformation = false

    init() {}

    init(_ dataset: borrowing Dataset) {
        isDeclared = true
        level = dataset.level
        isDerived = dataset.isDerived
        let identifiers = dataset.identifiers
        hasNHSNumber = identifiers.contains(.nhsNumber)
        hasDirectIdentifier = identifiers.contains(where: \.isDirect)
        // Each field read once: every read of a declaration's field is an access check and a retain.
        let origins = dataset.origins
        isFromGPRecord = origins.contains(.gpRecord)
        isInNDOOScope = origins.contains { $0 == .englandHealth || $0 == .englandAdultSocialCare || $0 == .gpRecord }
        isPatientInformation = Analysis.isPatientInformation(specialCategories: dataset.specialCategories, origins: origins)
    }
}
