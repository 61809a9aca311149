import Testing

@testable import FlowRules

struct FG017Tests {
    @Test func branches() {
        #expect(RulesBTestSupport.triggering("FG017", 1) == ["type1/error"])
        #expect(RulesBTestSupport.triggering("FG017", 2) == ["type1/error"])
    }

    @Test func legalCollectionIsAWarningWhenThePolicyFlagIsOff() {
        let findings = RulesBTestSupport.findings("FG017", in: """
        model "Type 1 not honoured on legal collections" {
          type1-on-legal-collections no
        }

        flow gp -> nhs-england "GPES collection" {
          data gp-extract
          level identifiable
          purpose collection
          art6 c "HSCA 2012 s259"
          art9 h
          sch1 part1 para2
          confidentiality statutory hsca-s259
        }
        """)
        #expect(findings.map(\.severity) == [.warning])
    }

    @Test func filterLostInAMergeIsReportedWithTheUnfilteredBranch() {
        let findings = RulesBTestSupport.findings("FG017", in: """
        dataset gp-extract-2 "Second practice extract" {
          origin gp-record
          special-category health
          identifiers nhs-number
          source gp
        }

        at gp filter gp-extract -> gp-filtered {
          opt-out type1
        }

        at gp link gp-filtered, gp-extract-2 -> gp-merged

        flow gp -> university "Merged extract for research" {
          data gp-merged
          level identifiable
          purpose research
          art6 e "University research function"
          art9 j
          sch1 part1 para4
          confidentiality s251-reg5
          applies ndoo
        }
        """)
        #expect(findings.count == 1)
        #expect(findings.first?.witness?.hops.contains { $0.id == "gp-merged" } == true)
    }

    /// "Sound verdicts" item 2: a claim in words does not lift a Type 1 objection.
    @Test func claimedExemptionDoesNotLiftTheObjection() {
        let findings = RulesBTestSupport.findings("FG017", in: """
        flow gp -> university "Cohort under a COPI notice" {
          data gp-extract
          level identifiable
          purpose research
          art6 e "University research function"
          art9 j
          sch1 part1 para4
          confidentiality s251-reg5
          applies ndoo
          exempt type1 "COPI reg 3(4) notice, 2020"
        }
        """)
        #expect(findings.map { "\($0.target) \($0.severity.rawValue)" } == ["gp.university.gp-extract.research error"])
        #expect(findings.first?.help?.contains("a claimed exemption does not lift a Type 1 objection") == true)
    }
}
