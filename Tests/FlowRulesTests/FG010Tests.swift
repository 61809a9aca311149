import Testing

@testable import FlowRules

struct FG010Tests {
    @Test func branches() {
        #expect(RulesATestSupport.triggering("FG010", 1) == ["purpose/error"])
        #expect(RulesATestSupport.triggering("FG010", 2) == ["recipient/error"])
    }

    @Test func peopleGivingTheirOwnInformationAreNotChecked() {
        let findings = RulesATestSupport.findings("FG010", in: """
        org patient "Patient" {
          kind individual
        }

        flow patient -> icb "Continuing healthcare application" {
          data sus
          level identifiable
          purpose commissioning
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality implied-consent
        }
        """)
        #expect(findings.isEmpty)
    }

    @Test func dataNotConfidentialToTheRecipientIsNotChecked() {
        let findings = RulesATestSupport.findings("FG010", in: """
        at dscro pseudonymise sus -> sus-pseudo {
          key dscro-key
        }

        flow dscro -> icb "Pseudonymised SUS" {
          data sus-pseudo
          level pseudonymised
          purpose commissioning
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality implied-consent
        }
        """)
        #expect(findings.isEmpty)
    }
}
