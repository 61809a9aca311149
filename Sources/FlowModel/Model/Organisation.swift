import FlowLanguage

public struct Organisation: Sendable, Hashable {
    public struct Fields: Sendable, Hashable {
        public var id: String
        public var title: String?
        public var span: SourceSpan
        public var kind: OrganisationKind
        public var isPublicAuthority: Bool?
        public var odsCode: String?
        public var icoRegistration: String?
        /// ISO 3166-1 alpha-2; `GB` for the UK.
        public var country: String = "GB"
        /// Whether `country` was written: without it `GB` is a default, not something the model knows.
        public var isCountryDeclared = false
        public var dspt: DSPTStatus?
        public var dsptYear: String?
        public var hasAppropriatePolicyDocument: Bool?
        /// Health professional, or bound by a statutory or contractual duty of confidentiality (Art 9(3)).
        public var hasConfidentialityDuty: Bool?
        /// The national safe haven: collects and disseminates data under HSCA 2012 Part 9 (NHS
        /// England since 2023-02-01). Its predecessors are recognised through their `successor`.
        public var isStatutoryCollector = false
        /// The model describes this organisation's accountability (the ICB whose notice it
        /// models): other controllers' own obligations are information, not its errors.
        public var isAccountable = false
        public var validFrom: Day?
        public var validUntil: Day?
        public var successor: Reference?
        public var processorFor: [Reference] = []
        /// The legal person it is a part of (a DSCRO is an office of NHS England; a trust's
        /// department is the trust): flows between parts of one legal person are internal uses.
        public var partOf: Reference?
        public var jointControllerWith: [Reference] = []
        /// Assurance evidence on file, e.g. `cef-listed`, `rs-assurance-statement`.
        public var evidence: [String] = []
        public var security: String?
        public var dataProtectionOfficer: String?
        public var description: String?
    }

    @usableFromInline var storage: FieldsBox<Fields>

    init(fields: consuming Fields) { storage = FieldsBox(fields) }

    // Properties spelled out rather than reached by dynamic member lookup: a key path through a
    // dynamic member is built at run time wherever one is used as a function, e.g. `map(\.id)`.
    @inlinable public var id: String { get { storage.fields.id } set { FieldsBox.unique(&storage).fields.id = newValue } }
    @inlinable public var title: String? { get { storage.fields.title } set { FieldsBox.unique(&storage).fields.title = newValue } }
    @inlinable public var span: SourceSpan { get { storage.fields.span } set { FieldsBox.unique(&storage).fields.span = newValue } }
    @inlinable public var kind: OrganisationKind { get { storage.fields.kind } set { FieldsBox.unique(&storage).fields.kind = newValue } }
    @inlinable public var isPublicAuthority: Bool? { get { storage.fields.isPublicAuthority } set { FieldsBox.unique(&storage).fields.isPublicAuthority = newValue } }
    @inlinable public var odsCode: String? { get { storage.fields.odsCode } set { FieldsBox.unique(&storage).fields.odsCode = newValue } }
    @inlinable public var icoRegistration: String? { get { storage.fields.icoRegistration } set { FieldsBox.unique(&storage).fields.icoRegistration = newValue } }
    @inlinable public var country: String { get { storage.fields.country } set { FieldsBox.unique(&storage).fields.country = newValue } }
    @inlinable public var isCountryDeclared: Bool { get { storage.fields.isCountryDeclared } set { FieldsBox.unique(&storage).fields.isCountryDeclared = newValue } }
    @inlinable public var dspt: DSPTStatus? { get { storage.fields.dspt } set { FieldsBox.unique(&storage).fields.dspt = newValue } }
    @inlinable public var dsptYear: String? { get { storage.fields.dsptYear } set { FieldsBox.unique(&storage).fields.dsptYear = newValue } }
    @inlinable public var hasAppropriatePolicyDocument: Bool? { get { storage.fields.hasAppropriatePolicyDocument } set { FieldsBox.unique(&storage).fields.hasAppropriatePolicyDocument = newValue } }
    @inlinable public var hasConfidentialityDuty: Bool? { get { storage.fields.hasConfidentialityDuty } set { FieldsBox.unique(&storage).fields.hasConfidentialityDuty = newValue } }
    @inlinable public var isStatutoryCollector: Bool { get { storage.fields.isStatutoryCollector } set { FieldsBox.unique(&storage).fields.isStatutoryCollector = newValue } }
    @inlinable public var isAccountable: Bool { get { storage.fields.isAccountable } set { FieldsBox.unique(&storage).fields.isAccountable = newValue } }
    @inlinable public var validFrom: Day? { get { storage.fields.validFrom } set { FieldsBox.unique(&storage).fields.validFrom = newValue } }
    @inlinable public var validUntil: Day? { get { storage.fields.validUntil } set { FieldsBox.unique(&storage).fields.validUntil = newValue } }
    @inlinable public var successor: Reference? { get { storage.fields.successor } set { FieldsBox.unique(&storage).fields.successor = newValue } }
    @inlinable public var processorFor: [Reference] { get { storage.fields.processorFor } set { FieldsBox.unique(&storage).fields.processorFor = newValue } }
    @inlinable public var partOf: Reference? { get { storage.fields.partOf } set { FieldsBox.unique(&storage).fields.partOf = newValue } }
    @inlinable public var jointControllerWith: [Reference] { get { storage.fields.jointControllerWith } set { FieldsBox.unique(&storage).fields.jointControllerWith = newValue } }
    @inlinable public var evidence: [String] { get { storage.fields.evidence } set { FieldsBox.unique(&storage).fields.evidence = newValue } }
    @inlinable public var security: String? { get { storage.fields.security } set { FieldsBox.unique(&storage).fields.security = newValue } }
    @inlinable public var dataProtectionOfficer: String? { get { storage.fields.dataProtectionOfficer } set { FieldsBox.unique(&storage).fields.dataProtectionOfficer = newValue } }
    @inlinable public var description: String? { get { storage.fields.description } set { FieldsBox.unique(&storage).fields.description = newValue } }

    public static func == (lhs: Organisation, rhs: Organisation) -> Bool { FieldsBox.same(lhs.storage, rhs.storage) }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }
}

extension SemanticModel {
    /// The legal person an organisation belongs to: the end of its `part-of` chain (itself when it
    /// is part of nothing). A chain that loops is reported by the resolver and stops here.
    public func legalPerson(of organisation: String) -> String {
        var current = organisation
        var seen: Set<String> = [organisation]
        while let parent = organisations[current]?.partOf?.name, seen.insert(parent).inserted { current = parent }
        return current
    }
}
