import Testing

@testable import FlowRules

struct FG013Tests {
    @Test func branches() {
        #expect(RulesATestSupport.triggering("FG013", 1) == ["dataset/error"])
        #expect(RulesATestSupport.triggering("FG013", 2) == ["origin:england-adult-social-care/error"])
        #expect(RulesATestSupport.triggering("FG013", 3) == ["recipient/error"])
        #expect(RulesATestSupport.triggering("FG013", 4) == ["purpose:research/error"])
    }

    @Test func originBranchCarriesAWitness() {
        let rule = FG013.rule
        let findings = RulesATestSupport.findings("FG013", in: rule.triggeringExamples[1])
        #expect((findings.first?.witness?.hops.count ?? 0) >= 2)
    }

    @Test func linkedApprovedDatasetsAreCoveredAndOwnProcessorIsNoDisclosure() {
        let findings = RulesATestSupport.findings("FG013", in: """
        org nhse-store "NHS England data store" {
          kind national-body
          processor-for nhs-england
          confidentiality-duty yes
        }

        flow trust -> nhs-england "SUS submission" {
          data sus
          level identifiable
          purpose risk-stratification
          art6 c hsca-s259
          art9 h
          sch1 part1 para2
          confidentiality statutory hsca-s259
        }

        flow gp -> nhs-england "GP extract" {
          data gp-extract
          level identifiable
          purpose risk-stratification
          art6 c hsca-s259
          art9 h
          sch1 part1 para2
          confidentiality statutory hsca-s259
          applies type1
        }

        at nhs-england link sus, gp-extract -> rs-linked

        flow nhs-england -> nhse-store "Linked data to NHS England's own store" {
          data rs-linked
          level identifiable
          purpose risk-stratification
          role processor
          art6 e "NHS Act 2006 s13"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-7-04a
          applies ndoo, type1
        }
        """)
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }
}
