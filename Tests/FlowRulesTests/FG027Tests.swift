import Testing

@testable import FlowRules

struct FG027Tests {
    @Test func branches() {
        #expect(RulesBTestSupport.triggering("FG027", 1) == ["flow/error"])
        #expect(RulesBTestSupport.triggering("FG027", 2) == ["icb/error"])
        #expect(RulesBTestSupport.triggering("FG027", 3) == ["gp,icb/error"])
    }

    @Test func expiredArrangementDoesNotCount() {
        let findings = RulesBTestSupport.findings("FG027", in: """
        arrangement old-jca "Expired arrangement" {
          controllers gp, icb
          valid-until 2024-03-31
        }

        org gp-2 "Second practice" {
          kind gp-practice
          joint-controller-with icb
        }

        arrangement gp2-jca "Second practice arrangement" {
          controllers gp-2, icb
          valid-until 2024-03-31
        }
        """)
        #expect(findings.map(\.target) == ["gp-2"])
        #expect(findings.first?.message.contains("expired") == true)
    }

    @Test func approvalWithoutControllersUsesTheSharedProcessor() {
        let text = """
        approval rs-approval "Risk stratification (no controllers listed)" {
          regulation 5
          purposes risk-stratification
        }

        flow gp -> supplier "GP extract" {
          data gp-extract
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s83"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 rs-approval
          applies ndoo, type1
        }

        flow trust -> supplier "SUS" {
          data sus
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 rs-approval
          applies ndoo
        }

        at supplier link gp-extract, sus -> rs-linked

        flow supplier -> gp "Scores for case finding" {
          data rs-linked
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s83"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 rs-approval
        }

        flow supplier -> icb "Scores for commissioning" {
          data rs-linked
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 rs-approval
        }
        """
        let findings = RulesBTestSupport.findings("FG027", in: text)
        #expect(findings.map(\.target) == ["supplier"])
        let forwarded = RulesBTestSupport.findings("FG027", in: text.replacing("at supplier link gp-extract, sus -> rs-linked", with: "at supplier filter gp-extract -> rs-linked {\n  opt-out type1\n}"))
        #expect(forwarded.isEmpty, "forwarding one dataset to several controllers is not joint processing")
        let fixed = RulesBTestSupport.findings("FG027", in: text + """

        arrangement rs-jca "Risk stratification arrangement" {
          controllers gp, icb
        }
        """)
        #expect(fixed.isEmpty)
    }
}
