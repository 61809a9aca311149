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
    /// Where the exemption is evidenced (approval letter, register entry, NDOP section).
    public var evidence: String?
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
@dynamicMemberLookup
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
        public var article6: Article6Claim?
        /// Every Art 9(2) condition the flow relies on (a notice may cite several, e.g. 9(2)(b) and (h)).
        public var article9Conditions: [Article9Condition] = []
        public var article9Span: SourceSpan?
        public var schedule1: [Schedule1Condition] = []
        public var article10: Article10Route?
        public var confidentiality: ConfidentialityClaim?
        public var appliedOptOuts: [Reference] = []
        public var exemptions: [OptOutExemption] = []
        /// Agreements, Art 28 contracts and Art 26 arrangements the flow is made under.
        public var agreements: [Reference] = []
        public var dpia: Reference?
        public var retention: [RetentionStatement] = []
        public var transfer: TransferMechanism?
        public var frequency: Frequency?
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

    @usableFromInline
    final class Storage: @unchecked Sendable {
        // Mutated only through `Flow`'s setter, and only when uniquely referenced.
        @usableFromInline var fields: Fields

        @usableFromInline init(_ fields: Fields) { self.fields = fields }
    }

    @usableFromInline var storage: Storage

    public init(
        id: String, hasExplicitID: Bool, title: String?, span: SourceSpan,
        from: Reference, to: Reference, dataset: Reference, level: IdentifiabilityLevel
    ) {
        storage = Storage(Fields(
            id: id, hasExplicitID: hasExplicitID, title: title, span: span,
            from: from, to: to, dataset: dataset, level: level
        ))
    }

    init(fields: Fields) {
        storage = Storage(fields)
    }

    @inlinable
    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<Fields, Value>) -> Value {
        get { storage.fields[keyPath: keyPath] }
        set {
            if !isKnownUniquelyReferenced(&storage) { storage = Storage(storage.fields) }
            storage.fields[keyPath: keyPath] = newValue
        }
    }

    /// The first condition cited, for display.
    public var article9: Article9Condition? { self.article9Conditions.first }

    public static func == (lhs: Flow, rhs: Flow) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
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
