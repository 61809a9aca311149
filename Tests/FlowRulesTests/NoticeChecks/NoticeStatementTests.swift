import FlowModel
import Testing

@testable import FlowRules

/// Issue "seed notices" item 2: a notice's statements are compared with the flows it describes.
struct NoticeStatementTests {
    static func model(notice: String, flows: String = "") -> [Finding] {
        ModelCheck.findings(ModelCheck.organisations + """
        org csu "Example CSU" {
          kind csu
          public-authority yes
          processor-for icb
        }

        org icb-iv "ICB invoice validation team" {
          kind icb
          part-of icb
        }

        \(flows)
        notice n "ICB privacy notice" {
          controller icb
        \(notice)
        }
        """).filter { $0.target == "n" }
    }

    static let riskStratification = """
    flow rs trust -> icb "Risk scores" {
      data sus
      level pseudonymised
      purpose risk-stratification-commissioning
      role controller
    }

    """

    @Test func aNoticeNotReviewedForAYearIsOverdue() {
        let overdue = Self.model(notice: "  reviewed 2022-06").filter { $0.code == "FG043" }
        #expect(overdue.map(\.severity) == [.warning])
        #expect(overdue.first?.message.contains("last reviewed on 2022-06-01") == true)
        #expect(Self.model(notice: "  reviewed 2026-01-15").filter { $0.code == "FG043" }.isEmpty)
        #expect(Self.model(notice: "").filter { $0.code == "FG043" }.map(\.severity) == [.info], "no date: the model cannot tell")
    }

    @Test func noProfilingBesideRiskStratificationIsAnError() throws {
        let found = Self.model(notice: "  flows rs\n  states no-automated-decisions", flows: Self.riskStratification).filter { $0.code == "FG044" }
        let finding = try #require(found.first { $0.discriminator == "profiling" })
        #expect(finding.severity == .error && finding.message.contains("profiling (Art 4(4))"))
        let commissioning = Self.riskStratification.replacingOccurrences(of: "risk-stratification-commissioning", with: "commissioning")
        #expect(Self.model(notice: "  flows rs\n  states no-automated-decisions", flows: commissioning).filter { $0.code == "FG044" }.isEmpty)
    }

    static func sharing(to recipient: String, role: String) -> String {
        """
        flow out icb -> \(recipient) "Commissioning data" {
          data sus
          level pseudonymised
          purpose commissioning
          role \(role)
        }

        """
    }

    @Test func notSharedOutsideBesideAProcessorIsAWarningAndBesideAControllerAnError() {
        let processor = Self.model(notice: "  flows out\n  states not-shared-outside", flows: Self.sharing(to: "csu", role: "processor"))
        #expect(processor.filter { $0.code == "FG044" }.map(\.severity) == [.warning])
        let controller = Self.model(notice: "  flows out\n  states not-shared-outside", flows: Self.sharing(to: "council", role: "controller"))
        #expect(controller.filter { $0.code == "FG044" }.map(\.severity) == [.error])
        // An office of the same legal person is not "outside".
        let sameLegalPerson = Self.model(notice: "  flows out\n  states not-shared-outside", flows: Self.sharing(to: "icb-iv", role: "controller"))
        #expect(sameLegalPerson.filter { $0.code == "FG044" }.isEmpty)
    }

    @Test func anOptOutToldThatChangesNothingAndOneRequiredButUntold() {
        let flows = """
        flow feed trust -> icb "Identifiable SUS under s251" {
          data sus
          level identifiable
          purpose commissioning
          role controller
          art6 e "NHS Act 2006 s14Z"
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 cag-2-03a
        }

        """
        let untold = Self.model(notice: "  flows feed\n  opt-outs type1", flows: flows).filter { $0.code == "FG044" }
        #expect(untold.contains { $0.discriminator == "not-told:ndoo" && $0.severity == .warning })
        #expect(untold.contains { $0.discriminator == "untold-effect:type1" && $0.message.contains("does not originate in a GP record") })
        let told = Self.model(notice: "  flows feed\n  opt-outs ndoo", flows: flows).filter { $0.code == "FG044" }
        #expect(told.isEmpty, "\(told.map(\.message))")
    }
}
