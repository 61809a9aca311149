import Testing

@testable import FlowRules

struct FG021Tests {
    @Test func branches() {
        #expect(RulesBTestSupport.triggering("FG021", 1) == ["key/error"])
        #expect(RulesBTestSupport.triggering("FG021", 2) == ["reidentified-output/error"])
        #expect(RulesBTestSupport.triggering("FG021", 3) == ["re-identify/error"])
    }

    @Test func reidentificationOfOwnPseudonymsIsNotReported() {
        let findings = RulesBTestSupport.findings("FG021", in: """
        at dscro pseudonymise sus -> sus-pseudo {
          key dscro-key
        }

        at dscro re-identify sus-pseudo -> sus-again {
          key dscro-key
        }
        """)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func permissionTravelsDownstream() {
        let findings = RulesBTestSupport.findings("FG021", in: """
        key gp-key "Practice key" {
          held-by gp
        }

        at dscro pseudonymise sus -> sus-pseudo {
          key gp-key
        }

        flow dscro -> supplier "Pseudonymised SUS" {
          data sus-pseudo
          level pseudonymised
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          reidentification-by gp
        }

        flow supplier -> gp "Scores for the practice" {
          data sus-pseudo
          level pseudonymised
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
        }

        flow supplier -> icb "Scores for the ICB" {
          data sus-pseudo
          level pseudonymised
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
        }
        """)
        // The GP holds the key and is permitted upstream; the ICB holds no key.
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }
}
