import FlowModel
import Testing

@testable import FlowRules

struct FG032Tests {
    @Test func branches() {
        #expect(RulesCTestSupport.triggering("FG032", 1) == ["dscro.icb.sus-extract.commissioning//warning"])
        #expect(RulesCTestSupport.triggering("FG032", 2) == ["trust.icb.sus.invoice-validation//warning"])
    }

    @Test func caseFindingAtTheGPAllowsTheNHSNumberOnly() {
        let findings = RulesCTestSupport.findings("FG032", in: """
        flow supplier -> gp "Risk scores for case finding" {
          data sus
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-7-04a
        }
        """)
        #expect(findings.count == 1)
        #expect(findings.first?.message.contains("`postcode`, `date-of-birth`") == true)
        #expect(findings.first?.message.contains("`nhs-number`,") == false)
    }

    @Test func aPurposeWithoutAProfileIsNotJudged() {
        let summary = RulesCTestSupport.summary("FG032", in: """
        flow trust -> icb "Invoice and safeguarding" {
          data sus
          level identifiable
          purpose invoice-validation, safeguarding
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5
        }

        flow trust -> supplier "Case finding at the supplier" {
          data sus
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-7-04a
        }
        """)
        #expect(summary.isEmpty)
    }
}
