import Testing

@testable import FlowRules

struct FG026Tests {
    @Test func branches() {
        #expect(RulesBTestSupport.triggering("FG026", 1) == ["no-agreement/warning"])
        #expect(RulesBTestSupport.triggering("FG026", 2) == ["expired:icb-dsa/error"])
        #expect(RulesBTestSupport.triggering("FG026", 3) == ["sublicensing:icb-dsa/error"])
    }

    @Test func dscroReleaseToTheICBsProcessorNeedsTheNHSEnglandDSA() {
        let text = """
        contract dscro-terms "DSCRO terms" {
          controller nhs-england
          processor dscro
          valid-until unknown
        }

        flow nhs-england -> dscro "SUS to the DSCRO" {
          data sus
          level identifiable
          purpose commissioning
          role processor
          art6 e "HSCA 2012 s261"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5
          applies ndoo
          agreement dscro-terms
        }

        at dscro pseudonymise sus -> sus-pseudo {
          key dscro-key
        }

        flow dscro -> csu "Pseudonymised SUS to the CSU" {
          data sus-pseudo
          level pseudonymised
          purpose commissioning
          role processor
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
        }
        """
        let findings = RulesBTestSupport.findings("FG026", in: text)
        #expect(findings.map(\.discriminator) == ["no-agreement"])
        #expect(findings.first?.message.contains("NHS England data sharing agreement") == true)
    }

    @Test func nhsDigitalIsNHSEngland() {
        let findings = RulesBTestSupport.findings("FG026", in: """
        org nhs-digital "NHS Digital" {
          kind national-body
          valid-until 2023-01-31
          successor nhs-england
        }

        agreement plain-dsa "A plain DSA" {
          kind dsa
          parties nhs-digital, icb
        }

        at nhs-digital pseudonymise sus -> sus-pseudo {
          key dscro-key
        }

        flow nhs-digital -> icb "Pseudonymised SUS" {
          data sus-pseudo
          level pseudonymised
          purpose commissioning
          art6 e "HSCA 2012 s261"
          art9 h
          sch1 part1 para2
          agreement plain-dsa
        }
        """)
        #expect(findings.map(\.discriminator) == ["no-agreement"])
    }

    @Test func casework_oneOffAndAggregateFlowsNeedNoAgreement() {
        let findings = RulesBTestSupport.findings("FG026", in: """
        flow trust -> council "Safeguarding referral" {
          data sus
          level identifiable
          purpose safeguarding
          art6 e "Care Act 2014 s42"
          art9 g
          sch1 part2 para18
          confidentiality statutory
        }

        flow trust -> university "One-off extract with consent" {
          data sus
          level identifiable
          purpose research
          art6 e "University research function"
          art9 j
          sch1 part1 para4
          confidentiality explicit-consent
          frequency one-off
        }

        at trust aggregate sus -> counts {
          suppress-below 8
          round-to 5
        }

        flow trust -> university "Counts" {
          data counts
          level aggregate
          purpose research
          frequency monthly
        }
        """)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }
}
