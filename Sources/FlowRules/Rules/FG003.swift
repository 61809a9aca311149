import FlowLanguage
import FlowModel

/// R3: Article 9 condition without, or with the wrong, DPA 2018 Schedule 1 condition.
enum FG003 {
    static let rule = Rule(
        code: "FG003",
        slug: "art9-schedule1-mismatch",
        severity: .error,
        legalSource: "DPA 2018 s10(1)–(3) and Schedule 1 Parts 1 and 2",
        summary: "An Article 9 condition that needs a DPA 2018 Schedule 1 condition is cited without it, or with one that does not match.",
        explanation: """
        Five of the Article 9(2) conditions only work in the UK together with a condition in DPA 2018 \
        Schedule 1 (DPA s10): 9(2)(b) employment, social security and social protection needs Part 1 \
        para 1; 9(2)(g) substantial public interest needs one of Part 2 paras 6–28; 9(2)(h) health or \
        social care needs Part 1 para 2; 9(2)(i) public health needs Part 1 para 3; 9(2)(j) archiving, \
        research and statistics needs Part 1 para 4. Conditions (a), (c), (d), (e) and (f) need none.

        Two situations are reported, both as errors, on flows that carry personal data:
        1. the flow cites such an Art 9 condition and no Schedule 1 condition at all (a common privacy \
        notice gap: "9(2)(b) and 9(2)(h)" with nothing behind them);
        2. the flow cites Schedule 1 conditions, but none of them belongs to its Art 9 condition \
        (9(2)(h) with Part 1 para 4, say). Extra conditions are allowed beside the matching one — a \
        flow with criminal offence data may cite a second Schedule 1 condition for its Article 10 \
        route.

        Fix: add the matching `sch1` condition, e.g. `art9 h` with `sch1 part1 para2`, `art9 j` with \
        `sch1 part1 para4`, `art9 g` with `sch1 part2 para18` (safeguarding), or correct the Art 9 \
        condition if the Schedule 1 condition is the one actually relied on.
        """,
        triggeringExamples: [
            """
            flow trust -> gp "Discharge summary with no Schedule 1 condition" {
              data sus
              level identifiable
              purpose care
              art6 e "NHS Act 2006 s43"
              art9 h
              confidentiality implied-consent
            }
            """,
            """
            flow trust -> university "Research extract with a care condition" {
              data sus
              level identifiable
              purpose research
              art6 e "NHS Act 2006 s13L"
              art9 h
              sch1 part1 para4
              confidentiality explicit-consent
            }
            """,
            """
            flow icb -> council "Safeguarding referral on 9(2)(g)" {
              data sus
              level identifiable
              purpose safeguarding
              art6 c "Care Act 2014 s42"
              art9 g
              sch1 part1 para2
              confidentiality statutory
            }
            """,
        ],
        passingExamples: [
            """
            flow trust -> university "Research extract" {
              data sus
              level identifiable
              purpose research
              art6 e "NHS Act 2006 s13L"
              art9 j
              sch1 part1 para4
              confidentiality explicit-consent
            }
            """,
            """
            flow icb -> council "Safeguarding referral" {
              data sus
              level identifiable
              purpose safeguarding
              art6 c "Care Act 2014 s42"
              art9 g
              sch1 part2 para18
              confidentiality statutory
            }
            """,
            """
            flow trust -> university "Consented research cohort" {
              data sus
              level identifiable
              purpose research
              art6 e "NHS Act 2006 s13L"
              art9 a
              confidentiality explicit-consent
            }
            """,
        ]
    ) { collector in
        let carriesPersonalData = FlowColumns.shared(by: collector).carriesPersonalData
        let categories = collector.analysis.flowPurposeCategories
        let owners = DescribingNotices.shared(by: collector)
        for (index, flow) in collector.flows where carriesPersonalData[index] {
          for condition in flow.article9Conditions {
            guard let required = requiredSchedule1(for: condition) else { continue }
            let several = flow.article9Conditions.count > 1
            let span = flow.article9Span ?? flow.span
            // Where the condition itself does not fit the flow's purposes, completing it with its
            // Schedule 1 paragraph is the wrong remedy: propose the conditions that fit.
            let proposal = ConditionRemedies.proposal(replacing: condition, for: categories[index])
            let fitting = proposal?.remedies
            let refit = proposal.map { proposal in
                let unfit = proposal.unfit.map { "`\($0.rawValue)`" }.joined(separator: ", ")
                return "9(2)(\(condition.rawValue)) does not fit \(unfit); for \(proposal.unfit.count == 1 ? "it" : "them") rely on \(proposal.remedies)"
            }
            if flow.schedule1.isEmpty {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) relies on Art 9(2)(\(condition.rawValue)) but cites no DPA 2018 Schedule 1 condition; "
                        + (refit ?? "9(2)(\(condition.rawValue)) needs \(required.text)"),
                    discriminator: several ? "missing:\(condition.rawValue)" : "missing",
                    help: refit ?? "add `sch1 \(required.example)` to the flow",
                    at: span,
                    sameReason: owners.reason(
                        forFlow: flow.id, key: "missing|\(condition.rawValue)|\(fitting ?? "")",
                        summary: "Art 9(2)(\(condition.rawValue)) is relied on with no DPA 2018 Schedule 1 condition; "
                            + (proposal.map { "it does not fit \($0.unfit.map { "`\($0.rawValue)`" }.joined(separator: ", ")): rely on \($0.remedies)" } ?? "9(2)(\(condition.rawValue)) needs \(required.text)")
                    )
                )
            } else if !flow.schedule1.contains(where: required.matches) {
                let cited = flow.schedule1.map { "`\($0)`" }.joined(separator: ", ")
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) pairs Art 9(2)(\(condition.rawValue)) with \(cited), which \(flow.schedule1.count == 1 ? "is not a condition" : "are not conditions") for it; 9(2)(\(condition.rawValue)) needs \(required.text)",
                    discriminator: several ? "mismatch:\(condition.rawValue)" : "mismatch",
                    help: refit ?? "cite `sch1 \(required.example)`, or correct `art9` to the condition the Schedule 1 paragraph belongs to",
                    at: span,
                    sameReason: owners.reason(
                        forFlow: flow.id, key: "mismatch|\(condition.rawValue)|\(cited)|\(fitting ?? "")",
                        summary: "Art 9(2)(\(condition.rawValue)) is paired with \(cited), not a condition for it; "
                            + (proposal.map { "9(2)(\(condition.rawValue)) does not fit \($0.unfit.map { "`\($0.rawValue)`" }.joined(separator: ", ")): rely on \($0.remedies)" } ?? "9(2)(\(condition.rawValue)) needs \(required.text)")
                    )
                )
            }
          }
        }
    }

    struct RequiredSchedule1 {
        let text: String
        let example: String
        let matches: @Sendable (Schedule1Condition) -> Bool
    }

    /// DPA 2018 s10(2)–(3): which Schedule 1 conditions make each Art 9(2) condition available.
    static func requiredSchedule1(for condition: Article9Condition) -> RequiredSchedule1? {
        switch condition {
        case .b:
            RequiredSchedule1(text: "Part 1 para 1 (employment, social security and social protection)", example: "part1 para1") { $0.part == 1 && $0.paragraph == 1 }
        case .g:
            RequiredSchedule1(text: "one of Part 2 paras 6–28 (substantial public interest)", example: "part2 paraN") { $0.part == 2 && (6...28).contains($0.paragraph) }
        case .h:
            RequiredSchedule1(text: "Part 1 para 2 (health or social care purposes)", example: "part1 para2") { $0.part == 1 && $0.paragraph == 2 }
        case .i:
            RequiredSchedule1(text: "Part 1 para 3 (public health)", example: "part1 para3") { $0.part == 1 && $0.paragraph == 3 }
        case .j:
            RequiredSchedule1(text: "Part 1 para 4 (archiving, research and statistics)", example: "part1 para4") { $0.part == 1 && $0.paragraph == 4 }
        case .a, .c, .d, .e, .f:
            nil
        }
    }
}
