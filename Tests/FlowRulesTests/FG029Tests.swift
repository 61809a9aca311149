import FlowModel
import Testing

@testable import FlowRules

struct FG029Tests {
    @Test func branches() {
        #expect(RulesCTestSupport.triggering("FG029", 1) == ["community//warning"])
        #expect(RulesCTestSupport.triggering("FG029", 2) == ["hospice-notes//warning"])
    }

    @Test func libraryBodiesAndTheirProcessorsAreNotReported() {
        // nhs-england (standard library) discloses through the prelude's DSCRO, its processor.
        let summary = RulesCTestSupport.summary("FG029", in: """
        org analyst "Analytics team" {
          kind supplier
          public-authority no
          security "ISO 27001"
        }

        flow dscro -> analyst "SUS for analysis" {
          data sus
          level identifiable
          purpose commissioning
          role controller
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5
        }
        """)
        #expect(summary.isEmpty)
    }

    @Test func processorsActingForAnAnswerableControllerAreChecked() {
        let summary = RulesCTestSupport.summary("FG029", in: """
        org community "Example community health trust" {
          kind community-provider
          public-authority yes
          dpo "dpo@community.example"
          security "DSPT standards met"
        }

        org scanner "Scanning bureau" {
          kind supplier
          processor-for community
        }

        dataset notes "Community notes" {
          origin england-health
          identifiers nhs-number
          subjects patients
          source community
        }

        flow community -> scanner "Records for scanning" {
          data notes
          level identifiable
          purpose care
          art6 e "NHS Act 2006"
          art9 h
          sch1 part1 para2
          confidentiality implied-consent
        }
        """)
        #expect(summary == ["scanner//warning"])
    }

    @Test func undocumentedPartnersAreNotReported() {
        // The prelude's trust has no notice, ICO registration, DPO or security description.
        let summary = RulesCTestSupport.summary("FG029", in: """
        flow trust -> gp "Discharge summary" {
          data sus
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
