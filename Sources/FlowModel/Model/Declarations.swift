import FlowLanguage

public struct Boundary: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var span: SourceSpan
    public var kind: BoundaryKind = .organisation
    public var members: [Reference] = []
    public var parent: String?
    public var promises: [BoundaryPromise] = []
    public var description: String?
}

public struct Purpose: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var span: SourceSpan
    public var category: PurposeCategory
    /// A statutory function of the controller (Art 6(1) last sentence; R7, R34). Defaults to true.
    public var isStatutoryFunction = true
    /// The wider purposes this one is a kind of (a local risk-stratification programme is a kind of
    /// the national one), so an instrument listing those covers it.
    public var kindOf: [Reference] = []
    public var description: String?
}

/// Section 251 support (CAG advice, Secretary of State or HRA decision).
public struct Approval: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var span: SourceSpan
    public var reference: String?
    public var referenceSpan: SourceSpan?
    public var regulation: Int?
    public var decisionMaker: DecisionMaker?
    public var applicant: Reference?
    public var purposes: [Reference] = []
    public var datasets: [Reference] = []
    public var controllers: [Reference] = []
    public var processors: [Reference] = []
    public var classes: [Int] = []
    public var excludedOrigins: [DataOrigin] = []
    public var ndoo: NDOOStatus = .unknown
    public var ndooEvidence: String?
    public var conditions: [String] = []
    /// Evidence each receiving processor must hold (specific conditions, R14).
    public var requiredEvidence: [String] = []
    public var validFrom: Day?
    public var validUntil: KnownDate?
    public var nextReview: KnownDate?
    public var lastReviewed: Day?
    public var coversLinkage: Bool?
    public var description: String?
}

public struct Agreement: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var span: SourceSpan
    public var kind: AgreementKind
    public var reference: String?
    public var parties: [Reference] = []
    public var datasets: [Reference] = []
    public var purposes: [Reference] = []
    public var validFrom: Day?
    public var validUntil: KnownDate?
    public var nextReview: Day?
    public var allowsSublicensing: Bool?
    public var retention: String?
    public var description: String?
}

/// UK GDPR Art 28 controller–processor contract.
public struct ProcessorContract: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var span: SourceSpan
    public var reference: String?
    public var controller: Reference
    public var processor: Reference
    public var purposes: [Reference] = []
    public var datasets: [Reference] = []
    public var validFrom: Day?
    public var validUntil: KnownDate?
    public var hasConfidentialityClause: Bool?
    public var subProcessing: SubProcessingAuthorisation?
    public var subProcessors: [Reference] = []
    public var description: String?
}

/// UK GDPR Art 26 joint-controller arrangement.
public struct JointArrangement: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var span: SourceSpan
    public var reference: String?
    public var controllers: [Reference] = []
    public var purposes: [Reference] = []
    public var essencePublished: Bool?
    public var validUntil: KnownDate?
    public var description: String?
}

public struct ImpactAssessment: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var span: SourceSpan
    public var reference: String?
    public var controller: Reference?
    public var purposes: [Reference] = []
    public var completed: Day?
    public var nextReview: Day?
    public var signedOffBy: [String] = []
    public var description: String?
}

public struct StatutoryGateway: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var span: SourceSpan
    public var kind: GatewayKind
    public var citation: String
    public var purposes: [Reference] = []
    /// The disclosures it covers by name: what a court order or public-interest decision is for.
    public var flows: [Reference] = []
    /// Who took a public-interest decision (the Caldicott Guardian, say).
    public var decidedBy: String?
    public var decided: Day?
    public var validFrom: Day?
    public var validUntil: Day?
    public var description: String?
}

public struct OptOut: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var span: SourceSpan
    public var kind: OptOutKind
    /// Where objections are recorded (the Spine's operator, the GP practice…).
    public var recordedAt: [Reference] = []
    /// For programme opt-outs: the purposes (programmes) it excludes patients from.
    public var purposes: [Reference] = []
    public var code: String?
    public var description: String?
}

/// A privacy notice (UK GDPR Arts 13/14): what it tells people, for transparency checks and reports.
public struct PrivacyNotice: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var span: SourceSpan
    public var controller: Reference
    /// The flows the notice describes.
    public var flows: [Reference] = []
    public var purposes: [Reference] = []
    public var reviewed: Day?
    public var url: String?
    /// What it tells people, as a rule can compare with the flows.
    public var statements: [NoticeStatement] = []
    public var statementsSpan: SourceSpan?
    /// The opt-outs it tells people about.
    public var optOuts: [Reference] = []
    /// Passages of its text, quoted exactly (checked for bodies that no longer exist, FG036).
    public var quotes: [NoticeQuote] = []
    public var description: String?
}

extension PrivacyNotice {
    /// A notice is due for review a year after its last one (FG043, `report expiries`); nil when
    /// no review is recorded.
    public var reviewDue: Day? { reviewed.flatMap { $0.adding(months: 12) } }
}

/// A passage of a privacy notice's text, where the model quotes it.
public struct NoticeQuote: Sendable, Hashable {
    public var text: String
    public var span: SourceSpan

    public init(text: String, span: SourceSpan) {
        self.text = text
        self.span = span
    }
}

public struct KeyDomain: Sendable, Hashable {
    public var id: String
    public var title: String?
    public var span: SourceSpan
    public var heldBy: [Reference] = []
    public var description: String?
}
