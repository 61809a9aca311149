import FlowModel

/// Which Art 9(2) conditions, with the DPA 2018 Schedule 1 paragraph each needs, fit a purpose
/// category: the one table from which rules propose a legal remedy, so a finding never proposes a
/// condition that does not fit the flow (employment law for a disclosure to a court, say).
enum ConditionRemedies {
    struct Remedy: Sendable, Equatable {
        let article9: Article9Condition
        let schedule1: Schedule1Condition?
        let meaning: String

        var written: String {
            schedule1.map { "`art9 \(article9.rawValue)` with `sch1 \($0)` (\(meaning))" }
                ?? "`art9 \(article9.rawValue)` (\(meaning); no Schedule 1 condition needed)"
        }
    }

    private static func remedy(_ condition: Article9Condition, _ part: Int?, _ paragraph: Int?, _ meaning: String) -> Remedy {
        Remedy(article9: condition, schedule1: part.flatMap { Schedule1Condition(part: $0, paragraph: paragraph ?? 0) }, meaning: meaning)
    }

    /// The fitting conditions for a purpose category, most usual first; nil where the table holds
    /// no opinion (the rule's own requirement stands).
    static func fitting(_ category: PurposeCategory) -> [Remedy]? {
        switch category {
        case .legalProceedings:
            [remedy(.f, nil, nil, "legal claims and courts acting judicially"),
             remedy(.g, 2, 10, "substantial public interest: preventing or detecting unlawful acts")]
        case .fraudPrevention:
            [remedy(.g, 2, 14, "substantial public interest: preventing fraud"),
             remedy(.g, 2, 10, "substantial public interest: preventing or detecting unlawful acts")]
        case .safeguarding:
            [remedy(.g, 2, 18, "substantial public interest: safeguarding of children and of individuals at risk"),
             remedy(.h, 1, 2, "health or social care purposes")]
        case .emergencyPlanning:
            [remedy(.g, 2, 6, "substantial public interest: statutory and government purposes"),
             remedy(.i, 1, 3, "public health")]
        case .publicHealth:
            [remedy(.i, 1, 3, "public health")]
        case .research, .registries:
            [remedy(.j, 1, 4, "archiving, research and statistics")]
        default:
            nil
        }
    }

    /// For a flow relying on `condition`: the fitting remedies of those of its purposes the
    /// condition does not fit, written for a help text; nil when it fits them all.
    /// The purpose categories a condition does not fit, and the conditions that would.
    struct Proposal: Sendable, Equatable {
        let unfit: [PurposeCategory]
        let remedies: String
    }

    static func proposal(replacing condition: Article9Condition, for categories: [PurposeCategory]) -> Proposal? {
        var proposed: [Remedy] = []
        var unfit: [PurposeCategory] = []
        for category in categories {
            guard let fitting = fitting(category), !fitting.contains(where: { $0.article9 == condition }) else { continue }
            unfit.append(category)
            for remedy in fitting where !proposed.contains(remedy) { proposed.append(remedy) }
        }
        guard !proposed.isEmpty else { return nil }
        return Proposal(unfit: unfit, remedies: proposed.map(\.written).joined(separator: ", or "))
    }
}
