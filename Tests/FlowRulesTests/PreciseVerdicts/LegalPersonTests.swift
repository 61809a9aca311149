import FlowModel
import FlowAnalysis
import Testing

@testable import FlowRules

/// "Precise verdicts" item 5: one legal person.
struct LegalPersonTests {
    static let mandated = ModelCheck.organisations + """
    flow f nhs-england -> dscro "SUS+ to the DSCRO" {
      data sus
      level identifiable
      purpose commissioning
      role processor
      art6 c hsca-s254
      art9 h
      sch1 part1 para2
    }
    """

    @Test func aFlowIntoTheLibrarysDSCROIsAnInternalUse() {
        let codes = ModelCheck.findings(Self.mandated).filter { $0.target == "f" }.map(\.code)
        for code in ["FG009", "FG014", "FG024", "FG026"] {
            #expect(!codes.contains(code), "\(code) on an internal use")
        }
    }

    @Test func purposeLimitationStillAppliesInside() {
        // The NDOO is a matter of the flow's basis, not of who receives it: still asked inside.
        let text = Self.mandated.replacingOccurrences(of: "  art9 h\n", with: "  art9 h\n  confidentiality s251-reg5 cag-2-03a\n")
        let analysis = Analysis(model: ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(["m/m.flow": text])).model!)
        #expect(analysis.requirements.requirement(flow: 0, optOut: "ndoo")?.isRequired == true)
    }

    @Test func aPartIsNotItsOwnBodysProcessorNorPartOfItself() {
        let text = """
        org body "Body" {
          kind trust
        }

        org office "Office" {
          kind trust
          part-of body
          processor-for body
        }

        org loop-a "A" {
          kind trust
          part-of loop-b
        }

        org loop-b "B" {
          kind trust
          part-of loop-a
        }
        """
        let diagnostics = ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(["m/m.flow": text])).diagnostics
        let messages = diagnostics.filter { $0.code == "FG127" }.map(\.message)
        #expect(messages.contains { $0.contains("cannot also be its processor") })
        #expect(messages.contains { $0.contains("part of itself") })
    }
}
