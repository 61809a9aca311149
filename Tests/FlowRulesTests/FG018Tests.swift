import Testing

@testable import FlowRules

struct FG018Tests {
    @Test func branches() {
        #expect(RulesBTestSupport.triggering("FG018", 1) == ["rs-objection/error"])
        #expect(RulesBTestSupport.triggering("FG018", 2) == ["rs-objection/error"])
        #expect(RulesBTestSupport.triggering("FG018", 3) == ["withdrawn/error"])
        #expect(RulesBTestSupport.triggering("FG018", 4) == ["objections/error"])
    }

    @Test func filteringAfterTheLinkSatisfiesTheOptOut() {
        let findings = RulesBTestSupport.findings("FG018", in: """
        opt-out rs-objection "Risk stratification objection code" {
          kind programme
          purposes risk-stratification
          recorded-at gp
        }

        flow gp -> supplier "Filtered GP extract" {
          data gp-extract
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-7-04a
          applies ndoo, type1, rs-objection
        }

        flow trust -> supplier "SUS for risk stratification" {
          data sus
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-7-04a
          applies ndoo
        }

        at supplier link gp-extract, sus -> rs-linked

        at supplier filter rs-linked -> rs-cohort {
          opt-out rs-objection
        }

        flow supplier -> gp "Risk scores for case finding" {
          data rs-cohort
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-7-04a
          applies ndoo, type1
        }
        """)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }
}
