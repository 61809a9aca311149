import Testing

@testable import FlowRules

struct FG007Tests {
    static func flow(from discloser: String) -> String {
        """
        flow \(discloser) -> university "Extract on legitimate interests" {
          data sus
          level identifiable
          purpose research
          art6 f
          art9 j
          sch1 part1 para4
          confidentiality explicit-consent
        }
        """
    }

    @Test func publicAuthorityInferredFromKindWhenUnrecorded() {
        let text = """
        org plain-icb "ICB" {
          kind icb
        }

        """ + Self.flow(from: "plain-icb")
        #expect(RulesATestSupport.findings("FG007", in: text).count == 1)
    }

    @Test func explicitNoWins() {
        let text = """
        org charity-trust "Hospice charity registered as a trust" {
          kind trust
          public-authority no
        }

        """ + Self.flow(from: "charity-trust")
        #expect(RulesATestSupport.findings("FG007", in: text).isEmpty)
    }
}
