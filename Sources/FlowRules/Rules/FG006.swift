import FlowLanguage
import FlowModel

/// R6: criminal offence data without an Article 10 route.
enum FG006 {
    static let rule = Rule(
        code: "FG006",
        slug: "criminal-offence-data-without-art10",
        severity: .error,
        legalSource: "UK GDPR Art 10; DPA 2018 ss10(5) and 11(2), Schedule 1 Parts 1–3",
        summary: "Criminal offence data flows with no Article 10 route, or with a Schedule 1 route that names no condition.",
        explanation: """
        Personal data about criminal convictions and offences — including alleged offences, proceedings \
        and sentencing (DPA 2018 s11(2)) — may be processed only under the control of official \
        authority, or where domestic law authorises it: a condition in DPA 2018 Schedule 1 Part 1, 2 \
        or 3 (s10(5)). This is separate from Articles 6 and 9: safeguarding files, fraud referrals and \
        complaint files often contain such data, and a health condition under Art 9 does not cover it.

        For every flow of personal data whose dataset is marked `criminal-offence-data yes` (derived \
        datasets inherit the mark), two situations are reported as errors:
        1. the flow records no `art10` route;
        2. it records `art10 schedule1` but cites no Schedule 1 condition with `sch1` for it to rest on \
        (for fraud, typically `part2 para10` or `part2 para14`; Part 3 adds consent, vital \
        interests, legal claims and the extension of the Part 2 conditions in para 36).

        Fix: add `art10 official-authority` when the processing is under the control of official \
        authority (a statutory function exercised by a public body), or `art10 schedule1` with the \
        condition in `sch1`. Conditions in Part 1 para 1 and in Parts 2 and 3 usually also need an \
        Appropriate Policy Document (FG004).
        """,
        triggeringExamples: [
            """
            org cabinet-office "Cabinet Office (National Fraud Initiative)" {
              kind government-department
              public-authority yes
            }

            dataset fraud-referral "Fraud referral file" {
              origin non-health
              criminal-offence-data yes
              identifiers name, address, date-of-birth
              subjects members-of-the-public
              source icb
            }

            flow icb -> cabinet-office "Fraud referral with conviction details" {
              data fraud-referral
              level identifiable
              purpose fraud
              art6 c "Local Audit and Accountability Act 2014 Part 6"
            }
            """,
            """
            org cabinet-office "Cabinet Office (National Fraud Initiative)" {
              kind government-department
              public-authority yes
            }

            dataset fraud-referral "Fraud referral file" {
              origin non-health
              criminal-offence-data yes
              identifiers name, address, date-of-birth
              subjects members-of-the-public
              source icb
            }

            flow icb -> cabinet-office "Fraud referral with conviction details" {
              data fraud-referral
              level identifiable
              purpose fraud
              art6 c "Local Audit and Accountability Act 2014 Part 6"
              art10 schedule1
            }
            """,
        ],
        passingExamples: [
            """
            org cabinet-office "Cabinet Office (National Fraud Initiative)" {
              kind government-department
              public-authority yes
            }

            dataset fraud-referral "Fraud referral file" {
              origin non-health
              criminal-offence-data yes
              identifiers name, address, date-of-birth
              subjects members-of-the-public
              source icb
            }

            flow icb -> cabinet-office "Fraud referral with conviction details" {
              data fraud-referral
              level identifiable
              purpose fraud
              art6 c "Local Audit and Accountability Act 2014 Part 6"
              art10 schedule1
              sch1 part2 para10
            }
            """,
            """
            org cabinet-office "Cabinet Office (National Fraud Initiative)" {
              kind government-department
              public-authority yes
            }

            dataset fraud-referral "Fraud referral file" {
              origin non-health
              criminal-offence-data yes
              identifiers name, address, date-of-birth
              subjects members-of-the-public
              source icb
            }

            flow icb -> cabinet-office "Fraud referral with conviction details" {
              data fraud-referral
              level identifiable
              purpose fraud
              art6 c "Local Audit and Accountability Act 2014 Part 6"
              art10 official-authority
            }
            """,
        ]
    ) { collector in
        let carriesPersonalData = FlowColumns.shared(by: collector).carriesPersonalData
        let declarations = DeclarationsByID.shared(by: collector)
        // Few datasets hold criminal offence data: every other flow is passed over by its dataset id.
        let isCriminalOffenceData = declarations.datasets.map { $0?.hasCriminalOffenceData == true }
        let flowDatasets = declarations.flowDatasets
        for index in collector.model.flows.indices where isCriminalOffenceData[flowDatasets[index]] {
            let flow = collector.model.flows[index]
            guard carriesPersonalData[index], let dataset = collector.model.datasets[flow.dataset.name] else { continue }
            let related = [DiagnosticNote("`\(dataset.id)` is marked `criminal-offence-data yes`", at: dataset.span)]
            switch flow.article10 {
            case nil:
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) carries criminal offence data (`\(dataset.id)`) with no Article 10 route",
                    discriminator: "missing",
                    related: related,
                    help: "add `art10 official-authority`, or `art10 schedule1` with the condition in `sch1` (e.g. `sch1 part2 para10`)"
                )
            case .schedule1 where flow.schedule1.isEmpty:
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) carries criminal offence data (`\(dataset.id)`) under `art10 schedule1` but cites no Schedule 1 condition",
                    discriminator: "no-condition",
                    related: related,
                    help: "add the Part 1, 2 or 3 condition relied on, e.g. `sch1 part2 para10` (preventing or detecting unlawful acts)"
                )
            default:
                continue
            }
        }
    }
}
