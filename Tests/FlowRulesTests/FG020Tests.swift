import Testing

@testable import FlowRules

struct FG020Tests {
    @Test func branches() {
        #expect(RulesBTestSupport.triggering("FG020", 1) == ["/error"])
        #expect(RulesBTestSupport.triggering("FG020", 2) == ["/error"])
        #expect(RulesBTestSupport.triggering("FG020", 3) == ["/error"])
    }

    @Test func processorKeepsItsControllersPurposes() {
        let findings = RulesBTestSupport.findings("FG020", in: """
        purpose support "Processing on the ICB's behalf" {
          category processing-support
        }

        flow trust -> icb "Invoice backing data" {
          data sus
          level identifiable
          purpose invoice-validation
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5
        }

        flow icb -> csu "To the CSU in the CEfF" {
          data sus
          level identifiable
          purpose support
          role processor
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5
        }

        flow csu -> icb "Validated invoices back" {
          data sus
          level identifiable
          purpose invoice-validation
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5
        }
        """)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func linkKeepsOnlyPurposesSharedByAllInputs() {
        let findings = RulesBTestSupport.findings("FG020", in: """
        approval rs-only "Risk stratification only" {
          regulation 5
          purposes risk-stratification
        }

        flow trust -> supplier "SUS for commissioning" {
          data sus
          level identifiable
          purpose commissioning
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5
          applies ndoo
        }

        flow gp -> supplier "GP extract for risk stratification" {
          data gp-extract
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s83"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 rs-only
          applies ndoo, type1
        }

        at supplier link sus, gp-extract -> linked

        flow supplier -> gp "Scores from linked data" {
          data linked
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s83"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 rs-only
          applies ndoo, type1
        }
        """)
        // The inputs came for different purposes, so the linked data keeps none and risk
        // stratification is new for its SUS half; the approval the flow cites covers it.
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func pseudonymisedDataIsOutsideTheRule() {
        let findings = RulesBTestSupport.findings("FG020", in: """
        at dscro pseudonymise sus -> sus-pseudo {
          key dscro-key
        }

        flow dscro -> icb "Pseudonymised SUS for commissioning" {
          data sus-pseudo
          level pseudonymised
          purpose commissioning
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
        }

        flow icb -> university "Pseudonymised SUS for research" {
          data sus-pseudo
          level pseudonymised
          purpose research
          art6 e "University research function"
          art9 j
          sch1 part1 para4
        }
        """)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }
}
