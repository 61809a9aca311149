import FlowModel
import Testing

@testable import FlowRules

struct FG035Tests {
    @Test func branches() {
        #expect(RulesCTestSupport.triggering("FG035", 1) == ["nhs-england.insurer.hes-extract.premiums/premiums/error"])
        #expect(RulesCTestSupport.triggering("FG035", 2) == ["nhs-england.insurer.hes.premiums/premiums/error"])
        let finding = RulesCTestSupport.findings("FG035", in: RuleCatalog.rule("FG035")!.triggeringExamples[0]).first
        #expect(finding?.witness?.hops.map(\.from) == ["trust", "nhs-england", "nhs-england"])
    }

    static let collection = """
    org nhs-digital "NHS Digital" {
      kind national-body
      valid-until 2023-01-31
      successor nhs-england
    }

    purpose marketing "Marketing" {
      category other
      statutory-function no
    }

    flow trust -> nhs-digital "SUS submission" {
      data sus
      level identifiable
      purpose collection
      art6 c "HSCA 2012 s259"
      art9 h
      sch1 part1 para2
      confidentiality statutory hsca-s259
    }

    """

    @Test func predecessorsAndTheirProcessorsCount() {
        let summary = RulesCTestSupport.summary("FG035", in: Self.collection + """
        org old-dscro "DSCRO (NHS Digital)" {
          kind dscro
          processor-for nhs-digital
        }

        flow nhs-digital -> old-dscro "To the DSCRO" {
          data sus
          level identifiable
          purpose collection
          art6 c "HSCA 2012 s259"
          art9 h
          confidentiality statutory hsca-s259
        }

        flow old-dscro -> insurer "Extract for marketing" {
          data sus
          level identifiable
          purpose marketing
          art6 f
        }
        """)
        #expect(summary == ["old-dscro.insurer.sus.marketing/marketing/error"])
    }

    @Test func dataNotFromACollectionIsNotJudged() {
        let summary = RulesCTestSupport.summary("FG035", in: """
        purpose marketing "Marketing" {
          category other
          statutory-function no
        }

        dataset staff-list "NHS England staff list" {
          origin non-health
          identifiers name, email
          subjects staff
          source nhs-england
        }

        flow nhs-england -> insurer "Staff list for a benefits offer" {
          data staff-list
          level identifiable
          purpose marketing
          art6 f
        }
        """)
        #expect(summary.isEmpty)
    }
}
