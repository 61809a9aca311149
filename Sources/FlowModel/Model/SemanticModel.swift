import FlowLanguage

/// The resolved model of a directory of `.flow` files: every name resolves, every value is valid.
public struct SemanticModel: Sendable {
    public var name: String?
    public var settings = ModelSettings()
    public var organisations: [String: Organisation] = [:]
    public var boundaries: [String: Boundary] = [:]
    public var datasets: [String: Dataset] = [:]
    public var transforms: [Transform] = []
    public var purposes: [String: Purpose] = [:]
    public var approvals: [String: Approval] = [:]
    public var agreements: [String: Agreement] = [:]
    public var contracts: [String: ProcessorContract] = [:]
    public var arrangements: [String: JointArrangement] = [:]
    public var impactAssessments: [String: ImpactAssessment] = [:]
    public var gateways: [String: StatutoryGateway] = [:]
    public var optOuts: [String: OptOut] = [:]
    public var keys: [String: KeyDomain] = [:]
    public var notices: [String: PrivacyNotice] = [:]
    /// In a stable order: by file path, then position.
    public var flows: [Flow] = []
    public var waivers: [Waiver] = []
    /// Each derived dataset's direct inputs (from the transforms), for lineage walks.
    public var derivationInputs: [String: [String]] = [:]
    /// Every loaded source, for diagnostics.
    public var sources = SourceMap()

    public init() {}

    public func kind(of name: String) -> DeclarationKind? {
        if organisations[name] != nil { return .organisation }
        if datasets[name] != nil { return .dataset }
        if flows.contains(where: { $0.id == name }) { return .flow }
        if purposes[name] != nil { return .purpose }
        if boundaries[name] != nil { return .boundary }
        if approvals[name] != nil { return .approval }
        if agreements[name] != nil { return .agreement }
        if contracts[name] != nil { return .contract }
        if arrangements[name] != nil { return .arrangement }
        if impactAssessments[name] != nil { return .dpia }
        if gateways[name] != nil { return .gateway }
        if optOuts[name] != nil { return .optOut }
        if keys[name] != nil { return .key }
        if notices[name] != nil { return .notice }
        return nil
    }

    public var sortedOrganisations: [Organisation] { organisations.values.sorted { $0.id < $1.id } }
    public var sortedDatasets: [Dataset] { datasets.values.sorted { $0.id < $1.id } }
}
