/// The mistakes an estate plants, one per affected practice chain. Each is a gap IG reviews find in
/// real estates, and each is built so that it produces exactly one finding of its code, on the
/// declaration `PracticeChain` records as its subject, and nothing else: the rest of the chain stays
/// lawful.
enum Violation: String, CaseIterable, Sendable {
    /// GP activity sent to the CSU with no Article 6 basis.
    case missingArt6 = "FG001"
    /// The identifiable GP extract goes to the risk-stratification supplier with no s251 support (no
    /// confidentiality basis at all).
    case missingConfidentiality = "FG009"
    /// The extract relies on the practice's own record of the risk-stratification approval, whose
    /// end date was never updated: it expired before the analysis date.
    case expiredApproval = "FG012"
    /// The extract leaves without the National Data Opt-out the approval requires.
    case missingNDOO = "FG015"
    /// The extract leaves without Type 1 objections applied.
    case missingType1 = "FG017"
    /// GP activity goes to the CSU under the practice's own processing contract, which has expired.
    case expiredContract = "FG024"

    var code: String { rawValue }
}

/// Which practices carry a violation: every `interval`-th practice, cycling through the kinds, so
/// every kind is planted as soon as the estate has `interval × kinds` practices.
struct ViolationPlan {
    let interval: Int

    func violation(forPractice practice: Int) -> Violation? {
        guard interval > 0, practice % interval == interval - 1 else { return nil }
        return Violation.allCases[(practice / interval) % Violation.allCases.count]
    }
}

/// The planted violations, with the declaration each one's finding is reported on.
struct PlantedLedger {
    private(set) var subjects: [Violation: [String]] = [:]

    mutating func record(_ violation: Violation, subject: String) {
        subjects[violation, default: []].append(subject)
    }

    func count(_ violation: Violation) -> Int { subjects[violation]?.count ?? 0 }
}
