import Testing

@testable import FlowRules

struct FG024Tests {
    @Test func branches() {
        #expect(RulesBTestSupport.triggering("FG024", 1) == ["contract/error"])
        #expect(RulesBTestSupport.triggering("FG024", 2) == ["contract/error"])
        #expect(RulesBTestSupport.triggering("FG024", 3) == ["beyond-instructions/error"])
    }

    @Test func contractMustCoverTheData() {
        let findings = RulesBTestSupport.findings("FG024", in: """
        contract csu-contract "CSU processing contract" {
          controller icb
          processor csu
          datasets payroll
          valid-until 2028-03-31
        }

        flow icb -> csu "SUS under a payroll contract" {
          data sus
          level identifiable
          purpose commissioning
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
        }
        """)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("does not cover `sus`") == true)
    }

    @Test func disclosureOnTheControllersApprovalIsInstructed() {
        let findings = RulesBTestSupport.findings("FG024", in: """
        contract dscro-terms "DSCRO terms" {
          controller nhs-england
          processor dscro
          valid-until unknown
        }

        contract supplier-contract "Supplier contract" {
          controller icb
          processor supplier
          valid-until 2028-03-31
        }

        approval rs-approval "Risk stratification" {
          regulation 5
          applicant nhs-england
          purposes risk-stratification
        }

        flow nhs-england -> dscro "SUS to the DSCRO" {
          data sus
          level identifiable
          purpose risk-stratification
          role processor
          art6 e "HSCA 2012 s261"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 rs-approval
          agreement dscro-terms
        }

        flow dscro -> supplier "SUS to the ICB's processor" {
          data sus
          level identifiable
          purpose risk-stratification
          role processor
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 rs-approval
          agreement supplier-contract
        }
        """)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }
}
