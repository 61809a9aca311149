import FlowModel
import Testing

@testable import FlowRules

struct FG036Tests {
    @Test func branches() {
        // A notice's own words mislead the public: a warning there.
        #expect(RulesCTestSupport.triggering("FG036", 1) == ["icb-notice/text:ccg/warning"])
        #expect(RulesCTestSupport.triggering("FG036", 2) == ["nhs-digital.icb.sus.commissioning/org:nhs-digital/info"])
        #expect(RulesCTestSupport.triggering("FG036", 3) == ["csu-contract/org:old-ccg/info"])
        #expect(RulesCTestSupport.triggering("FG036", 4) == ["trust.council.sus.safeguarding/text:dpa-1998/info"])
    }

    static let notice = """
    org phe "Public Health England" {
      kind national-body
    }

    notice icb-notice "ICB privacy notice" {
      controller icb
    }

    flow icb -> phe "Surveillance returns" {
      data sus
      level identifiable
      purpose research
      art6 e "NHS Act 2006 s14Z"
      art9 i
      sch1 part1 para3
      confidentiality s251-reg3
      retention "as agreed with NHS Digital" destroy
    }
    """

    @Test func knownAbolishedBodiesAndTheModelDate() {
        #expect(RulesCTestSupport.summary("FG036", in: Self.notice) == [
            "icb.phe.sus.research/org:phe/info", "icb.phe.sus.research/text:nhs-digital/info",
        ])
        // Before PHE and NHS Digital were abolished, nothing is stale.
        #expect(RulesCTestSupport.summary("FG036", in: Self.notice, asOf: Day(iso: "2021-06-01")!).isEmpty)
    }

    @Test func namesThatSayTheyAreCurrentAreNotStale() {
        let summary = RulesCTestSupport.summary("FG036", in: """
        org nhse-data "NHS England (formerly NHS Digital)" {
          kind national-body
        }

        flow trust -> nhse-data "SUS submission" {
          data sus
          level identifiable
          purpose collection
          art6 c "HSCA 2012 s259 (NHS Digital, now NHS England)"
          art9 h
          sch1 part1 para2
          confidentiality statutory hsca-s259
        }
        """)
        #expect(summary.isEmpty)
    }
}
