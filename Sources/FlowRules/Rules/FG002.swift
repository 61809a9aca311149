import FlowLanguage
import FlowModel

/// R2: special category data without an Article 9 condition.
enum FG002 {
    static let rule = Rule(
        code: "FG002",
        slug: "special-category-without-art9",
        severity: .error,
        legalSource: "UK GDPR Art 9(1) and 9(2); DPA 2018 s10",
        summary: "A flow of special category personal data (health, genetic, ethnicity…) has no Article 9 condition.",
        explanation: """
        Processing special category data — data concerning health, genetic or biometric data, racial or \
        ethnic origin, religious beliefs, sex life or sexual orientation, and the rest of the Art 9(1) \
        list — is prohibited unless one of the Art 9(2) conditions applies, in addition to an Article 6 \
        basis. The two are separate tests: a good Art 6 basis never lifts the Art 9(1) prohibition.

        The rule fires on every flow whose dataset declares `special-category` (derived datasets inherit \
        the categories of their inputs) and that carries personal data in the recipient's hands — \
        identifiable, NHS-number level, pseudonymised, or anonymised-in-context without a recorded \
        anonymisation assessment. Anonymised and adequately controlled aggregate data is outside UK \
        GDPR and needs no condition.

        Fix: add `art9 CONDITION` to the flow. For NHS care, commissioning, invoice validation and risk \
        stratification this is usually `art9 h` with `sch1 part1 para2`; public health uses `art9 i` \
        (`sch1 part1 para3`), research `art9 j` (`sch1 part1 para4`), safeguarding `art9 g` with \
        `sch1 part2 para18`. Conditions (b), (g), (h), (i) and (j) also need their Schedule 1 condition \
        (FG003).
        """,
        triggeringExamples: [
            """
            flow trust -> gp "Discharge summary with diagnoses" {
              data sus
              level identifiable
              purpose care
              art6 e "NHS Act 2006 s43"
              confidentiality implied-consent
            }
            """,
            """
            at dscro pseudonymise sus -> sus-pseudo {
              key dscro-key
            }

            flow dscro -> icb "Pseudonymised SUS, said not to identify anyone" {
              data sus-pseudo
              level pseudonymised
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
            }
            """,
        ],
        passingExamples: [
            """
            flow trust -> gp "Discharge summary with diagnoses" {
              data sus
              level identifiable
              purpose care
              art6 e "NHS Act 2006 s43"
              art9 h
              sch1 part1 para2
              confidentiality implied-consent
            }
            """,
            """
            flow icb -> nhs-england "Payroll return (no special category data)" {
              data payroll
              level identifiable
              purpose fraud
              art6 c "Local Audit and Accountability Act 2014 Part 6"
            }
            """,
            """
            at icb aggregate sus -> activity-counts {
              suppress-below 8
              round-to 5
            }

            flow icb -> council "Published activity counts" {
              data activity-counts
              level aggregate
              purpose publication
            }
            """,
        ]
    ) { collector in
        let carriesPersonalData = FlowColumns.shared(by: collector).carriesPersonalData
        let analysis = collector.analysis
        // The traits by id pass over most flows; the declaration is looked up by name for the wording.
        let declarations = DeclarationsByID.shared(by: collector)
        for (index, flow) in collector.flows where flow.article9Conditions.isEmpty {
            guard declarations.datasets[declarations.flowDatasets[index]]?.hasSpecialCategories == true,
                  carriesPersonalData[index], let dataset = collector.model.datasets[flow.dataset.name] else { continue }
            let level = analysis.identifiability.recipientLevels[index]
            let categories = dataset.specialCategories.map(\.rawValue).joined(separator: ", ")
            collector.report(
                flow: index,
                "\(collector.label(flow)) carries special category data (\(categories) in `\(dataset.id)`, \(level.rawValue) in the recipient's hands) with no Article 9 condition",
                related: [DiagnosticNote("`\(dataset.id)` is declared with `special-category \(categories)` here", at: dataset.span)],
                help: "add `art9 CONDITION` and its Schedule 1 condition, e.g. `art9 h` with `sch1 part1 para2` for health or social care purposes"
            )
        }
    }
}
