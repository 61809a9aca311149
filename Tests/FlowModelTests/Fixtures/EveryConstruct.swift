/// A valid two-file model that uses every declaration and every property of each.
enum EveryConstruct {
    static let files: [String: String] = ["main.flow": main, "parts/extra.flow": extra]

    static let extra = """
        org cloud-co "Cloud Co" {
          kind supplier
          country IE
        }
        """

    static let main = """
        model "Every construct" {
          type1-on-legal-collections no
          suppress-below 10
          round-to 10
          commissioner-identifiable-channels invoice-validation, safeguarding
          unknown-ndoo-status exempt
        }

        use std
        include "parts/extra.flow"

        org dscro "DSCRO" {
          kind dscro
          public-authority yes
          ods "X26"
          ico "Z1234567"
          country GB
          dspt standards-met "2023/24"
          apd yes
          confidentiality-duty yes
          statutory-collector no
          accountable no
          valid-from 2020-04-01
          valid-until 2030-03-31
          successor csu
          processor-for blmk
          joint-controller-with nhs-england
          evidence cef-listed, rs-assurance-statement
          security "ISO 27001"
          dpo "dpo@example.org"
          description "Data services"
        }

        org csu {
          kind csu
          part-of nhs-england
        }

        org blmk "BLMK ICB" {
          kind icb
          public-authority yes
        }

        org psl {
          kind supplier
          country IN
        }

        boundary region "Region" {
          kind organisation
          contains blmk
          promise data-stays-in-uk
          description "The region"
          boundary sde "SDE" {
            kind secure-data-environment
            contains dscro
            contains csu
            promise personal-data-does-not-leave, identifiable-data-does-not-leave
          }
        }

        dataset sus "SUS+" {
          origin england-health
          special-category health
          criminal-offence-data yes
          identifiers nhs-number, postcode, age
          subjects patients
          level identifiable
          source blmk
          items "APC"
          description "Secondary uses"
        }

        dataset gp "GP data" {
          origin gp-record
          kind-of gp-extract
          special-category genetic
          identifiers local-id, pseudonym
          subjects carers
          level pseudonymised
          key k
        }

        key k "Key" {
          held-by dscro
          held-by csu
          description "Shared"
        }

        at dscro pseudonymise sus -> sus-p "SUS+ pseudonymised" {
          key k
          level pseudonymised-weak
          identifiers pseudonym, age
          purpose rs
          inferred "where the notice does not say"
          description "At the DSCRO"
        }

        at dscro link sus-p, gp -> linked {
          key k
          cohort gp
        }

        at csu aggregate linked -> counts {
          suppress-below 10
          round-to 10
        }

        at csu anonymise linked -> anon {
          assessment "ICO code"
        }

        at dscro filter sus -> sus-f {
          opt-out ndoo, type1
        }

        at dscro re-identify sus-p -> sus-r {
          key k
        }

        purpose rs "Risk stratification" {
          category risk-stratification-case-finding
          statutory-function no
          kind-of risk-stratification-case-finding
          description "Case finding"
        }

        purpose ivs {
          category invoice-validation
        }

        approval cag "CAG support" {
          reference "CAG 7-04(a)/2013"
          regulation 5
          decision-maker secretary-of-state
          applicant nhs-england
          purposes rs
          datasets sus
          controllers blmk
          processors dscro, psl
          classes 1, 6
          excludes-origin outside-england
          ndoo exempt "Letter"
          conditions "Annual review", "Breach reporting"
          requires-evidence rs-assurance-statement
          valid-from 2013-07-01
          valid-until unknown
          next-review 2026-09-30
          last-reviewed 2024-09-30
          covers-linkage yes
          description "Regulation 5"
        }

        agreement dsa "DSA" {
          kind nhse-dsa
          reference "DARS-1"
          parties nhs-england, blmk
          datasets sus
          purposes rs
          valid-from 2024-04-01
          valid-until 2027-03-31
          next-review 2025-04-01
          sublicensing no
          retention "Until the end"
          description "Terms"
        }

        contract c "Contract" {
          reference "C-1"
          controller blmk
          processor psl
          purposes rs
          datasets sus-p
          valid-from 2024-01-01
          valid-until unknown
          confidentiality-clause yes
          sub-processing specific
          sub-processors cloud-co
          description "Art 28"
        }

        arrangement j "Joint" {
          reference "J-1"
          controllers blmk, nhs-england
          purposes rs
          essence-published yes
          valid-until 2028-12-31
          description "Art 26"
        }

        dpia d "DPIA" {
          reference "D-1"
          controller blmk
          purposes rs
          completed 2023-05-01
          next-review 2025-05-01
          signed-off-by "Caldicott Guardian", "DPO"
          description "Annual"
        }

        gateway g "Directions" {
          kind directions
          citation "HSCA 2012 s254"
          purposes rs
          valid-from 2019-01-01
          valid-until 2029-01-01
          description "s254"
        }

        gateway pi "Public-interest decision" {
          kind public-interest-decision
          citation "Caldicott Guardian log 12"
          flows f1
          decided-by "Caldicott Guardian"
          decided 2025-01-10
        }

        opt-out local "Local objection" {
          kind programme
          recorded-at blmk
          purposes rs
          code "9Nu4"
          description "Local"
        }

        notice n "Privacy notice" {
          controller blmk
          flows f1
          flows blmk.psl.sus-p.rs
          purposes rs
          reviewed 2025-01-15
          states no-automated-decisions, not-shared-outside
          opt-outs local
          quotes "This allows Clinical Commissioning Groups to validate invoices"
          quotes "NHS Digital collects the data"
          url "https://example.org"
          description "Arts 13-14"
        }

        flow f1 dscro -> psl "Feed" {
          data sus-p
          level pseudonymised-weak
          purpose rs, ivs
          role processor
          art6 e g
          art9 h
          sch1 part1 para2, part2 para6
          art10 official-authority
          confidentiality s251-reg5 cag
          applies ndoo, type1
          exempt ndoo "Letter"
          exempt local
          agreement dsa, c, j
          dpia d
          retention "6 years" destroy
          retention "Review yearly"
          transfer idta
          frequency monthly
          status live 2024-01-01
          suppress-below 10
          round-to 10
          assessment "Motivated intruder"
          reidentification-by blmk
          needs postcode
          items "APC"
          changed 2024-06-01
          siro-approval "SIRO-17"
          description "Monthly feed"
        }

        flow blmk -> psl {
          data sus-p
          level pseudonymised
          purpose rs
          art6 e "NHS Act 2006 s14Z"
        }

        waiver FG015 f1 {
          justification "Renewal in progress"
          owner "IG lead"
          reference "RISK-42"
          expires 2026-03-31
          finding "ndoo"
        }
        """
}
