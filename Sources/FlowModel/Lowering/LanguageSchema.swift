/// What the language accepts where, for tools that help write it (the language server's
/// completion): the declarations, each declaration's properties, and the closed vocabularies of
/// values. Read off the tables lowering itself uses, so it cannot drift from what is accepted.
public enum LanguageSchema {
    /// The keywords that start a top-level statement.
    public static var declarationKeywords: [String] { Lowerer.declarationKeywords }

    /// The properties of the block of a declaration starting with `keyword` (`flow`, `org`, …),
    /// sorted; nil for a keyword whose declaration takes no block.
    public static func properties(of keyword: String) -> [String]? {
        propertyNames[keyword]
    }

    /// The properties a declaration starting with `keyword` must give.
    public static func requiredProperties(of keyword: String) -> [String] {
        requiredNames[keyword] ?? []
    }

    /// What a declaration starting with `keyword` is, with its article ("a flow", "an Art 28 contract").
    public static func description(of keyword: String) -> String? {
        descriptions[keyword]
    }

    private static let tables: [(String, names: [String], required: [String], what: String)] = [
        ("org", Lowerer.organisationTable.indices.spellings, Lowerer.organisationTable.required, Lowerer.organisationTable.what),
        ("boundary", Lowerer.boundaryTable.indices.spellings, Lowerer.boundaryTable.required, Lowerer.boundaryTable.what),
        ("dataset", Lowerer.datasetTable.indices.spellings, Lowerer.datasetTable.required, Lowerer.datasetTable.what),
        ("at", Lowerer.transformTable.indices.spellings, Lowerer.transformTable.required, Lowerer.transformTable.what),
        ("purpose", Lowerer.purposeTable.indices.spellings, Lowerer.purposeTable.required, Lowerer.purposeTable.what),
        ("approval", Lowerer.approvalTable.indices.spellings, Lowerer.approvalTable.required, Lowerer.approvalTable.what),
        ("agreement", Lowerer.agreementTable.indices.spellings, Lowerer.agreementTable.required, Lowerer.agreementTable.what),
        ("contract", Lowerer.contractTable.indices.spellings, Lowerer.contractTable.required, Lowerer.contractTable.what),
        ("arrangement", Lowerer.arrangementTable.indices.spellings, Lowerer.arrangementTable.required, Lowerer.arrangementTable.what),
        ("dpia", Lowerer.dpiaTable.indices.spellings, Lowerer.dpiaTable.required, Lowerer.dpiaTable.what),
        ("gateway", Lowerer.gatewayTable.indices.spellings, Lowerer.gatewayTable.required, Lowerer.gatewayTable.what),
        ("opt-out", Lowerer.optOutTable.indices.spellings, Lowerer.optOutTable.required, Lowerer.optOutTable.what),
        ("key", Lowerer.keyTable.indices.spellings, Lowerer.keyTable.required, Lowerer.keyTable.what),
        ("notice", Lowerer.noticeTable.indices.spellings, Lowerer.noticeTable.required, Lowerer.noticeTable.what),
        ("flow", Lowerer.flowTable.indices.spellings, Lowerer.flowTable.required, Lowerer.flowTable.what),
        ("waiver", Lowerer.waiverTable.indices.spellings, Lowerer.waiverTable.required, Lowerer.waiverTable.what),
        ("model", Lowerer.settingsTable.indices.spellings, Lowerer.settingsTable.required, Lowerer.settingsTable.what),
    ]

    private static let propertyNames: [String: [String]] = Dictionary(uniqueKeysWithValues: tables.map { ($0.0, $0.names.sorted()) })
    private static let requiredNames: [String: [String]] = Dictionary(uniqueKeysWithValues: tables.map { ($0.0, $0.required) })
    private static let descriptions: [String: String] = Dictionary(uniqueKeysWithValues: tables.map { ($0.0, $0.what) })

    /// The closed vocabulary of the first value of `property` in the block of `keyword`, with
    /// its name ("identifiability level"); nil where the value is a name, a date or free text.
    public static func vocabulary(of property: String, in keyword: String) -> (name: String, values: [String])? {
        switch (keyword, property) {
        case (_, "level"): describe(IdentifiabilityLevel.self)
        case ("flow", "art6"): describe(Article6Basis.self)
        case ("flow", "art9"): describe(Article9Condition.self)
        case ("flow", "art10"): describe(Article10Route.self)
        case ("flow", "sch1"): ("DPA 2018 Schedule 1 condition", Schedule1Condition.validParagraphs.sorted { $0.key < $1.key }.flatMap { part, paragraphs in
            paragraphs.map { "part\(part) para\($0)" }
        })
        case ("flow", "confidentiality"): describe(ConfidentialityBasis.self)
        case ("flow", "role"): describe(RecipientRole.self)
        case ("flow", "status"): describe(FlowStatus.self)
        case ("flow", "frequency"): describe(Frequency.self)
        case ("flow", "transfer"): describe(TransferMechanism.self)
        case ("purpose", "category"), ("model", "commissioner-identifiable-channels"): describe(PurposeCategory.self)
        case ("opt-out", "kind"): describe(OptOutKind.self)
        case ("org", "kind"): describe(OrganisationKind.self)
        case ("org", "dspt"): describe(DSPTStatus.self)
        case ("boundary", "kind"): describe(BoundaryKind.self)
        case ("boundary", "promise"): describe(BoundaryPromise.self)
        case ("agreement", "kind"): describe(AgreementKind.self)
        case ("gateway", "kind"): describe(GatewayKind.self)
        case ("approval", "ndoo"): describe(NDOOStatus.self)
        case ("approval", "decision-maker"): describe(DecisionMaker.self)
        case ("approval", "excludes-origin"), ("dataset", "origin"): describe(DataOrigin.self)
        case ("contract", "sub-processing"): describe(SubProcessingAuthorisation.self)
        case ("dataset", "special-category"): describe(SpecialCategory.self)
        case ("dataset", "subjects"): describe(DataSubject.self)
        case (_, "identifiers"), (_, "needs"): describe(Identifier.self)
        default: nil
        }
    }

    private static func describe<V: Vocabulary>(_ type: V.Type) -> (name: String, values: [String]) {
        (V.vocabularyName, V.spellings)
    }
}
