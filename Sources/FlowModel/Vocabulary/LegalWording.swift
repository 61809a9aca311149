/// The plain-English names of the legal vocabulary, for people reading reports and hovering in an editor.
public enum LegalWording {
    public static func article6(_ basis: Article6Basis) -> String {
        switch basis {
        case .a: "Art 6(1)(a) consent"
        case .b: "Art 6(1)(b) contract"
        case .c: "Art 6(1)(c) legal obligation"
        case .d: "Art 6(1)(d) vital interests"
        case .e: "Art 6(1)(e) public task"
        case .ea: "Art 6(1)(ea) recognised legitimate interest"
        case .f: "Art 6(1)(f) legitimate interests"
        }
    }

    public static func article9(_ condition: Article9Condition) -> String {
        switch condition {
        case .a: "Art 9(2)(a) explicit consent"
        case .b: "Art 9(2)(b) employment, social security and social protection"
        case .c: "Art 9(2)(c) vital interests"
        case .d: "Art 9(2)(d) not-for-profit body"
        case .e: "Art 9(2)(e) made public by the data subject"
        case .f: "Art 9(2)(f) legal claims"
        case .g: "Art 9(2)(g) substantial public interest"
        case .h: "Art 9(2)(h) health or social care"
        case .i: "Art 9(2)(i) public health"
        case .j: "Art 9(2)(j) archiving, research and statistics"
        }
    }

    public static func schedule1(_ condition: Schedule1Condition) -> String {
        let name = schedule1Names[condition.part]?[condition.paragraph]
        return "DPA 2018 Sch 1 Pt \(condition.part) para \(condition.paragraph)" + (name.map { " " + $0 } ?? "")
    }

    public static let schedule1Names: [Int: [Int: String]] = [
        1: [1: "employment, social security and social protection", 2: "health or social care purposes", 3: "public health",
            4: "research"],
        2: [6: "statutory and government purposes", 7: "administration of justice", 8: "equality of opportunity or treatment",
            10: "preventing or detecting unlawful acts", 11: "protecting the public", 12: "regulatory requirements",
            14: "preventing fraud", 16: "support for individuals with a disability or medical condition", 17: "counselling",
            18: "safeguarding of children and of individuals at risk", 19: "safeguarding of economic well-being", 20: "insurance"],
        3: [29: "consent", 30: "vital interests", 33: "legal claims"],
    ]

    public static func article10(_ route: Article10Route) -> String {
        switch route {
        case .officialAuthority: "Art 10 under official authority"
        case .schedule1: "Art 10 under a DPA 2018 Schedule 1 condition"
        }
    }

    public static func confidentiality(_ basis: ConfidentialityBasis) -> String {
        switch basis {
        case .impliedConsent: "implied consent (individual care)"
        case .explicitConsent: "explicit consent"
        case .s251Regulation2: "s251 support (COPI reg 2)"
        case .s251Regulation3: "s251 (COPI reg 3)"
        case .s251Regulation5: "s251 support (COPI reg 5)"
        case .statutory: "statutory requirement or gateway"
        case .overridingPublicInterest: "overriding public interest"
        case .courtOrder: "court order"
        case .notConfidential: "not confidential"
        }
    }

    public static func level(_ level: IdentifiabilityLevel) -> String {
        switch level {
        case .identifiable: "identifiable"
        case .pseudonymisedWeak: "pseudonymised, NHS number kept"
        case .pseudonymised: "pseudonymised"
        case .anonymisedInContext: "anonymised in context"
        case .anonymised: "anonymised"
        case .aggregate: "aggregate"
        }
    }

    public static func role(_ role: RecipientRole?) -> String {
        switch role {
        case .controller: "controller"
        case .processor: "processor"
        case .jointController: "joint controller"
        case nil: "role not stated"
        }
    }

    public static func transfer(_ mechanism: TransferMechanism) -> String {
        switch mechanism {
        case .ukAdequacy: "UK adequacy regulations"
        case .idta: "ICO International Data Transfer Agreement"
        case .ukAddendum: "UK Addendum to the EU SCCs"
        case .bindingCorporateRules: "binding corporate rules"
        case .article49Exception: "an Art 49 exception"
        }
    }

    public static func agreementKind(_ kind: AgreementKind) -> String {
        switch kind {
        case .dataSharingAgreement: "data sharing agreement"
        case .nhsEnglandDSA: "NHS England data sharing agreement"
        case .memorandum: "memorandum of understanding"
        }
    }

    public static func optOutKind(_ kind: OptOutKind) -> String {
        switch kind {
        case .nationalDataOptOut: "National Data Opt-out"
        case .type1: "GP Type 1 objection"
        case .programme: "programme opt-out"
        case .consentWithdrawal: "withdrawal of consent"
        case .rightToObject: "right to object"
        }
    }

    public static func retentionAction(_ action: RetentionAction) -> String {
        switch action {
        case .delete: "then deleted"
        case .destroy: "then destroyed"
        case .archive: "then archived"
        case .review: "then reviewed"
        case .returnToController: "then returned to the controller"
        case .anonymise: "then anonymised"
        }
    }

    public static func specialCategory(_ category: SpecialCategory) -> String {
        switch category {
        case .health: "health"
        case .genetic: "genetic"
        case .biometric: "biometric"
        case .racialOrEthnicOrigin: "racial or ethnic origin"
        case .politicalOpinions: "political opinions"
        case .religiousOrPhilosophicalBeliefs: "religious or philosophical beliefs"
        case .tradeUnionMembership: "trade union membership"
        case .sexLife: "sex life"
        case .sexualOrientation: "sexual orientation"
        }
    }

    public static func identifier(_ identifier: Identifier) -> String {
        switch identifier {
        case .nhsNumber: "NHS number"
        case .name: "name"
        case .address: "address"
        case .postcode: "postcode"
        case .partialPostcode: "partial postcode"
        case .dateOfBirth: "date of birth"
        case .age: "age"
        case .localIdentifier: "local identifier"
        case .pseudonym: "pseudonym"
        case .email: "email address"
        case .phone: "phone number"
        case .staffNumber: "staff number"
        case .bankDetails: "bank details"
        }
    }

    public static func subject(_ subject: DataSubject) -> String {
        switch subject {
        case .patients: "patients"
        case .serviceUsers: "service users"
        case .carers: "carers"
        case .relatives: "relatives"
        case .complainants: "complainants"
        case .staff: "staff"
        case .suppliers: "suppliers"
        case .children: "children"
        case .membersOfThePublic: "members of the public"
        case .deceased: "deceased people"
        }
    }

    public static func noticeStatement(_ statement: NoticeStatement) -> String {
        switch statement {
        case .noAutomatedDecisions: "no automated decision-making, including profiling, takes place"
        case .notSharedOutside: "information is not shared outside the controller"
        }
    }

    /// "3 days", "1 day".
    public static func days(_ count: Int) -> String {
        count == 1 ? "1 day" : "\(count) days"
    }
}
