import FlowAnalysis
import FlowModel
import Testing

@testable import FlowRules

/// "Precise verdicts" item 2: a link keeps the filters that matter.
struct LinkFilterTests {
    static func model(cohort: String = "", hospitalFilter: String = "") -> String {
        ModelCheck.organisations + """
        org gp "Riverside Surgery" {
          kind gp-practice
          public-authority yes
          confidentiality-duty yes
          apd yes
        }

        org linker "Linking processor" {
          kind supplier
          processor-for icb
          confidentiality-duty yes
        }

        flow gp-in gp -> linker "GP extract, Type 1 and NDOO applied" {
          data gp-extract
          level identifiable
          purpose risk-stratification-case-finding
          role processor
          applies type1, ndoo
        }

        flow sus-in trust -> linker "SUS" {
          data sus
          level identifiable
          purpose risk-stratification-case-finding
          role processor
          \(hospitalFilter)
        }

        at linker link gp-extract, sus -> linked "Linked" {
          \(cohort)
        }

        flow onward linker -> icb "Linked data onward" {
          data linked
          level identifiable
          purpose risk-stratification-case-finding
          role controller
        }
        """
    }

    static func filters(_ text: String) throws -> Set<String> {
        let loaded = ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(["m/m.flow": text]))
        let analysis = Analysis(model: try #require(loaded.model))
        return analysis.optOuts.arrivingFilters[try #require(analysis.flowIndex("onward"))]
    }

    @Test func typeOneSurvivesALinkWithDataItCannotApplyTo() throws {
        // Hospital data carries no Type 1 objection to apply; the NDOO it could carry, it lacks.
        #expect(try Self.filters(Self.model()) == ["type1"])
        #expect(try Self.filters(Self.model(hospitalFilter: "applies ndoo")) == ["ndoo", "type1"])
    }

    @Test func anInnerJoinOnAFilteredCohortKeepsItsFilters() throws {
        #expect(try Self.filters(Self.model(cohort: "cohort gp-extract")) == ["ndoo", "type1"])
    }

    @Test func aCohortMustBeAnInputOfALink() {
        let text = Self.model(cohort: "cohort risk-scores") + "\n\ndataset risk-scores \"Scores\" {\n  origin england-health\n}\n"
        let diagnostics = ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(["m/m.flow": text])).diagnostics
        #expect(diagnostics.contains { $0.message.contains("is not one of its inputs") })
    }
}
