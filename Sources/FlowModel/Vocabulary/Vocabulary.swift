/// A closed vocabulary: an enum whose raw values are the `.flow` spellings.
public protocol Vocabulary: RawRepresentable, CaseIterable, Sendable, Hashable, Codable where RawValue == String {
    /// What the vocabulary is called in messages ("identifiability level").
    static var vocabularyName: String { get }
}

extension Vocabulary {
    public static var spellings: [String] { allCases.map(\.rawValue) }
    public var spelling: String { rawValue }
}

public enum OrganisationKind: String, Vocabulary {
    case gpPractice = "gp-practice"
    case trust
    case communityProvider = "community-provider"
    case independentProvider = "independent-provider"
    case icb
    case ccg
    case nationalBody = "national-body"
    case dscro
    case csu
    case supplier
    case localAuthority = "local-authority"
    case researchBody = "research-body"
    case registry
    case governmentDepartment = "government-department"
    case regulator
    case auditor
    case court
    case police
    case charity
    case archive
    case destructionContractor = "destruction-contractor"
    case individual
    case publicAudience = "public"
    case other
    public static let vocabularyName = "organisation kind"

    /// People giving information about themselves: no one owes a duty of confidence to themselves,
    /// and what they tell an organisation is theirs to tell.
    public var isPeopleThemselves: Bool { self == .individual || self == .publicAudience }
}

public enum DSPTStatus: String, Vocabulary {
    case standardsExceeded = "standards-exceeded"
    case standardsMet = "standards-met"
    case approachingStandards = "approaching-standards"
    case standardsNotMet = "standards-not-met"
    case notPublished = "not-published"
    public static let vocabularyName = "DSPT status"
}

public enum BoundaryKind: String, Vocabulary {
    case organisation
    case controlledEnvironmentForFinance = "controlled-environment-for-finance"
    case secureDataEnvironment = "secure-data-environment"
    case dataCentre = "data-centre"
    case safeHaven = "safe-haven"
    case system
    case other
    public static let vocabularyName = "boundary kind"
}

public enum BoundaryPromise: String, Vocabulary {
    case personalDataDoesNotLeave = "personal-data-does-not-leave"
    case identifiableDataDoesNotLeave = "identifiable-data-does-not-leave"
    case dataStaysInUK = "data-stays-in-uk"
    public static let vocabularyName = "boundary promise"
}

/// What a privacy notice tells people about the processing it describes, in words a rule can
/// compare with the flows (FG044).
public enum NoticeStatement: String, Vocabulary {
    /// "No automated decision-making, including profiling, takes place."
    case noAutomatedDecisions = "no-automated-decisions"
    /// "Information will not be shared outside of the [controller]."
    case notSharedOutside = "not-shared-outside"
    public static let vocabularyName = "notice statement"
}

public enum DataOrigin: String, Vocabulary {
    case englandHealth = "england-health"
    case englandAdultSocialCare = "england-adult-social-care"
    case gpRecord = "gp-record"
    case childrensSocialCare = "childrens-social-care"
    case outsideEngland = "outside-england"
    case nonHealth = "non-health"
    public static let vocabularyName = "data origin"
}

public enum SpecialCategory: String, Vocabulary {
    case health
    case genetic
    case biometric
    case racialOrEthnicOrigin = "racial-or-ethnic-origin"
    case politicalOpinions = "political-opinions"
    case religiousOrPhilosophicalBeliefs = "religious-or-philosophical-beliefs"
    case tradeUnionMembership = "trade-union-membership"
    case sexLife = "sex-life"
    case sexualOrientation = "sexual-orientation"
    public static let vocabularyName = "special category"
}

public enum Identifier: String, Vocabulary {
    case nhsNumber = "nhs-number"
    case name
    case address
    case postcode
    case partialPostcode = "partial-postcode"
    case dateOfBirth = "date-of-birth"
    case age
    case localIdentifier = "local-id"
    case pseudonym
    case email
    case phone
    case staffNumber = "staff-number"
    case bankDetails = "bank-details"
    public static let vocabularyName = "identifier"

    /// Identifiers that on their own point at a person (domain.md §3.1).
    public var isDirect: Bool {
        switch self {
        case .nhsNumber, .name, .address, .postcode, .dateOfBirth, .email, .phone, .staffNumber, .bankDetails: true
        case .partialPostcode, .age, .localIdentifier, .pseudonym: false
        }
    }
}

public enum DataSubject: String, Vocabulary {
    case patients
    case serviceUsers = "service-users"
    case carers
    case relatives
    case complainants
    case staff
    case suppliers
    case children
    case membersOfThePublic = "members-of-the-public"
    case deceased
    public static let vocabularyName = "data subject"
}
