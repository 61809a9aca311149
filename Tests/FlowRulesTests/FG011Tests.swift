import Testing

@testable import FlowRules

struct FG011Tests {
    @Test func branches() {
        #expect(RulesATestSupport.triggering("FG011", 1) == ["missing/error"])
        #expect(RulesATestSupport.triggering("FG011", 2) == ["unparsed/warning"])
        #expect(RulesATestSupport.triggering("FG011", 3) == ["regulation/warning"])
    }

    @Test func referenceFormats() {
        for reference in ["CAG 7-04(a)/2013", "CAG7-04(a)/2013", "CAG  7-07(a-c)/2013", "cag 2-03(a)/2013", "21/CAG/0123", "ECC 1-05(a)/2011", "PIAG 4-08(b)/2003"] {
            #expect(FG011.isWellFormed(reference), "\(reference)")
        }
        for reference in ["Regulation 5 (Section 251 Support)", "s251", "CAG", "CAG 7-04/2013", "2021/CAG/0123"] {
            #expect(!FG011.isWellFormed(reference), "\(reference)")
        }
    }

    @Test func approvalWithNoReferenceAndGatewayInstead() {
        let findings = RulesATestSupport.findings("FG011", in: """
        approval iv-support "Invoice validation" {
          regulation 5
          valid-until 2027-09-30
        }

        flow trust -> nhs-england "Registry extract" {
          data sus
          level identifiable
          purpose research
          art6 e "NHS Act 2006 s254"
          art9 j
          sch1 part1 para4
          confidentiality s251-reg5 hsca-s259
        }
        """)
        #expect(Set(findings.map(\.discriminator)) == ["no-reference", "not-an-approval"])
        #expect(findings.allSatisfy { $0.severity == .warning })
    }

    @Test func publicHealthRegulation3NeedsNoApproval() {
        let findings = RulesATestSupport.findings("FG011", in: """
        purpose surveillance "Communicable disease surveillance" {
          category public-health
        }

        flow trust -> nhs-england "Notifiable disease report" {
          data sus
          level identifiable
          purpose surveillance
          art6 e "Health Protection (Notification) Regulations 2010"
          art9 i
          sch1 part1 para3
          confidentiality s251-reg3
        }
        """)
        #expect(findings.isEmpty)
    }
}
