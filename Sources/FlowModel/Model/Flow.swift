import FlowLanguage

public struct Article6Claim: Sendable, Hashable {
    public var basis: Article6Basis
    /// The law the basis rests on (Art 6(3)): free text or a statutory gateway's id.
    public var citation: String?
    public var gateway: Reference?
    public var span: SourceSpan
}

public struct ConfidentialityClaim: Sendable, Hashable {
    public var basis: ConfidentialityBasis
    /// The approval, gateway, or other instrument that evidences the basis.
    public var instrument: Reference?
    public var span: SourceSpan
}

public struct OptOutExemption: Sendable, Hashable {
    public var optOut: Reference
    /// What the exemption rests on, when the model names something checkable.
    public var ground: ExemptionGround?
    /// Where the exemption is evidenced (approval letter, register entry, NDOP section).
    public var evidence: String?
    public var span: SourceSpan
}

/// What an opt-out exemption claim rests on: an entry of the NDOP operational policy's list, or an
/// approval whose register entry records the opt-out as exempted. Free text alone is no ground.
public enum ExemptionGround: Sendable, Hashable {
    case policy(NDOPExemption)
    case approval(Reference)
}

/// A gate whose answer the sources leave open: `art6 unknown "reason"`, `confidentiality contested
/// "reason"`. Reported as unresolved (a warning), not as a missing basis.
public struct UnresolvedBasis: Sendable, Hashable {
    public enum Gate: String, Sendable, Hashable {
        case article6 = "art6"
        case confidentiality
    }

    public enum State: String, Sendable, Hashable {
        case unknown
        case contested
    }

    public var gate: Gate
    public var state: State
    public var reason: String
    public var span: SourceSpan
}

public struct RetentionStatement: Sendable, Hashable {
    public var text: String
    public var action: RetentionAction?
    public var span: SourceSpan
}

/// An edge: `from` discloses `dataset` to `to`.
///
/// A value type whose fields live in one shared, copy-on-write box: rules and analyses copy flows
/// out of the model constantly, and a copy must cost one reference count, not one per field.
public struct Flow: Sendable, Hashable {
    public struct Fields: Sendable, Hashable {
        public var id: String
        /// False when the id was derived from the endpoints (no id written in the source).
        public var hasExplicitID: Bool
        public var title: String?
        public var span: SourceSpan
        public var from: Reference
        public var to: Reference
        public var dataset: Reference
        public var level: IdentifiabilityLevel
        public var levelSpan: SourceSpan?
        public var purposes: [Reference] = []
        public var role: RecipientRole?
        /// With `role processor for ORG`: the controller the recipient processes this data for.
        public var processorFor: Reference?
        public var article6: Article6Claim?
        /// Every Art 9(2) condition the flow relies on (a notice may cite several, e.g. 9(2)(b) and (h)).
        public var article9Conditions: [Article9Condition] = []
        public var article9Span: SourceSpan?
        public var schedule1: [Schedule1Condition] = []
        public var article10: Article10Route?
        public var confidentiality: ConfidentialityClaim?
        /// Gates the model says are unknown or contested, with why.
        public var unresolved: [UnresolvedBasis] = []
        public var appliedOptOuts: [Reference] = []
        public var exemptions: [OptOutExemption] = []
        /// Agreements, Art 28 contracts and Art 26 arrangements the flow is made under.
        public var agreements: [Reference] = []
        public var dpia: Reference?
        public var retention: [RetentionStatement] = []
        public var transfer: TransferMechanism?
        public var frequency: Frequency?
        /// `status planned|paused|live|ended [DATE]`: whether the flow happens, and since when.
        public var status: FlowStatus?
        public var statusSince: Day?
        public var suppressBelow: Int?
        public var roundTo: Int?
        public var anonymisationAssessment: String?
        public var reidentificationAllowedBy: [Reference] = []
        /// Identifiers the purpose genuinely needs beyond its profile (R32), e.g. `postcode` for IV matching.
        public var neededIdentifiers: [Identifier] = []
        /// Date of the last material change (new recipient, processor or data items), for DPIA currency.
        public var changed: Day?
        /// SIRO sign-off for hosting or transfer outside the UK/EEA/adequate countries.
        public var siroApproval: String?
        public var items: String?
        public var description: String?
    }

    @usableFromInline var storage: FieldsBox<Fields>

    public init(
        id: String, hasExplicitID: Bool, title: String?, span: SourceSpan,
        from: Reference, to: Reference, dataset: Reference, level: IdentifiabilityLevel
    ) {
        storage = FieldsBox(Fields(
            id: id, hasExplicitID: hasExplicitID, title: title, span: span,
            from: from, to: to, dataset: dataset, level: level
        ))
    }

    init(fields: consuming Fields) {
        storage = FieldsBox(fields)
    }

    // Properties spelled out rather than reached by dynamic member lookup: a key path through a
    // dynamic member is built at run time wherever one is used as a function, e.g. `map(\.id)`.
    @inlinable public var id: String { get { storage.fields.id } set { FieldsBox.unique(&storage).fields.id = newValue } }
    @inlinable public var hasExplicitID: Bool { get { storage.fields.hasExplicitID } set { FieldsBox.unique(&storage).fields.hasExplicitID = newValue } }
    @inlinable public var title: String? { get { storage.fields.title } set { FieldsBox.unique(&storage).fields.title = newValue } }
    @inlinable public var span: SourceSpan { get { storage.fields.span } set { FieldsBox.unique(&storage).fields.span = newValue } }
    @inlinable public var from: Reference { get { storage.fields.from } set { FieldsBox.unique(&storage).fields.from = newValue } }
    @inlinable public var to: Reference { get { storage.fields.to } set { FieldsBox.unique(&storage).fields.to = newValue } }
    @inlinable public var dataset: Reference { get { storage.fields.dataset } set { FieldsBox.unique(&storage).fields.dataset = newValue } }
    @inlinable public var level: IdentifiabilityLevel { get { storage.fields.level } set { FieldsBox.unique(&storage).fields.level = newValue } }
    @inlinable public var levelSpan: SourceSpan? { get { storage.fields.levelSpan } set { FieldsBox.unique(&storage).fields.levelSpan = newValue } }
    @inlinable public var purposes: [Reference] { get { storage.fields.purposes } set { FieldsBox.unique(&storage).fields.purposes = newValue } }
    @inlinable public var role: RecipientRole? { get { storage.fields.role } set { FieldsBox.unique(&storage).fields.role = newValue } }
    @inlinable public var processorFor: Reference? { get { storage.fields.processorFor } set { FieldsBox.unique(&storage).fields.processorFor = newValue } }
    @inlinable public var article6: Article6Claim? { get { storage.fields.article6 } set { FieldsBox.unique(&storage).fields.article6 = newValue } }
    @inlinable public var article9Conditions: [Article9Condition] { get { storage.fields.article9Conditions } set { FieldsBox.unique(&storage).fields.article9Conditions = newValue } }
    @inlinable public var article9Span: SourceSpan? { get { storage.fields.article9Span } set { FieldsBox.unique(&storage).fields.article9Span = newValue } }
    @inlinable public var schedule1: [Schedule1Condition] { get { storage.fields.schedule1 } set { FieldsBox.unique(&storage).fields.schedule1 = newValue } }
    @inlinable public var article10: Article10Route? { get { storage.fields.article10 } set { FieldsBox.unique(&storage).fields.article10 = newValue } }
    @inlinable public var confidentiality: ConfidentialityClaim? { get { storage.fields.confidentiality } set { FieldsBox.unique(&storage).fields.confidentiality = newValue } }
    @inlinable public var unresolved: [UnresolvedBasis] { get { storage.fields.unresolved } set { FieldsBox.unique(&storage).fields.unresolved = newValue } }
    @inlinable public var appliedOptOuts: [Reference] { get { storage.fields.appliedOptOuts } set { FieldsBox.unique(&storage).fields.appliedOptOuts = newValue } }
    @inlinable public var exemptions: [OptOutExemption] { get { storage.fields.exemptions } set { FieldsBox.unique(&storage).fields.exemptions = newValue } }
    @inlinable public var agreements: [Reference] { get { storage.fields.agreements } set { FieldsBox.unique(&storage).fields.agreements = newValue } }
    @inlinable public var dpia: Reference? { get { storage.fields.dpia } set { FieldsBox.unique(&storage).fields.dpia = newValue } }
    @inlinable public var retention: [RetentionStatement] { get { storage.fields.retention } set { FieldsBox.unique(&storage).fields.retention = newValue } }
    @inlinable public var transfer: TransferMechanism? { get { storage.fields.transfer } set { FieldsBox.unique(&storage).fields.transfer = newValue } }
    @inlinable public var frequency: Frequency? { get { storage.fields.frequency } set { FieldsBox.unique(&storage).fields.frequency = newValue } }
    @inlinable public var status: FlowStatus? { get { storage.fields.status } set { FieldsBox.unique(&storage).fields.status = newValue } }
    @inlinable public var statusSince: Day? { get { storage.fields.statusSince } set { FieldsBox.unique(&storage).fields.statusSince = newValue } }
    @inlinable public var suppressBelow: Int? { get { storage.fields.suppressBelow } set { FieldsBox.unique(&storage).fields.suppressBelow = newValue } }
    @inlinable public var roundTo: Int? { get { storage.fields.roundTo } set { FieldsBox.unique(&storage).fields.roundTo = newValue } }
    @inlinable public var anonymisationAssessment: String? { get { storage.fields.anonymisationAssessment } set { FieldsBox.unique(&storage).fields.anonymisationAssessment = newValue } }
    @inlinable public var reidentificationAllowedBy: [Reference] { get { storage.fields.reidentificationAllowedBy } set { FieldsBox.unique(&storage).fields.reidentificationAllowedBy = newValue } }
    @inlinable public var neededIdentifiers: [Identifier] { get { storage.fields.neededIdentifiers } set { FieldsBox.unique(&storage).fields.neededIdentifiers = newValue } }
    @inlinable public var changed: Day? { get { storage.fields.changed } set { FieldsBox.unique(&storage).fields.changed = newValue } }
    @inlinable public var siroApproval: String? { get { storage.fields.siroApproval } set { FieldsBox.unique(&storage).fields.siroApproval = newValue } }
    @inlinable public var items: String? { get { storage.fields.items } set { FieldsBox.unique(&storage).fields.items = newValue } }
    @inlinable public var description: String? { get { storage.fields.description } set { FieldsBox.unique(&storage).fields.description = newValue } }

    /// Whether the model says this gate's answer is unknown or contested.
    public func unresolvedBasis(_ gate: UnresolvedBasis.Gate) -> UnresolvedBasis? { unresolved.first { $0.gate == gate } }

    public static func == (lhs: Flow, rhs: Flow) -> Bool {
        FieldsBox.same(lhs.storage, rhs.storage)
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }
}

public struct Waiver: Sendable, Hashable {
    public var code: String
    public var codeSpan: SourceSpan
    public var target: Reference
    public var span: SourceSpan
    public var justification: String?
    public var owner: String?
    public var reference: String?
    public var expires: Day?
    /// The one finding the waiver accepts, by its fingerprint or its discriminator; nil accepts
    /// every finding of `code` on `target`.
    public var finding: String?
}

/// Choices domain.md marks configurable or [verify], with documented defaults.
public struct ModelSettings: Sendable, Hashable {
    /// Whether GP Type 1 objections must be honoured on legal-requirement collections (GPES/GPDPR do).
    public var type1OnLegalCollections = true
    /// Counts below this are suppressed in aggregate outputs (NHS England default: 1–7 suppressed).
    public var minimumSuppressBelow = 8
    /// Other counts are rounded to a multiple of this.
    public var minimumRounding = 5
    /// Purposes for which an ICB may receive identifiable data (R22).
    public var commissionerIdentifiableChannels: [PurposeCategory] = [
        .invoiceValidation, .continuingHealthcare, .individualFundingRequests, .complaints, .safeguarding,
        .patientInvolvement,
    ]
    /// How to treat an approval whose NDOO status is `unknown`: as `applies` (the safe default).
    public var unknownNDOOStatusApplies = true

    public init() {}
}
