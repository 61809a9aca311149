/// Identifiability on the wire or in a holder's hands, most identifiable first (domain.md §3.1).
public enum IdentifiabilityLevel: String, Vocabulary, Comparable {
    case identifiable
    case pseudonymisedWeak = "pseudonymised-weak"
    case pseudonymised
    case anonymisedInContext = "anonymised-in-context"
    case anonymised
    case aggregate
    public static let vocabularyName = "identifiability level"

    /// 0 is the most identifiable: the position in declaration order, by a switch, since levels are
    /// compared on every flow and `allCases` builds an array each time it is read.
    public var rank: Int {
        switch self {
        case .identifiable: 0
        case .pseudonymisedWeak: 1
        case .pseudonymised: 2
        case .anonymisedInContext: 3
        case .anonymised: 4
        case .aggregate: 5
        }
    }

    /// `a < b` means `a` is LESS identifiable than `b`.
    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rank > rhs.rank }

    /// Personal data under UK GDPR (gate G1): identifiable or pseudonymised, and anonymised-in-context
    /// unless an anonymisation assessment is declared.
    public var isPersonalData: Bool { rank <= IdentifiabilityLevel.anonymisedInContext.rank }

    /// Confidential patient information to any holder (gates G2/G3), before holder-relative escalation.
    public var isConfidentialByItself: Bool { self == .identifiable || self == .pseudonymisedWeak }
}

public enum Article6Basis: String, Vocabulary {
    case a, b, c, d, e, ea, f
    public static let vocabularyName = "UK GDPR Article 6(1) basis"
}

public enum Article9Condition: String, Vocabulary {
    case a, b, c, d, e, f, g, h, i, j
    public static let vocabularyName = "UK GDPR Article 9(2) condition"
}

/// How criminal-offence data is lawfully processed (UK GDPR Art 10, DPA 2018 s10(5)).
public enum Article10Route: String, Vocabulary {
    case officialAuthority = "official-authority"
    case schedule1 = "schedule1"
    public static let vocabularyName = "Article 10 route"
}

/// A DPA 2018 Schedule 1 condition: Part 1 paras 1–4, Part 2 paras 6–28, Part 3 paras 29–37.
public struct Schedule1Condition: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let part: Int
    public let paragraph: Int

    /// Each part's paragraphs that are conditions.
    public static let validParagraphs: [Int: ClosedRange<Int>] = Dictionary(uniqueKeysWithValues: (1...3).map { ($0, paragraphs(ofPart: $0)!) })

    /// A switch rather than a dictionary: every flow's conditions are checked against it.
    static func paragraphs(ofPart part: Int) -> ClosedRange<Int>? {
        switch part {
        case 1: 1...4
        case 2: 6...28
        case 3: 29...37
        default: nil
        }
    }

    public init?(part: Int, paragraph: Int) {
        guard let range = Self.paragraphs(ofPart: part) else { return nil }
        guard range.contains(paragraph) else { return nil }
        self.part = part
        self.paragraph = paragraph
    }

    /// `part1 para2` as written in `.flow` files.
    public var description: String { "part\(part) para\(paragraph)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.part, lhs.paragraph) < (rhs.part, rhs.paragraph) }
}

/// The common-law duty of confidentiality basis (gate G2, domain.md §2.2).
public enum ConfidentialityBasis: String, Vocabulary {
    case impliedConsent = "implied-consent"
    case explicitConsent = "explicit-consent"
    case s251Regulation2 = "s251-reg2"
    case s251Regulation3 = "s251-reg3"
    case s251Regulation5 = "s251-reg5"
    case statutory
    case overridingPublicInterest = "public-interest"
    case courtOrder = "court-order"
    case notConfidential = "not-confidential"
    public static let vocabularyName = "confidentiality basis"

    /// The kinds of `gateway` that can make this basis true, for the bases that rest on a law, an
    /// order or a decision rather than on consent or s251 support; nil for the others.
    public var gatewayKinds: [GatewayKind]? {
        switch self {
        case .statutory: GatewayKind.allCases.filter(\.isLaw)
        case .courtOrder: [.courtOrder]
        case .overridingPublicInterest: [.publicInterestDecision]
        default: nil
        }
    }

    public var isSection251: Bool {
        self == .s251Regulation2 || self == .s251Regulation3 || self == .s251Regulation5
    }

    /// The COPI regulation number for s251 bases.
    public var copiRegulation: Int? {
        switch self {
        case .s251Regulation2: 2
        case .s251Regulation3: 3
        case .s251Regulation5: 5
        default: nil
        }
    }
}

public enum RecipientRole: String, Vocabulary {
    case controller
    case processor
    case jointController = "joint-controller"
    public static let vocabularyName = "recipient role"
}

public enum TransferMechanism: String, Vocabulary {
    case ukAdequacy = "uk-adequacy"
    case idta
    case ukAddendum = "uk-addendum"
    case bindingCorporateRules = "bcr"
    case article49Exception = "art49-exception"
    public static let vocabularyName = "transfer mechanism"
}

/// Whether a flow happens: a design not yet live, suspended, running, or stopped.
public enum FlowStatus: String, Vocabulary {
    case planned
    case paused
    case live
    case ended
    public static let vocabularyName = "flow status"
}

public enum Frequency: String, Vocabulary {
    case oneOff = "one-off"
    case continuous
    case daily
    case weekly
    case monthly
    case quarterly
    case annual
    case onRequest = "on-request"
    public static let vocabularyName = "frequency"
}

public enum RetentionAction: String, Vocabulary {
    case delete
    case destroy
    case archive
    case review
    case returnToController = "return"
    case anonymise
    public static let vocabularyName = "retention action"
}

/// Purpose categories: the closed catalogue rules reason about (domain.md §7). A declared purpose
/// names its category; only `individual-care` is direct care.
public enum PurposeCategory: String, Vocabulary {
    case individualCare = "individual-care"
    case mandatedCollection = "mandated-collection"
    case commissioningPlanning = "commissioning-planning"
    case contractMonitoring = "contract-monitoring"
    case invoiceValidation = "invoice-validation"
    case riskStratificationCaseFinding = "risk-stratification-case-finding"
    case riskStratificationCommissioning = "risk-stratification-commissioning"
    case research
    case publicHealth = "public-health"
    case safeguarding
    case complaints
    case continuingHealthcare = "continuing-healthcare"
    case individualFundingRequests = "individual-funding-requests"
    case fraudPrevention = "fraud-prevention"
    case legalProceedings = "legal-proceedings"
    case audit
    case registries
    case patientInvolvement = "patient-involvement"
    case archiving
    case destruction
    case publication
    case processingSupport = "processing-support"
    case emergencyPlanning = "emergency-planning"
    /// A purpose outside health and care (insurance, marketing, immigration enforcement…): the
    /// catalogue's catch-all, so such purposes can be declared and checked (R35).
    case other
    public static let vocabularyName = "purpose category"

    public var isDirectCare: Bool { self == .individualCare }

    /// Risk stratification scores people's health risks: profiling by definition (UK GDPR Art
    /// 4(4)), a DPIA trigger (Art 35(3)(a)) and what a notice's "no profiling" cannot stand beside.
    public var isProfiling: Bool { self == .riskStratificationCaseFinding || self == .riskStratificationCommissioning }

    /// Handling records for a use that already exists (a processor's support, archiving,
    /// destruction): such a purpose needs no listing of its own on an instrument.
    public var passesThrough: Bool { self == .processingSupport || self == .archiving || self == .destruction }
}

public enum OptOutKind: String, Vocabulary {
    case nationalDataOptOut = "national-data-opt-out"
    case type1 = "type1"
    case programme
    case consentWithdrawal = "consent-withdrawal"
    case rightToObject = "right-to-object"
    public static let vocabularyName = "opt-out kind"
}

public enum NDOOStatus: String, Vocabulary {
    case applies
    case exempt
    case unknown
    public static let vocabularyName = "National Data Opt-out status"
}

/// The exemptions from the National Data Opt-out the NDOP operational policy guidance lists (§7) that
/// the engine can check against a flow. Only entries whose condition can be read from a model are
/// here; a CAG-advised exemption is claimed through its approval instead.
public enum NDOPExemption: String, Vocabulary {
    /// §7.1: data disclosed for non-contracted invoice validation. Covers a flow only when invoice
    /// validation is its only purpose.
    case invoiceValidation = "invoice-validation"
    public static let vocabularyName = "NDOP exemption"

    public var policySection: String {
        switch self {
        case .invoiceValidation: "NDOP operational policy guidance §7.1 (non-contracted invoice validation)"
        }
    }
}

public enum DecisionMaker: String, Vocabulary {
    case secretaryOfState = "secretary-of-state"
    case hra
    public static let vocabularyName = "decision maker"
}

public enum AgreementKind: String, Vocabulary {
    case dataSharingAgreement = "dsa"
    case nhsEnglandDSA = "nhse-dsa"
    case memorandum = "memorandum"
    public static let vocabularyName = "agreement kind"
}

/// The instrument a `gateway` declaration records: a law, or a decision that sets the duty of
/// confidence aside for particular disclosures.
public enum GatewayKind: String, Vocabulary {
    case statute
    case regulations
    case directions
    case notice
    /// An order of a court or tribunal; its citation is the order's reference.
    case courtOrder = "court-order"
    /// A recorded decision that the public interest in one disclosure outweighs the duty of
    /// confidence: who decided, when, and for which flows.
    case publicInterestDecision = "public-interest-decision"
    public static let vocabularyName = "gateway kind"

    /// A law that requires or permits disclosure (the instruments of a `statutory` basis).
    public var isLaw: Bool {
        switch self {
        case .statute, .regulations, .directions, .notice: true
        case .courtOrder, .publicInterestDecision: false
        }
    }
}

public enum SubProcessingAuthorisation: String, Vocabulary {
    case none
    case general
    case specific
    public static let vocabularyName = "sub-processing authorisation"
}

public enum TransformOperation: String, Vocabulary {
    case pseudonymise
    case link
    case aggregate
    case anonymise
    case filter
    case reidentify = "re-identify"
    public static let vocabularyName = "transform"
}
