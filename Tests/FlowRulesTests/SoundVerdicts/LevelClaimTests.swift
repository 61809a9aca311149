import FlowAnalysis
import FlowModel
import Testing

@testable import FlowRules

/// Item 3 of "Sound verdicts": a transform's level is a claim, checked against what it keeps.
struct LevelClaimTests {
    @Test func examplesReportTheClaimOnTheTransform() {
        #expect(RulesATestSupport.triggering("FG019", 3) == ["unsupported-level/error"])
        #expect(RulesATestSupport.triggering("FG019", 4) == ["unsupported-level/error"])
    }

    static let marketing = ModelCheck.organisations + """
    org marketing "Marketing agency" {
      kind other
    }

    at trust link sus, gp-extract -> linked "Admissions linked with GP records" {
      level aggregate
    }

    flow f trust -> marketing "Linked data, said to be counts" {
      data linked
      level aggregate
      purpose publication
    }
    """

    @Test func aRecordLevelLinkClaimingAggregateIsReadAsIdentifiable() throws {
        let findings = ModelCheck.findings(Self.marketing)
        let fg019 = findings.filter { $0.code == "FG019" }
        #expect(fg019.map { "\($0.target) \($0.discriminator) \($0.severity.rawValue)" } == ["linked unsupported-level error"])
        #expect(fg019.first?.related.map(\.message) == ["repeats the claim: `f` (trust -> marketing)"])
        // Downstream rules see identifiable data: no basis for personal data, none for confidentiality.
        let codes = Set(findings.filter { $0.target == "f" && $0.severity == .error }.map(\.code))
        #expect(codes.isSuperset(of: ["FG001", "FG009"]))
        let loaded = ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(["m/m.flow": Self.marketing]))
        let analysis = Analysis(model: try #require(loaded.model))
        #expect(analysis.identifiability.recipientLevels[0] == .identifiable)
    }

    static func level(of transform: String) throws -> (IdentifiabilityLevel, LevelCorrection?) {
        let text = ModelCheck.organisations + transform
        let loaded = ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(["m/m.flow": text]))
        let dataset = try #require(loaded.model?.datasets["out"])
        return (dataset.level, dataset.levelCorrection)
    }

    @Test func anAnonymisedOutputThatKeepsADirectIdentifierIsNotAnonymised() throws {
        let (level, correction) = try Self.level(of: "at trust anonymise sus -> out {\n  identifiers date-of-birth\n}\n")
        #expect(level == .identifiable)
        #expect(correction?.claimed == .anonymised)
        #expect(correction?.reason.contains("date-of-birth") == true)
        #expect(try Self.level(of: "at trust anonymise sus -> out {\n  identifiers nhs-number\n}\n").0 == .pseudonymisedWeak)
        #expect(try Self.level(of: "at trust anonymise sus -> out {\n  identifiers age, partial-postcode\n}\n") == (.anonymised, nil))
    }

    /// Disclosure control may sit on the releasing flow, so the transform's `aggregate` stands and
    /// FG023 judges each release.
    @Test func anAggregateIsJudgedWhereItIsReleased() throws {
        #expect(try Self.level(of: "at trust aggregate sus -> out\n") == (.aggregate, nil))
    }

    @Test func aPseudonymiseStepDoesNotMakeCounts() throws {
        let text = "key k \"Key\" {\n  held-by trust\n}\n\nat trust pseudonymise sus -> out {\n  key k\n  level aggregate\n}\n"
        #expect(try Self.level(of: text).0 == .pseudonymised)
    }
}
