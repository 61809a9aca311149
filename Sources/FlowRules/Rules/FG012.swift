import FlowLanguage
import FlowModel

/// R12: s251 approval expired, not yet in force, of unknown currency, or with its annual review overdue.
enum FG012 {
    static let rule = Rule(
        code: "FG012",
        slug: "s251-approval-expired",
        severity: .error,
        legalSource: "NHS Act 2006 s251; COPI Regulations 2002 reg 5; CAG standard conditions of support (condition 10, annual review)",
        summary: "Flows rely on a s251 approval that has expired or not started, whose end date is unknown, or whose annual review is overdue.",
        explanation: """
        Section 251 support lasts for the period stated in the approval. It does not lapse each year, \
        but it does end on its end date unless extended by amendment — and the 2013 commissioning \
        approvals have been extended repeatedly (CAG 7-04(a)/2013 to the end of September 2022, \
        CAG 7-07(a-c)/2013 most recently to 30 September 2027). Standard condition 10 also requires an \
        annual review report every 12 months; the CAG register shows the next review date.

        The rule checks every approval that at least one flow cites (`confidentiality s251-regN \
        APPROVAL`), on the analysis date (`--as-of`, default today):
        1. error — the analysis date is after `valid-until`: the support has expired;
        2. error — the analysis date is before `valid-from`: the support has not started;
        3. warning — `valid-until` is `unknown` or not recorded: whether the support is current cannot \
        be shown (the seeds' risk-stratification approval after September 2022 is the example);
        4. warning — the review date has passed with no review logged: the analysis date is after \
        `next-review`, and `last-reviewed` is missing or more than 12 months before it. A logged \
        review moves the next one to 12 months after it; with only `last-reviewed`, the review is \
        due 12 months after that.
        Each approval is reported once, with the flows that rely on it.

        Fix: check the approval on the CAG register of approved applications. Record the extension \
        (`valid-until`) and the register's `next-review` date, log submitted reviews with \
        `last-reviewed`, or, if support has lapsed, stop the flows or move them to another basis.
        """,
        triggeringExamples: [
            """
            approval rs-2013 "Risk stratification (as last extended)" {
              reference "CAG 7-04(a)/2013"
              regulation 5
              purposes risk-stratification
              valid-until 2022-09-30
            }

            flow trust -> supplier "SUS extract for risk stratification" {
              data sus
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 rs-2013
              applies ndoo
            }
            """,
            """
            approval rs-unknown "Risk stratification (status after 2022 unknown)" {
              reference "CAG 7-04(a)/2013"
              regulation 5
              purposes risk-stratification
              valid-until unknown
            }

            flow trust -> supplier "SUS extract for risk stratification" {
              data sus
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 rs-unknown
              applies ndoo
            }
            """,
            """
            approval iv-support "Invoice validation" {
              reference "CAG 7-07(a-c)/2013"
              regulation 5
              purposes invoice-validation
              valid-until 2027-09-30
              next-review 2025-06-30
              last-reviewed 2024-05-20
            }

            flow trust -> icb "Invoice backing data" {
              data sus
              level identifiable
              purpose invoice-validation
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 iv-support
            }
            """,
            """
            approval new-study "Study not yet supported" {
              reference "25/CAG/0200"
              regulation 5
              purposes research
              valid-from 2026-06-01
              valid-until 2029-05-31
            }

            flow trust -> university "Cohort extract" {
              data sus
              level identifiable
              purpose research
              art6 e "NHS Act 2006 s13L"
              art9 j
              sch1 part1 para4
              confidentiality s251-reg5 new-study
              applies ndoo
            }
            """,
        ],
        passingExamples: [
            """
            flow trust -> supplier "SUS extract for risk stratification" {
              data sus
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              applies ndoo
            }
            """,
            """
            approval iv-support "Invoice validation" {
              reference "CAG 7-07(a-c)/2013"
              regulation 5
              purposes invoice-validation
              valid-until 2027-09-30
              next-review 2025-06-30
              last-reviewed 2025-06-02
            }

            flow trust -> icb "Invoice backing data" {
              data sus
              level identifiable
              purpose invoice-validation
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 iv-support
            }
            """,
            """
            approval lapsed "Approval no flow relies on any more" {
              reference "CAG 2-03(a)/2013"
              regulation 5
              valid-until 2017-03-31
            }
            """,
        ]
    ) { collector in
        let model = collector.model
        let asOf = collector.asOf
        let cited = CitedApprovals.shared(by: collector)
        // In id order.
        for (position, flows) in cited.citing.enumerated() where !flows.isEmpty {
            let id = cited.ids[position]
            let approval = cited.approvals[position]
            let labels = flows.prefix(3).map { collector.label(model.flows[$0]) }
            let shown = labels.joined(separator: ", ") + (flows.count > 3 ? " and \(flows.count - 3) more" : "")
            let reliedOn = "relied on by \(shown)"
            let related = flows.prefix(5).map { DiagnosticNote("relies on `\(id)`: \(collector.label(model.flows[$0]))", at: model.flows[$0].span) }
            let name = approval.reference.map { "approval `\(id)` (\($0))" } ?? "approval `\(id)`"
            // A standard-library approval cannot be edited where it is declared: point at the first flow.
            let span = StandardLibrary.isLibraryPath(approval.span.path) ? model.flows[flows[0]].span : approval.span
            if let from = approval.validFrom, asOf < from {
                collector.report(
                    "\(name) only takes effect on \(from) (analysis date \(asOf)), but is already \(reliedOn)",
                    at: span, target: id, discriminator: "not-yet-valid", related: related,
                    help: "check `valid-from` against the support letter, or hold the flows until the support starts"
                )
                continue
            }
            switch approval.validUntil {
            case .known(let until) where until < asOf:
                collector.report(
                    "\(name) expired on \(until) (analysis date \(asOf)) but is still \(reliedOn)",
                    at: span, target: id, discriminator: "expired", related: related,
                    help: "check the CAG register: record the extension with `valid-until`, or stop the flows or move them to another basis"
                )
                continue
            case .unknown, nil:
                let state = approval.validUntil == nil ? "records no end date" : "has an unknown end date (`valid-until unknown`)"
                collector.report(
                    "\(name) \(state), so it cannot be shown to be in force; it is \(reliedOn)",
                    at: span, target: id, discriminator: "currency-unknown", severity: .warning, related: related,
                    help: "check the CAG register of approved applications and record `valid-until YYYY-MM-DD` (for a standard-library approval, redeclare it in the model with the dates found)"
                )
            case .known:
                break
            }
            if let due = reviewDue(approval), due < asOf {
                let logged = approval.lastReviewed.map { "the last review logged is \($0)" } ?? "no review is logged (`last-reviewed`)"
                collector.report(
                    "annual review of \(name) was due by \(due) and \(logged); it is \(reliedOn)",
                    at: span, target: id, discriminator: "review-overdue", severity: .warning, related: related,
                    help: "submit the annual review report to CAG and record `last-reviewed` and the register's new `next-review`"
                )
            }
        }
    }

    /// When the next annual review falls due: the register's next review date, moved to 12 months
    /// after a review logged since then (or in the 12 months before it).
    static func reviewDue(_ approval: Approval) -> Day? {
        // A review logged so late that a year after it is past 9999-12-31 puts the next one beyond
        // any analysis date.
        let anniversary = approval.lastReviewed.map { $0.adding(months: 12) ?? Day.latest }
        switch (approval.nextReview?.day, anniversary) {
        case (let next?, let after?): return max(next, after)
        case (let next?, nil): return next
        case (nil, let after?): return after
        case (nil, nil): return nil
        }
    }
}
