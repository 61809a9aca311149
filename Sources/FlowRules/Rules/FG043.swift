import FlowAnalysis
import FlowLanguage
import FlowModel

/// A privacy notice not reviewed within a year, or with no review date.
enum FG043 {
    static let rule = Rule(
        code: "FG043",
        slug: "notice-review-overdue",
        severity: .warning,
        legalSource: "UK GDPR Art 5(1)(a) (transparency), Arts 12–14 and Art 5(2) (accountability); ICO guidance on the right to be informed (\"regularly review, and where necessary, update your privacy information\"); DSPT standard 1 (privacy information kept up to date)",
        summary: "A privacy notice was last reviewed more than a year ago, or records no review date.",
        explanation: """
        What a notice tells people must match what the controller does now. Flows, processors, \\
        approvals and the bodies involved change every year (CCGs became ICBs in 2022, NHS Digital \\
        joined NHS England in 2023), and the ICO expects privacy information to be reviewed \\
        regularly; NHS organisations evidence a yearly review in the Data Security and Protection \\
        Toolkit. A notice whose last review is over a year old is reported as a warning, saying how \\
        long ago it was; a notice that records no `reviewed` date is reported as information, since \\
        the model cannot tell. `flowgate report expiries` lists the same reviews as they fall due.

        Fix: review the notice against the model and record the date: `reviewed YYYY-MM-DD` (a \\
        month, `reviewed 2022-06`, where the notice gives no more; it is read as the month's first day).
        """,
        triggeringExamples: [
            """
            notice icb-notice "Example ICB privacy notice" {
              controller icb
              reviewed 2022-06
            }
            """,
        ],
        passingExamples: [
            """
            notice icb-notice "Example ICB privacy notice" {
              controller icb
              reviewed 2026-01-15
            }
            """,
        ]
    ) { collector in
        for notice in collector.model.notices.values.sorted(by: { $0.id < $1.id }) where !StandardLibrary.isLibraryPath(notice.span.path) {
            guard let reviewed = notice.reviewed else {
                collector.report(
                    "privacy notice `\(notice.id)` records no review date, so nothing shows it still describes the processing",
                    at: notice.span, target: notice.id, discriminator: "no-review-date", severity: .info,
                    help: "record when it was last reviewed: `reviewed YYYY-MM-DD`"
                )
                continue
            }
            guard let due = notice.reviewDue, due < collector.asOf else { continue }
            collector.report(
                "privacy notice `\(notice.id)` was last reviewed on \(reviewed), \(reviewed.days(until: collector.asOf)) days before \(collector.asOf); a review was due by \(due)",
                at: notice.span, target: notice.id, discriminator: "review-overdue",
                help: "review the notice against the model (its flows, processors, bases and the bodies it names) and record the date with `reviewed YYYY-MM-DD`"
            )
        }
    }
}
