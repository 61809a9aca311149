import FlowModel
import Testing

@testable import FlowRules

/// "Precise verdicts" item 10: a model says whose accountability it describes.
struct AccountabilityTests {
    static func model(accountable: Bool) -> String {
        """
        use std

        org trust "Example Hospital NHS Trust" {
          kind trust
          public-authority yes
          confidentiality-duty yes
          apd yes
        }

        org icb "Example ICB" {
          kind icb
          public-authority yes
          accountable \(accountable ? "yes" : "no")
          confidentiality-duty yes
          apd yes
        }

        org council "Example Council" {
          kind local-authority
          public-authority yes
          confidentiality-duty yes
          apd yes
        }

        org csu "Example CSU" {
          kind csu
          public-authority yes
          processor-for icb
        }

        flow other trust -> council "Another controller's disclosure, with no basis" {
          data sus
          level identifiable
          purpose safeguarding
          role controller
        }

        flow own trust -> icb "The ICB's own receipt, with no basis" {
          data sus
          level identifiable
          purpose safeguarding
          role controller
        }

        flow onward csu -> council "The ICB's processor discloses, with no basis" {
          data sus
          level identifiable
          purpose safeguarding
          role controller
        }
        """
    }

    @Test func anotherControllersObligationIsInformation() throws {
        let findings = ModelCheck.findings(Self.model(accountable: true))
        let other = try #require(findings.first { $0.code == "FG001" && $0.target == "other" })
        #expect(other.severity == .info)
        #expect(other.message.contains("outside this model's accountability: an obligation of `council` and `trust`, not of `icb`"))
    }

    @Test func theAccountableOrganisationsOwnFlowsKeepTheirSeverity() {
        let findings = ModelCheck.findings(Self.model(accountable: true))
        #expect(findings.contains { $0.code == "FG001" && $0.target == "own" && $0.severity == .error })
        #expect(findings.contains { $0.code == "FG001" && $0.target == "onward" && $0.severity == .error }, "its processor's flows are its own")
    }

    @Test func anotherHoldersRetentionIsInformation() {
        let findings = ModelCheck.findings(Self.model(accountable: true)).filter { $0.code == "FG031" }
        #expect(findings.contains { $0.target == "council" && $0.severity == .info })
        #expect(findings.contains { $0.target == "icb" && $0.severity == .warning })
    }

    @Test func withoutAPerspectiveEveryControllerIsCharged() {
        let findings = ModelCheck.findings(Self.model(accountable: false))
        #expect(findings.contains { $0.code == "FG001" && $0.target == "other" && $0.severity == .error })
        #expect(!findings.contains { $0.message.contains("outside this model's accountability") })
    }
}
