import FlowAnalysis
import FlowModel
import Testing

@testable import FlowRules

/// A waiver accepts one finding when it names it (`finding` with the fingerprint or the
/// discriminator); a waiver for a whole (code, target) that accepts several says which.
struct WaiverMatchingTests {
    /// FG031 reports two findings on this flow: `contradictory` (a deletion with `archive`) and
    /// `invoice-validation` (invoice data kept without deletion after validation).
    static let flow = """
    flow trust -> icb "Invoice backing data" {
      data sus
      level identifiable
      purpose invoice-validation
      needs postcode, date-of-birth
      art6 e "NHS Act 2006 s14Z"
      art9 h
      sch1 part1 para2
      confidentiality s251-reg5
      retention "deleted immediately" archive
    }
    """
    static let target = "trust.icb.sus.invoice-validation"

    static func waiver(_ finding: String?) -> String {
        """

        waiver FG031 \(target) {
          justification "Accepted while the schedule is rewritten"
          owner "Head of IG"
          reference "RISK-7"
          expires 2030-01-01
        \(finding.map { "  finding \"\($0)\"\n" } ?? "")}
        """
    }

    static func check(_ text: String) -> CheckResult {
        let provider = InMemorySourceProvider(["examples/prelude.flow": RuleExamplePrelude.text, "examples/example.flow": text])
        let loaded = ModelLoader.load(paths: ["examples"], provider: provider)
        #expect(loaded.diagnostics.filter { $0.severity == .error }.isEmpty, "\(loaded.diagnostics.map(\.message))")
        guard let model = loaded.model else { return CheckResult(findings: [], waived: []) }
        return RuleEngine.run(Analysis(model: model), asOf: RuleExamples.asOf)
    }

    static func fg031(_ findings: [Finding]) -> [String] {
        findings.filter { $0.code == "FG031" && $0.target == target }.map(\.discriminator).sorted()
    }

    @Test func theFlowHasTwoFindingsOfOneRule() {
        #expect(Self.fg031(Self.check(Self.flow).findings) == ["contradictory", "invoice-validation"])
    }

    @Test func aWaiverNamingADiscriminatorAcceptsThatFindingOnly() {
        let result = Self.check(Self.flow + Self.waiver("contradictory"))
        #expect(Self.fg031(result.waived.map(\.finding)) == ["contradictory"])
        #expect(Self.fg031(result.findings) == ["invoice-validation"])
        #expect(!result.findings.contains { $0.code == "FG039" })
    }

    @Test func aWaiverNamingAFingerprintAcceptsThatFindingOnly() throws {
        let unwaived = Self.check(Self.flow).findings
        let meant = try #require(unwaived.first { $0.code == "FG031" && $0.discriminator == "invoice-validation" })
        let result = Self.check(Self.flow + Self.waiver(meant.fingerprint))
        #expect(result.waived.map(\.finding.fingerprint) == [meant.fingerprint])
        #expect(Self.fg031(result.findings) == ["contradictory"])
        #expect(!result.findings.contains { $0.code == "FG039" })
    }

    @Test func aWaiverForTheWholeTargetAcceptsBothAndSaysWhich() throws {
        let unwaived = Self.check(Self.flow).findings.filter { $0.code == "FG031" && $0.target == Self.target }
        let result = Self.check(Self.flow + Self.waiver(nil))
        #expect(Self.fg031(result.waived.map(\.finding)) == ["contradictory", "invoice-validation"])
        let note = try #require(result.findings.first { $0.code == "FG039" })
        #expect(note.severity == .info)
        #expect(note.message.contains("accepts 2 findings"))
        for finding in unwaived {
            #expect(note.message.contains("\(finding.fingerprint) (`\(finding.discriminator)`)"))
        }
        #expect(note.help?.contains("finding \"FINGERPRINT\"") == true)
    }

    @Test func aWaiverNamingNoFindingListsTheOnesItCouldMean() throws {
        let unwaived = Self.check(Self.flow).findings.filter { $0.code == "FG031" && $0.target == Self.target }
        let result = Self.check(Self.flow + Self.waiver("retention"))
        #expect(result.waived.isEmpty)
        let unmatched = try #require(result.findings.first { $0.code == "FG039" })
        #expect(unmatched.severity == .warning)
        #expect(unmatched.message.contains("none of them `retention`"))
        for finding in unwaived { #expect(unmatched.message.contains(finding.fingerprint)) }
    }

    @Test func aNamedWaiverWinsOverOneForTheWholeTarget() {
        let result = Self.check(Self.flow + Self.waiver(nil) + Self.waiver("contradictory"))
        #expect(Self.fg031(result.waived.map(\.finding)) == ["contradictory", "invoice-validation"])
        #expect(result.waived.first { $0.finding.discriminator == "contradictory" }?.waiver.finding == "contradictory")
        #expect(result.waived.first { $0.finding.discriminator == "invoice-validation" }?.waiver.finding == nil)
        #expect(!result.findings.contains { $0.code == "FG039" }, "each waiver accepts one finding")
    }
}
