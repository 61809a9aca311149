import Testing

@testable import FlowRules

struct FG005Tests {
    static func flow(to recipient: String, purpose: String) -> String {
        """
        flow trust -> \(recipient) "Hospital data" {
          data sus
          level identifiable
          purpose \(purpose)
          art6 e "NHS Act 2006 s43"
          art9 h
          sch1 part1 para2
          confidentiality explicit-consent
        }
        """
    }

    @Test func localAuthorityCountsForSocialCareOnly() {
        #expect(RulesATestSupport.findings("FG005", in: Self.flow(to: "council", purpose: "care")).isEmpty)
        #expect(RulesATestSupport.findings("FG005", in: Self.flow(to: "council", purpose: "commissioning")).count == 1)
    }

    @Test func nhsBodiesOweTheDutyWhenNothingIsRecorded() {
        let text = """
        org plain-icb "ICB with nothing recorded" {
          kind icb
        }

        """ + Self.flow(to: "plain-icb", purpose: "commissioning")
        #expect(RulesATestSupport.findings("FG005", in: text).isEmpty)
    }

    @Test func contractBetweenTheRecipientAndTheDisclosersControllerCounts() {
        let findings = RulesATestSupport.findings("FG005", in: """
        org analytics "Analytics supplier" {
          kind supplier
          processor-for icb
        }

        contract analytics-contract "Analytics services" {
          controller icb
          processor analytics
          confidentiality-clause yes
        }

        flow csu -> analytics "Onward to the ICB's other processor" {
          data sus
          level identifiable
          purpose commissioning
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-7-04a
        }
        """)
        #expect(findings.isEmpty)
    }

    @Test func contractWithoutClauseIsNamed() {
        let findings = RulesATestSupport.findings("FG005", in: """
        org analytics "Analytics supplier" {
          kind supplier
          processor-for icb
        }

        contract analytics-contract "Analytics services" {
          controller icb
          processor analytics
          confidentiality-clause no
        }

        flow icb -> analytics "Identifiable data to a processor" {
          data sus
          level identifiable
          purpose commissioning
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-7-04a
        }
        """)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("analytics-contract") == true)
    }
}
