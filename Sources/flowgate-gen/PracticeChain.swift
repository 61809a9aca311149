/// One GP practice's chain (eight flows), lawful on every gate unless a violation is planted in it:
/// - individual care with its local trust: referrals out, discharge summaries back;
/// - risk stratification under CAG 7-04(a)/2013: the identifiable extract (Type 1 and the National
///   Data Opt-out applied) goes to the ICB's supplier, which links it with SUS+ on the NHS number,
///   returns scores for the practice's own patients, and gives the ICB only suppressed counts;
/// - commissioning: activity pseudonymised at source goes to the CSU, which gives the ICB a
///   suppressed dashboard that the ICB shares back with the practice as a benchmark.
/// The practice and the ICB are joint controllers for risk stratification (Art 26 arrangement).
struct PracticeChain {
    let size: EstateSize

    /// The names one chain uses.
    private struct Practice {
        let index: Int
        let trust: Int
        let region: Region
        var name: String { Name.practice(index) }
        var arrangement: String { "\(name)-rs-jca" }
    }

    /// Writes the chain and returns the declaration the planted violation's finding is reported on.
    func write(practice index: Int, trust: Int, violation: Violation?, to out: inout FlowText) -> String? {
        let practice = Practice(index: index, trust: trust, region: size.region(size.icb(ofPractice: index)))
        declarations(practice, &out)
        care(practice, &out)
        let riskSubject = riskStratification(practice, violation: violation, &out)
        let commissioningSubject = commissioning(practice, violation: violation, &out)
        return riskSubject ?? commissioningSubject
    }

    private func declarations(_ practice: Practice, _ out: inout FlowText) {
        let (name, index, icb) = (practice.name, practice.index, practice.region.icb)
        out.comment("GP practice \(index) (ICB \(icb), trust \(practice.trust))")
        out.block("org \(name) \"GP practice \(index)\"", [
            "kind gp-practice",
            "public-authority yes",
            "ods \"P\(String(index + 10_000))\"",
            "dspt standards-met \(EstateDates.dsptYear)",
            "confidentiality-duty yes",
            "joint-controller-with \(practice.region.icbName)",
            "dpo \"Practice DPO service, ICB \(icb)\"",
        ])
        out.block("key \(name)-key \"Pseudonymisation-at-source key, practice \(index)\"", ["held-by \(name)"])
        for (suffix, title, identifiers, pseudonymised) in [
            ("referrals", "Referrals", "nhs-number, name, date-of-birth, address", false),
            ("extract", "GP extract for risk stratification", "nhs-number, date-of-birth", false),
            ("activity", "GP activity pseudonymised at source", "pseudonym, age", true),
        ] {
            out.block("dataset \(name)-\(suffix) \"\(title), practice \(index)\"", [
                "origin gp-record", "special-category health", "identifiers \(identifiers)", "subjects patients",
                pseudonymised ? "level pseudonymised" : "", pseudonymised ? "key \(name)-key" : "", "source \(name)",
            ])
        }
        out.block("arrangement \(practice.arrangement) \"Risk stratification joint-controller arrangement, practice \(index)\"", [
            "controllers \(name), \(practice.region.icbName)",
            "purposes \(Name.riskStratification), \(Name.riskCommissioning)",
            "essence-published yes",
            "valid-until \(EstateDates.agreementsUntil)",
        ])
        out.block("notice \(name)-notice \"Practice \(index) privacy notice\"", [
            "controller \(name)",
            "purposes \(Name.care), \(Name.riskStratification), \(Name.riskCommissioning), \(Name.commissioning)",
            "reviewed 2026-05-01",
        ])
    }

    /// Individual care with the local trust: referrals out, discharge summaries back.
    private func care(_ practice: Practice, _ out: inout FlowText) {
        let (name, trust) = (practice.name, Name.trust(practice.trust))
        for (id, from, to, title, data, law) in [
            ("referral", name, trust, "Referrals for treatment", "\(name)-referrals", "s83"),
            ("discharge", trust, name, "Discharge summaries", Name.discharges(practice.trust), "s43"),
        ] {
            out.flow("\(name)-\(id)", from, to, title, FlowProperties(
                data: data, level: "identifiable", purpose: Name.care, role: "controller", art6: "e \"NHS Act 2006 \(law) and s251B\"",
                confidentiality: "implied-consent", dpia: Name.careDPIA(practice.trust), frequency: "daily"
            ))
        }
    }

    /// The extract, the supplier's linkage with SUS+, scores back to the practice and counts to the ICB.
    private func riskStratification(_ practice: Practice, violation: Violation?, _ out: inout FlowText) -> String? {
        let (name, index, region) = (practice.name, practice.index, practice.region)
        let (supplier, icb) = (region.supplierName, region.icb)
        let scores = "\(name)-rs-scores"
        var approval = Name.riskApproval
        if violation == .expiredApproval {
            approval = "\(name)-rs-approval"
            expiredApproval(approval, practice: index, &out)
        }
        let applies = switch violation {
        case .missingNDOO: "type1"
        case .missingType1: "ndoo"
        default: "ndoo, type1"
        }
        out.flow("\(name)-rs", name, supplier, "GP extract for risk stratification", FlowProperties(
            data: "\(name)-extract", level: "identifiable", purpose: Name.riskStratification, role: "processor",
            art6: "e \"NHS Act 2006 s83\"",
            confidentiality: violation == .missingConfidentiality ? nil : "s251-reg5 \(approval)", applies: applies,
            agreements: [Name.riskContract(icb), practice.arrangement], dpia: Name.icbDPIA(icb),
            retention: "\"Deleted once linked and scored, within 30 days\" delete", frequency: "monthly"
        ))
        out.block("at \(supplier) link \(name)-extract, \(Name.riskSUS(icb)) -> \(scores) \"Risk scores by NHS number, practice \(index)\"", [
            "identifiers nhs-number",
            "purpose \(Name.riskStratification)",
        ])
        out.block("at \(supplier) aggregate \(scores) -> \(name)-rs-tiers \"Risk tier counts, practice \(index)\"", [
            "suppress-below 8", "round-to 5",
        ])
        // The supplier applies the opt-out again when it returns identifiable scores, so one
        // practice's missing filter is reported once, where the extract leaves the practice.
        out.flow("\(name)-case-list", supplier, name, "Risk scores for the practice's own patients", FlowProperties(
            data: scores, level: "identifiable", purpose: Name.riskStratification, role: "joint-controller",
            art6: "e \"NHS Act 2006 s83\"", confidentiality: "s251-reg5 \(Name.riskApproval)", applies: "ndoo",
            agreements: [practice.arrangement], dpia: Name.icbDPIA(icb),
            retention: "\"Replaced by each monthly refresh\" delete", frequency: "monthly"
        ))
        out.flow("\(name)-rs-summary", supplier, region.icbName, "Risk tier counts for commissioning", .statistics(
            data: "\(name)-rs-tiers", purpose: Name.riskCommissioning, agreement: Name.riskContract(icb), frequency: "monthly"
        ))
        switch violation {
        case .expiredApproval: return approval
        case .missingConfidentiality, .missingNDOO, .missingType1: return "\(name)-rs"
        default: return nil
        }
    }

    /// Activity pseudonymised at source to the CSU, the CSU's dashboard to the ICB, and the ICB's
    /// benchmark back to the practice.
    private func commissioning(_ practice: Practice, violation: Violation?, _ out: inout FlowText) -> String? {
        let (name, index, region) = (practice.name, practice.index, practice.region)
        let counts = "\(name)-activity-counts"
        var contract = Name.csuContract(region.icb)
        if violation == .expiredContract {
            contract = "\(name)-csu-contract"
            expiredContract(contract, practice: index, csu: region.csuName, &out)
        }
        out.flow("\(name)-activity-feed", name, region.csuName, "GP activity for commissioning", FlowProperties(
            data: "\(name)-activity", level: "pseudonymised", purpose: Name.commissioning, role: "processor",
            art6: violation == .missingArt6 ? nil : "e \"NHS Act 2006 s14Z\"", confidentiality: "not-confidential",
            agreements: [contract], dpia: Name.icbDPIA(region.icb),
            retention: "\"For the term of the CSU contract\" return", frequency: "monthly"
        ))
        out.block("at \(region.csuName) aggregate \(name)-activity -> \(counts) \"Activity counts, practice \(index)\"", [
            "suppress-below 8", "round-to 5",
        ])
        out.flow("\(name)-dashboard", region.csuName, region.icbName, "Practice activity dashboard", .statistics(
            data: counts, purpose: Name.commissioning, agreement: Name.csuContract(region.icb), frequency: "monthly"
        ))
        out.flow("\(name)-benchmark", region.icbName, name, "Practice benchmarking report", .statistics(
            data: counts, purpose: Name.commissioning, agreement: nil, frequency: "quarterly"
        ))
        return violation == .missingArt6 || violation == .expiredContract ? "\(name)-activity-feed" : nil
    }

    /// The practice's own record of the risk-stratification approval, never updated after the
    /// approval's 2025 extension: in the model it ended on 2025-09-30.
    private func expiredApproval(_ name: String, practice: Int, _ out: inout FlowText) {
        out.block("approval \(name) \"Risk stratification (s251 support), practice \(practice)'s record\"", [
            "reference \"CAG 7-04(a)/2013\"",
            "regulation 5",
            "decision-maker secretary-of-state",
            "applicant \(Name.nhsEngland)",
            "purposes \(Name.riskStratification), \(Name.riskCommissioning)",
            "classes 1, 4, 6",
            "ndoo applies",
            "requires-evidence rs-assurance-statement",
            "valid-from 2013-11-01",
            "valid-until 2025-09-30",
            "next-review 2027-03-31",
            "last-reviewed 2026-03-20",
        ])
    }

    /// A contract the practice signed with the CSU itself, which lapsed in 2025.
    private func expiredContract(_ name: String, practice: Int, csu: String, _ out: inout FlowText) {
        out.block("contract \(name) \"Practice \(practice) data processing contract with the CSU\"", [
            "controller \(Name.practice(practice))",
            "processor \(csu)",
            "purposes \(Name.commissioning)",
            "valid-from 2022-04-01",
            "valid-until 2025-03-31",
            "confidentiality-clause yes",
        ])
    }
}
