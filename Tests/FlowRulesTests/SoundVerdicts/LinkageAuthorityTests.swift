import FlowModel
import Testing

@testable import FlowRules

/// Item 5 of "Sound verdicts": an approval's `classes` and `covers-linkage` are read.
struct LinkageAuthorityTests {
    @Test func examples() {
        #expect(RulesATestSupport.triggering("FG041", 1) == ["disclosure-only/error"])
        #expect(RulesATestSupport.triggering("FG041", 2) == ["silent/warning"])
    }

    static func model(_ authority: String) -> String {
        ModelCheck.organisations + """
        org supplier "Risk stratification supplier" {
          kind supplier
          processor-for icb
          confidentiality-duty yes
        }

        approval rs "Risk stratification" {
          reference "CAG 7-04(a)/2013"
          regulation 5
          purposes risk-stratification-case-finding
          datasets sus, gp-extract
          ndoo exempt "CAG register"
          valid-until 2030-01-01
        \(authority)
        }

        flow sus-in trust -> supplier "SUS" {
          data sus
          level identifiable
          purpose risk-stratification-case-finding
          role processor
          art6 e nhs-act-s3
          art9 h
          sch1 part1 para2
          confidentiality s251-reg5 rs
        }

        at supplier link sus, gp-extract -> linked "SUS linked with GP data" {
          level identifiable
        }
        """
    }

    static func fg041(_ authority: String) -> [String] {
        ModelCheck.findings(Self.model(authority)).filter { $0.code == "FG041" }.map { "\($0.target) \($0.discriminator) \($0.severity.rawValue)" }
    }

    @Test func anApprovalThatDoesNotCoverLinkageIsAnErrorOnTheLink() {
        #expect(Self.fg041("  covers-linkage no") == ["linked rs error"])
        #expect(Self.fg041("  classes 1, 6") == ["linked rs error"])
    }

    @Test func linkageAuthorityRecordedEitherWayCounts() {
        #expect(Self.fg041("  covers-linkage yes") == [])
        #expect(Self.fg041("  classes 1, 4, 6") == [])
        // `covers-linkage` is the register's word when both are given.
        #expect(Self.fg041("  classes 1, 6\n  covers-linkage yes") == [])
    }

    @Test func anApprovalSilentOnLinkageIsAWarning() {
        #expect(Self.fg041("") == ["linked rs warning"])
    }
}
