import Testing

@testable import FlowRules

/// Helpers for the tests of FG016–FG018 and FG020–FG027.
enum RulesBTestSupport {
    static let codes = ["FG016", "FG017", "FG018", "FG020", "FG021", "FG022", "FG023", "FG024", "FG025", "FG026", "FG027"]

    static func findings(_ code: String, in text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Finding] {
        let outcome = RuleExamples.evaluate(text)
        let errors = outcome.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "not a valid model: \(errors.map(\.message))", sourceLocation: sourceLocation)
        return outcome.findings.filter { $0.code == code }
    }

    /// `discriminator/severity` of each finding of `code` in triggering example `number` (1-based).
    static func triggering(_ code: String, _ number: Int) -> [String] {
        let rule = RuleCatalog.rule(code)!
        return findings(code, in: rule.triggeringExamples[number - 1]).map { "\($0.discriminator)/\($0.severity.rawValue)" }.sorted()
    }
}

struct FG016Tests {
    @Test func branches() {
        #expect(RulesBTestSupport.triggering("FG016", 1) == ["evidence/warning"])
        #expect(RulesBTestSupport.triggering("FG016", 2) == ["alternative:ndoo/warning"])
    }

    @Test func undocumentedApprovalIsReportedOnceOnTheApproval() {
        let findings = RulesBTestSupport.findings("FG016", in: """
        approval rs-approval "Risk stratification" {
          regulation 5
          purposes risk-stratification
          ndoo exempt
        }

        opt-out rs-objection "Risk stratification objection" {
          kind programme
          purposes risk-stratification
          recorded-at gp
        }

        flow trust -> supplier "SUS" {
          data sus
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 rs-approval
        }

        flow gp -> supplier "GP extract" {
          data gp-extract
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s83"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 rs-approval
          applies type1, rs-objection
        }
        """)
        #expect(findings.map(\.target) == ["rs-approval"])
        #expect(findings.first?.related.count == 2)
        #expect(findings.first?.witness != nil)
    }

    @Test func modelSettingTreatingUnknownStatusAsExemptIsRespected() {
        let findings = RulesBTestSupport.findings("FG016", in: """
        model "Unknown means exempt" {
          unknown-ndoo-status exempt
        }

        flow trust -> supplier "SUS for risk stratification" {
          data sus
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-7-04a
        }
        """)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }

    @Test func alreadyFilteredDataNeedsNoExemption() {
        let findings = RulesBTestSupport.findings("FG016", in: """
        at trust filter sus -> sus-filtered {
          opt-out ndoo
        }

        flow trust -> supplier "Filtered SUS, exemption claimed anyway" {
          data sus-filtered
          level identifiable
          purpose risk-stratification
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-7-04a
          exempt ndoo
        }
        """)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }
}
