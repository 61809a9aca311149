import FlowLanguage
import FlowModel

/// R8: 6(1)(c) or 6(1)(e) without the law it rests on.
enum FG008 {
    static let rule = Rule(
        code: "FG008",
        slug: "art6-without-basis-in-law",
        severity: .warning,
        legalSource: "UK GDPR Art 6(3); accountability, Art 5(2)",
        summary: "A flow relies on legal obligation (6(1)(c)) or public task (6(1)(e)) without naming the law behind it.",
        explanation: """
        Legal obligation, Art 6(1)(c), and public task, Art 6(1)(e), are available only where the \
        obligation or the task is laid down by domestic law (Art 6(3)). The controller must be able to \
        point to it — an NHS Act 2006 function (s14Z for ICBs, s13 for NHS England, s43 for NHS \
        trusts), a direction or notice under HSCA 2012 s254/s259, the Care Act 2014, the Children Act \
        1989/2004, the Local Audit and Accountability Act 2014 Part 6 for the National Fraud Initiative. \
        Privacy notices often say only "statutory basis" or "public task"; that is not an answer an IG \
        lead or the ICO can check (accountability, Art 5(2)).

        For every flow of personal data citing `art6 c` or `art6 e`, two situations are reported as \
        warnings:
        1. nothing follows the basis: neither a quoted citation nor a statutory gateway;
        2. the quoted citation names no law — it contains no section, year or number and none of \
        "Act", "Regulations", "Order", "Directions", "Rules", "Code", "Schedule", "Notice" or \
        "Charter" (for example "statutory basis", "public task", "legal duty").
        A statutory gateway (`art6 c hsca-s259`) always counts: its declaration carries the citation.

        Fix: write the law after the basis, e.g. `art6 e "NHS Act 2006 s14Z"`, `art6 c \
        "Local Audit and Accountability Act 2014 Part 6"`, or declare the gateway once and cite it by \
        name: `art6 c hsca-s259`.
        """,
        triggeringExamples: [
            """
            flow icb -> council "Safeguarding referral on an unnamed statute" {
              data sus
              level identifiable
              purpose safeguarding
              art6 e "statutory basis"
              art9 g
              sch1 part2 para18
              confidentiality statutory
            }
            """,
            """
            flow trust -> gp "Discharge summary on an unstated public task" {
              data sus
              level identifiable
              purpose care
              art6 e
              art9 h
              sch1 part1 para2
              confidentiality implied-consent
            }
            """,
        ],
        passingExamples: [
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
            flow trust -> nhs-england "SUS submission" {
              data sus
              level identifiable
              purpose collection
              art6 c hsca-s259
              art9 h
              sch1 part1 para2
              confidentiality statutory hsca-s259
            }
            """,
        ]
    ) { collector in
        let carriesPersonalData = FlowColumns.shared(by: collector).carriesPersonalData
        var citations = TextMemo<Citation>()
        let owners = DescribingNotices.shared(by: collector)
        let article6Bases = FlowColumns.shared(by: collector).article6Bases
        for index in collector.model.flows.indices where article6Bases[index] == .c || article6Bases[index] == .e {
            let flow = collector.model.flows[index]
            guard let claim = flow.article6, claim.basis == .c || claim.basis == .e, claim.gateway == nil,
                  carriesPersonalData[index] else { continue }
            let name = claim.basis == .c ? "6(1)(c) legal obligation" : "6(1)(e) public task"
            let citation = claim.citation.map { text in (text: text, kind: citations.value(of: text, Citation.init)) }
            if let citation, citation.kind != .blank {
                guard citation.kind != .namesLaw else { continue }
                let citation = citation.text
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) relies on Art \(name) citing \"\(citation)\", which names no law (Art 6(3))",
                    discriminator: "vague",
                    help: "name the statute and section, e.g. `art6 \(claim.basis.rawValue) \"NHS Act 2006 s14Z\"`, or cite a declared gateway",
                    at: claim.span,
                    sameReason: owners.reason(
                        forFlow: flow.id, key: "\(claim.basis.rawValue)|\(citation)",
                        summary: "Art \(name) is cited as \"\(citation)\", which names no law (Art 6(3))"
                    )
                )
            } else {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) relies on Art \(name) without naming the law it rests on (Art 6(3))",
                    discriminator: "missing",
                    help: "write the law after the basis, e.g. `art6 \(claim.basis.rawValue) \"NHS Act 2006 s14Z\"`, or cite a declared gateway: `art6 \(claim.basis.rawValue) GATEWAY`",
                    at: claim.span,
                    sameReason: owners.reason(
                        forFlow: flow.id, key: claim.basis.rawValue,
                        summary: "Art \(name) is relied on without naming the law it rests on (Art 6(3))"
                    )
                )
            }
        }
    }

    enum Citation {
        case blank, namesLaw, vague

        init(_ text: String) {
            self = text.trimmingCharacters(in: .whitespaces).isEmpty ? .blank : FG008.namesLaw(text) ? .namesLaw : .vague
        }
    }

    /// Words that show a citation names an instrument of law.
    static let lawWords: Set<String> = [
        "act", "acts", "regulation", "regulations", "order", "orders", "direction", "directions", "rules",
        "code", "schedule", "sch", "section", "notice", "notices", "si", "copi", "hsca", "charter",
    ]

    /// A citation names a law if it has a number (year, section, paragraph) or an instrument word.
    static func namesLaw(_ citation: String) -> Bool {
        if citation.contains(where: \.isNumber) { return true }
        let words = citation.lowercased().split { !$0.isLetter }.map(String.init)
        return words.contains { lawWords.contains($0) }
    }
}
