import Testing

/// One source per language construct, each using every property that construct has. The layout is
/// deliberately uneven (extra spaces, `;` separators, `a,b` lists, one-line blocks) so formatting
/// has work to do; the structure must survive it.
struct ConstructFixture: Sendable, CustomTestStringConvertible {
    let name: String
    let source: String

    var testDescription: String { name }

    static let all: [ConstructFixture] = [
        ConstructFixture(name: "model", source: """
            model   "North region flows" {
              type1-on-legal-collections yes
              suppress-below 10 ;  round-to 5
              commissioner-identifiable-channels invoice-validation,continuing-healthcare ,safeguarding
              unknown-ndoo-status exempt
            }
            """),
        ConstructFixture(name: "model without block", source: #"model "Just a name""#),
        ConstructFixture(name: "include", source: """
            include "shared/orgs.flow"
            include   "../national/bodies.flow"
            """),
        ConstructFixture(name: "use", source: "use std"),
        ConstructFixture(name: "org", source: """
            org dscro "DSCRO (East of England)" {
              kind dscro
              public-authority yes
              ods "X26" ; ico "Z1234567"
              country GB
              dspt standards-met "2023/24"
              apd yes
              confidentiality-duty no
              valid-from 2020-04-01
              valid-until 2030-03-31
              successor nhs-england
              processor-for nhs-england,blmk
              joint-controller-with blmk
              evidence cef-listed, rs-assurance-statement
              security "ISO 27001; DSPT \\"met\\""
              dpo "dpo@example.org"
              description "Data Services for Commissioners\\nRegional Office"
            }
            """),
        ConstructFixture(name: "boundary (nested)", source: """
            boundary nhse "NHS England estate" {
              kind organisation
              contains nhs-england
              promise data-stays-in-uk
              description "The national estate"
              boundary sde "Secure data environment" {
                kind secure-data-environment
                contains dscro ;contains csu
                promise personal-data-does-not-leave, identifiable-data-does-not-leave
                boundary inner { kind system }
              }
            }
            """),
        ConstructFixture(name: "dataset", source: """
            dataset sus "SUS+" {
              origin england-health, gp-record
              special-category health,genetic
              criminal-offence-data no
              identifiers nhs-number, postcode, date-of-birth
              subjects patients, deceased
              level identifiable
              key dscro-key
              source nuh, blmk
              items "APC, OP and A&E episodes"
              description "Secondary Uses Service"
            }
            """),
        ConstructFixture(name: "at pseudonymise", source: """
            at dscro pseudonymise sus -> sus-pseudo "SUS+ (pseudonymised)" {
              key dscro-key
              level pseudonymised-weak
              identifiers pseudonym, age
              purpose rs, ivs
              description "Pseudonymised at the DSCRO"
            }
            """),
        ConstructFixture(name: "at link", source: "at dscro link sus-pseudo,gp-pseudo->linked { key dscro-key }"),
        ConstructFixture(name: "at aggregate", source: """
            at csu aggregate linked -> counts {
              suppress-below 8
              round-to 5
            }
            """),
        ConstructFixture(name: "at anonymise", source: #"at csu anonymise linked -> anon "Anonymised extract" { assessment "ICO anonymisation code, 2021" }"#),
        ConstructFixture(name: "at filter", source: """
            at dscro filter sus -> sus-filtered {
              opt-out ndoo, type1
            }
            """),
        ConstructFixture(name: "at re-identify", source: """
            at dscro re-identify sus-pseudo -> sus-reid {
              key dscro-key
              purpose ivs
            }
            """),
        ConstructFixture(name: "at (no block)", source: "at csu anonymise counts -> published"),
        ConstructFixture(name: "purpose", source: """
            purpose rs "Risk stratification" {
              category risk-stratification-case-finding
              statutory-function no
              description "Identifying patients for proactive care"
            }
            """),
        ConstructFixture(name: "approval", source: """
            approval cag-7-04a "Risk stratification" {
              reference "CAG 7-04(a)/2013"
              regulation 5
              decision-maker secretary-of-state
              applicant nhs-england
              purposes rs
              datasets sus, gp
              controllers blmk
              processors dscro, psl
              classes 1, 2, 6
              excludes-origin outside-england
              ndoo exempt "Approval letter, section 3"
              conditions "Annual review", "Report breaches"
              requires-evidence rs-assurance-statement
              valid-from 2013-07-01
              valid-until unknown
              next-review 2026-09-30
              last-reviewed 2024-09-30
              covers-linkage yes
              description "Support under regulation 5"
            }
            """),
        ConstructFixture(name: "agreement", source: """
            agreement dsa-1 "Data sharing agreement" {
              kind nhse-dsa
              reference "DARS-NIC-12345"
              parties nhs-england, blmk
              datasets sus
              purposes rs
              valid-from 2024-04-01
              valid-until 2027-03-31
              next-review 2025-04-01
              sublicensing no
              retention "Until the agreement ends"
              description "Standard terms"
            }
            """),
        ConstructFixture(name: "contract", source: """
            contract psl-contract "PSL processing contract" {
              reference "C-2024-17"
              controller blmk
              processor psl
              purposes rs
              datasets sus-pseudo
              valid-from 2024-01-01
              valid-until unknown
              confidentiality-clause yes
              sub-processing specific
              sub-processors cloud-co
              description "Art 28 terms"
            }
            """),
        ConstructFixture(name: "arrangement", source: """
            arrangement joint "Joint controllers" {
              reference "JCA-1"
              controllers blmk, nhs-england
              purposes rs
              essence-published yes
              valid-until 2028-12-31
              description "Art 26 arrangement"
            }
            """),
        ConstructFixture(name: "dpia", source: """
            dpia rs-dpia "RS DPIA" {
              reference "DPIA-009"
              controller blmk
              purposes rs
              completed 2023-05-01
              next-review 2025-05-01
              signed-off-by "Caldicott Guardian", "DPO"
              description "Reviewed annually"
            }
            """),
        ConstructFixture(name: "gateway", source: """
            gateway s254 "HSCA 2012 s254 directions" {
              kind directions
              citation "Health and Social Care Act 2012, s254"
              purposes rs
              valid-from 2019-01-01
              valid-until 2029-01-01
              description "Directions to NHS England"
            }
            """),
        ConstructFixture(name: "opt-out", source: """
            opt-out rs-optout "Risk stratification objection" {
              kind programme
              recorded-at blmk, nhs-england
              purposes rs
              code "9Nu4"
              description "Local objection"
            }
            """),
        ConstructFixture(name: "key", source: """
            key dscro-key "DSCRO pseudonymisation key" {
              held-by dscro
              held-by csu
              description "Shared key domain"
            }
            """),
        ConstructFixture(name: "notice", source: """
            notice blmk-notice "BLMK privacy notice" {
              controller blmk
              flows s1-f8
              flows dscro.psl.sus.rs
              purposes rs, ivs
              reviewed 2025-01-15
              url "https://example.org/privacy"
              description "Arts 13 and 14"
            }
            """),
        ConstructFixture(name: "flow with id", source: """
            flow s1-f8 dscro -> psl "SUS+ for risk stratification" {
              data sus-pseudo
              level pseudonymised-weak
              purpose rs, ivs
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2, part2 para6
              art10 official-authority
              confidentiality s251-reg5 cag-7-04a
              applies ndoo,type1
              exempt ndoo "Approval letter"
              exempt type1
              agreement dsa-1, psl-contract
              dpia rs-dpia
              retention "6 years after closure" destroy
              retention "Review annually"
              transfer uk-adequacy
              frequency monthly
              suppress-below 8
              round-to 5
              assessment "Motivated intruder test, 2024"
              reidentification-by blmk
              needs postcode
              items "SUS+ APC"
              changed 2024-06-01
              siro-approval "SIRO minute 2024-17"
              description "The monthly feed"
            }
            """),
        ConstructFixture(name: "flow with gateway citation", source: """
            flow dscro->nhs-england {
              data sus; level identifiable; purpose rs
              art6 c s254
              confidentiality statutory s254
            }
            """),
        ConstructFixture(name: "flow without id", source: "flow blmk -> psl {\n data sus\n level aggregate\n purpose rs\n}"),
        ConstructFixture(name: "waiver", source: """
            waiver FG015 s1-f8 {
              justification "Contract renewal in progress"
              owner "IG lead"
              reference "RISK-42"
              expires 2026-03-31
            }
            """),
        ConstructFixture(name: "comments everywhere", source: """
            # Leading comment of the file

            # Leading comment of org
            org a "A" { # after the brace
              kind trust # trailing
              # dangling at block end
            } # after the block
            # dangling at file end
            """),
    ]

    /// Every fixture concatenated: one file using every construct.
    static var combined: String { all.map(\.source).joined(separator: "\n\n") }
}
