import FlowModel
import Testing

@testable import FlowRules

struct FG030Tests {
    @Test func branches() {
        #expect(RulesCTestSupport.triggering("FG030", 1) == [
            "supplier.helpdesk.gp-extract.risk-stratification/mechanism/error", "supplier.helpdesk.gp-extract.risk-stratification/siro/warning",
        ])
        #expect(RulesCTestSupport.triggering("FG030", 2) == ["supplier.helpdesk.gp-extract.risk-stratification/siro/warning"])
        #expect(RulesCTestSupport.triggering("FG030", 3) == ["supplier.helpdesk.gp-extract.risk-stratification/adequacy/warning"])
    }

    static let offshore = """
    org helpdesk "Offshore support desk" {
      kind supplier
      country IN
      processor-for supplier
    }

    org vendor "US analytics vendor" {
      kind supplier
      country US
      processor-for supplier
    }

    flow supplier -> helpdesk "Support access" {
      data gp-extract
      level identifiable
      purpose risk-stratification
      art6 e "NHS Act 2006 s14Z"
      art9 h
      sch1 part1 para2
      confidentiality s251-reg5 cag-7-04a
      transfer idta
      siro-approval "SIRO 2025/1"
    }

    """

    @Test func onwardTransfersAreRestrictedToo() {
        let findings = RulesCTestSupport.findings("FG030", in: Self.offshore + """
        flow helpdesk -> vendor "Onward to a US sub-processor" {
          data gp-extract
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-7-04a
        }
        """)
        #expect(findings.map(\.discriminator) == ["mechanism", "siro"])
        #expect(findings.first?.message.contains("onward transfer from IN") == true)
        #expect(findings.first?.witness?.hops.count == 2)
    }

    @Test func certifiedUSRecipientNeedsNoSIRO() {
        let summary = RulesCTestSupport.summary("FG030", in: """
        org vendor "US analytics vendor" {
          kind supplier
          country US
          processor-for supplier
        }

        flow supplier -> vendor "Hosting with a DPF-certified vendor" {
          data gp-extract
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-7-04a
          transfer uk-adequacy
        }
        """)
        #expect(summary.isEmpty)
    }

    @Test func dataArrivingInTheUKIsNotATransfer() {
        let summary = RulesCTestSupport.summary("FG030", in: """
        org dublin "Dublin hospital" {
          kind trust
          country IE
        }

        dataset irish-record "Irish hospital record" {
          origin outside-england
          special-category health
          identifiers name
          subjects patients
          source dublin
        }

        flow dublin -> trust "Cross-border referral" {
          data irish-record
          level identifiable
          purpose care
          art6 e "NHS Act 2006"
          art9 h
          sch1 part1 para2
          confidentiality implied-consent
        }
        """)
        #expect(summary.isEmpty)
    }
}
