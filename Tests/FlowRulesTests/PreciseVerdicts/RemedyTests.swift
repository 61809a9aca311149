import FlowModel
import Testing

@testable import FlowRules

/// "Precise verdicts" item 11: help proposes the legal fix that fits the flow.
struct RemedyTests {
    static func help(purpose: String, art9: String) -> String? {
        let text = ModelCheck.organisations + """
        org court "County court" {
          kind court
        }

        flow f icb -> court "Records for proceedings" {
          data sus
          level identifiable
          purpose \(purpose)
          role controller
          art6 e nhs-act-s3
          art9 \(art9)
          frequency one-off
        }
        """
        return ModelCheck.findings(text).first { $0.code == "FG003" }?.help
    }

    @Test func employmentLawIsNotProposedForACourt() throws {
        let help = try #require(Self.help(purpose: "legal-proceedings", art9: "b"))
        #expect(!help.contains("part1 para1"))
        #expect(help.contains("`art9 f` (legal claims and courts acting judicially; no Schedule 1 condition needed)"))
        #expect(help.contains("`art9 g` with `sch1 part2 para10`"))
    }

    @Test func safeguardingIsOfferedItsOwnParagraph() throws {
        let help = try #require(Self.help(purpose: "safeguarding", art9: "b"))
        #expect(help.contains("`art9 g` with `sch1 part2 para18`"))
    }

    @Test func aConditionThatFitsKeepsItsOwnParagraph() throws {
        #expect(Self.help(purpose: "commissioning", art9: "h") == "add `sch1 part1 para2` to the flow")
    }

    @Test func theTableProposesOnlyConditionsThatNeedNoOtherParagraph() {
        for category in PurposeCategory.allCases {
            for remedy in ConditionRemedies.fitting(category) ?? [] {
                let required = FG003.requiredSchedule1(for: remedy.article9)
                if let required, let paragraph = remedy.schedule1 {
                    #expect(required.matches(paragraph), "\(category): \(remedy.written)")
                } else {
                    #expect(required == nil && remedy.schedule1 == nil, "\(category): \(remedy.written)")
                }
            }
        }
    }
}

/// "Precise verdicts" item 11: consent recorded by a referring clinician on casework the recipient runs.
struct InboundCaseworkConsentTests {
    @Test func theRecipientRunningTheCaseworkIsTheRelyingAuthority() {
        let text = ModelCheck.organisations + """
        org clinicians "Referring clinicians" {
          kind other
        }

        flow f clinicians -> icb "Continuing healthcare referral" {
          data sus
          level identifiable
          purpose continuing-healthcare
          role controller
          art6 e nhs-act-s3
          art9 a
          confidentiality explicit-consent
        }
        """
        let findings = ModelCheck.findings(text).filter { $0.code == "FG034" }
        #expect(findings.map { "\($0.target) \($0.discriminator) \($0.severity.rawValue)" } == ["f public-authority info"])
        #expect(findings.first?.message.contains("`icb` is a public authority") == true)
    }
}
