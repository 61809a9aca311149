import FlowModel
import Testing

@testable import FlowRules

/// "Precise verdicts" item 8 (in part): a basis the sources leave open is unresolved, not missing.
struct UnresolvedBasisTests {
    static func model(_ art6: String, _ confidentiality: String) -> String {
        ModelCheck.organisations + """
        flow f trust -> council "Disclosure the notice does not explain" {
          data sus
          level identifiable
          purpose safeguarding
          role controller
          \(art6)
          art9 g
          sch1 part2 para18
          \(confidentiality)
        }
        """
    }

    @Test func unknownAndContestedAreWarningsSayingWhy() {
        let findings = ModelCheck.findings(Self.model("art6 unknown \"the notice names no basis\"", "confidentiality contested \"the ICB and the council disagree\""))
        let gates = findings.filter { $0.code == "FG001" || $0.code == "FG009" }
        #expect(gates.map { "\($0.code) \($0.discriminator) \($0.severity.rawValue)" }.sorted() == ["FG001 unresolved warning", "FG009 unresolved warning"])
        #expect(gates.contains { $0.message.contains("contested: the ICB and the council disagree") })
    }

    @Test func silenceIsStillAMissingBasis() {
        let gates = ModelCheck.findings(Self.model("", "")).filter { $0.code == "FG001" || $0.code == "FG009" }
        #expect(gates.map(\.severity).allSatisfy { $0 == .error })
        #expect(gates.count == 2)
    }

    @Test func aReasonIsRequired() {
        let text = Self.model("art6 unknown", "")
        let diagnostics = ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(["m/m.flow": text])).diagnostics
        #expect(diagnostics.contains { $0.message.contains("needs the reason in quotes") })
    }
}
