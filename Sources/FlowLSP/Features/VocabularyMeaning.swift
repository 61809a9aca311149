import FlowModel

/// What a legal vocabulary value means and what relying on it requires, for hover. The names
/// come from `LegalWording`, shared with the reports.
enum VocabularyMeaning {
    /// The meaning of `value` as the `index`-th argument of `property` (in the block of
    /// `keyword`), `arguments` being the property's argument texts; nil when it is not a value
    /// of a closed vocabulary.
    static func describe(property: String, keyword: String, arguments: [String], index: Int) -> String? {
        let value = arguments[index]
        switch property {
        case "art6" where index == 0:
            guard let basis = Article6Basis(rawValue: value) else { return nil }
            return "**\(LegalWording.article6(basis))** (UK GDPR Article 6(1)(\(basis.rawValue)))\n\n\(requirement(of: basis))"
        case "art9":
            guard let condition = Article9Condition(rawValue: value) else { return nil }
            return "**\(LegalWording.article9(condition))** (UK GDPR Article 9(2)(\(condition.rawValue)))\n\n\(requirement(of: condition))"
        case "sch1":
            guard let condition = schedule1(arguments, around: index) else { return nil }
            let policy = condition.part == 1 ? "A Part 1 condition needs no appropriate policy document."
                : "Relying on it requires an appropriate policy document (DPA 2018 Sch 1 Part 4 para 39)."
            return "**\(LegalWording.schedule1(condition))**\n\nThe DPA 2018 Schedule 1 condition that, with the Article 9 condition, makes processing special category data lawful. \(policy)"
        case "confidentiality" where index == 0:
            guard let basis = ConfidentialityBasis(rawValue: value) else { return nil }
            return "**\(LegalWording.confidentiality(basis))** — common-law duty of confidentiality\n\n\(requirement(of: basis))"
        case "level":
            guard let level = IdentifiabilityLevel(rawValue: value) else { return nil }
            let personal = level.isPersonalData ? "personal data under UK GDPR" : "not personal data"
            let confidential = level.isConfidentialByItself ? "; confidential patient information in any holder's hands" : ""
            return "**\(LegalWording.level(level))** — identifiability level: \(personal)\(confidential)"
        case "role" where index == 0:
            return RecipientRole(rawValue: value).map { "**\(LegalWording.role($0))** — the recipient's role" }
        default:
            guard index == 0, let vocabulary = LanguageSchema.vocabulary(of: property, in: keyword), vocabulary.values.contains(value) else { return nil }
            return "`\(value)` — \(vocabulary.name)\n\nOne of: \(vocabulary.values.map { "`\($0)`" }.joined(separator: ", "))"
        }
    }

    /// `part1 para2` from the tokens around `index` (either of the two).
    private static func schedule1(_ arguments: [String], around index: Int) -> Schedule1Condition? {
        let start = arguments[index].hasPrefix("para") ? index - 1 : index
        guard start >= 0, start + 1 < arguments.count,
              arguments[start].hasPrefix("part"), arguments[start + 1].hasPrefix("para"),
              let part = Int(arguments[start].dropFirst(4)), let paragraph = Int(arguments[start + 1].dropFirst(4)) else { return nil }
        return Schedule1Condition(part: part, paragraph: paragraph)
    }

    private static func requirement(of basis: Article6Basis) -> String {
        switch basis {
        case .a: "Requires consent that is freely given, specific, informed and unambiguous, and as easy to withdraw as to give; rarely appropriate where there is an imbalance of power, as between a public body and a patient."
        case .b: "Requires the processing to be necessary for a contract with the data subject, or steps they asked for before entering one."
        case .c: "Requires a legal obligation, in law, that the controller is subject to: name the law (`art6 c \"…\"` or a `gateway`)."
        case .d: "Requires the processing to be necessary to protect someone's life, where no other basis is available."
        case .e: "Requires a task carried out in the public interest or in the exercise of official authority, with a basis in law: name the law (`art6 e \"NHS Act 2006 s14Z\"`) or a `gateway`."
        case .ea: "Requires a recognised legitimate interest listed in the Act (Annex 1 of UK GDPR as amended); not for a public authority performing its tasks."
        case .f: "Requires a legitimate interests assessment that the interest is not overridden by the data subject's; not available to a public authority performing its tasks."
        }
    }

    private static func requirement(of condition: Article9Condition) -> String {
        switch condition {
        case .a: "Requires explicit consent to the processing of the special category data for the stated purposes."
        case .b, .g, .h, .i, .j: "Requires the matching DPA 2018 Schedule 1 condition (`sch1 …`)" + (condition == .h ? ", and a recipient who owes a duty of confidentiality (Art 9(3), DPA 2018 s11(1))." : ".")
        case .c: "Requires the processing to protect someone's vital interests when they cannot give consent."
        case .d: "Requires a not-for-profit body processing data of its members or regular contacts."
        case .e: "Requires data the data subject has manifestly made public."
        case .f: "Requires the processing to be necessary for legal claims or for courts acting in their judicial capacity."
        }
    }

    private static func requirement(of basis: ConfidentialityBasis) -> String {
        switch basis {
        case .impliedConsent: "Only for individual care, and only within the patient's care team."
        case .explicitConsent: "Requires the patient's explicit agreement to this disclosure."
        case .s251Regulation2: "Requires s251 support under COPI Regulations 2002 reg 2 (medical purposes related to cancer): name the approval, `confidentiality s251-reg2 APPROVAL`."
        case .s251Regulation3: "Requires s251 support under COPI Regulations 2002 reg 3 (communicable diseases and other risks to public health): name the approval."
        case .s251Regulation5: "Requires s251 support under COPI Regulations 2002 reg 5 (medical purposes approved on CAG advice): name the approval, `confidentiality s251-reg5 APPROVAL`; the approval must cover the flow's data, recipient and purpose, be in force, and the National Data Opt-out applies unless exempt."
        case .statutory: "Requires a law that requires or permits the disclosure: name it with a `gateway`."
        case .overridingPublicInterest: "Requires a recorded decision that the public interest outweighs the duty of confidence (a `gateway` of kind `public-interest-decision`)."
        case .courtOrder: "Requires the order of a court or tribunal (a `gateway` of kind `court-order`)."
        case .notConfidential: "The data is not confidential patient information in the hands of anyone who receives it."
        }
    }
}
