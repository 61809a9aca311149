import FlowModel
import Testing

@testable import FlowRules

/// "Precise verdicts" item 3: `role processor for ORG` says whose processor the recipient is.
struct ProcessorForWhomTests {
    static let model = ModelCheck.organisations + """
    org csu "CSU" {
      kind csu
      processor-for icb
      confidentiality-duty yes
    }

    org supplier "Analytics supplier" {
      kind supplier
      processor-for icb
      confidentiality-duty yes
    }

    contract csu-contract "ICB and CSU" {
      controller icb
      processor csu
      purposes commissioning
    }

    flow a dscro -> csu "Pseudonymised SUS released to the ICB's CSU" {
      data sus
      level pseudonymised
      purpose commissioning
      ROLE_A
      art6 e nhs-act-s3
      art9 h
      sch1 part1 para2
    }

    flow b csu -> supplier "Passed on the ICB's instruction" {
      data sus
      level pseudonymised
      purpose commissioning
      ROLE_B
      art6 e nhs-act-s3
      art9 h
      sch1 part1 para2
    }
    """

    static func findings(_ roleA: String, _ roleB: String) -> [Finding] {
        ModelCheck.findings(Self.model.replacingOccurrences(of: "ROLE_A", with: roleA).replacingOccurrences(of: "ROLE_B", with: roleB))
    }

    @Test func theNamedControllersContractIsTheOneAskedFor() {
        let findings = Self.findings("role processor for icb", "role processor for icb")
        // The DSCRO is not the CSU's controller: the ICB's contract with it covers flow a.
        #expect(!findings.contains { $0.code == "FG024" && $0.target == "a" })
        // Two processors of the ICB on its instruction: no sub-processing; the supplier needs its own contract with the ICB.
        #expect(!findings.contains { $0.code == "FG025" })
        let missing = findings.filter { $0.code == "FG024" && $0.target == "b" }
        #expect(missing.count == 1)
        #expect(missing.first?.help?.contains("controller icb processor supplier") == true)
    }

    @Test func onlyAProcessorNamesWhomItActsFor() {
        let text = Self.model.replacingOccurrences(of: "ROLE_A", with: "role controller for icb").replacingOccurrences(of: "ROLE_B", with: "role processor")
        let diagnostics = ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(["m/m.flow": text])).diagnostics
        #expect(diagnostics.contains { $0.message.contains("only a processor names whom it acts for") })
    }
}
