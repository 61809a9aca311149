import FlowModel
import Testing

@testable import FlowRules

/// Item 4 of "Sound verdicts": instruments cover the purposes and datasets they list, or what a
/// model declares a kind of them — never a whole purpose category, never everything.
struct InstrumentScopeTests {
    static func model(purpose: String = "", dataset: String = "", flowPurpose: String = "local-research", flowData: String = "local-extract") -> String {
        ModelCheck.organisations + ModelCheck.university + """
        purpose cohort-study "Cohort study 21/CAG/0123" {
          category research
        }

        purpose local-research "Another research project" {
          category research
        \(purpose)
        }

        dataset local-extract "The trust's extract of SUS" {
          origin england-health
          special-category health
          identifiers nhs-number, date-of-birth
          subjects patients
        \(dataset)
        }

        approval study "Cohort study" {
          reference "21/CAG/0123"
          regulation 5
          purposes cohort-study
          datasets sus
          ndoo applies
          classes 1, 4, 6
          valid-until 2030-01-01
        }

        flow f trust -> university "Extract" {
          data \(flowData)
          level identifiable
          purpose \(flowPurpose)
          role controller
          art6 e "University research function"
          art9 j
          sch1 part1 para4
          confidentiality s251-reg5 study
          applies ndoo
        }
        """
    }

    static func fg013(_ text: String) -> [String] {
        ModelCheck.findings(text).filter { $0.code == "FG013" }.map { "\($0.target) \($0.discriminator) \($0.severity.rawValue)" }.sorted()
    }

    @Test func oneResearchApprovalDoesNotCoverEveryResearchFlow() {
        #expect(Self.fg013(Self.model()) == ["f dataset error", "f purpose:local-research error"])
    }

    @Test func aModelSaysWhatItsOwnPurposeAndDatasetAreAKindOf() {
        let text = Self.model(purpose: "  kind-of cohort-study", dataset: "  kind-of sus")
        #expect(Self.fg013(text) == [])
    }

    @Test func kindOfIsFollowedUpSeveralSteps() {
        let text = Self.model(purpose: "  kind-of middle", dataset: "  kind-of sus") + """

        purpose middle "Work package of the cohort study" {
          category research
          kind-of cohort-study
        }
        """
        #expect(Self.fg013(text) == [])
    }

    @Test func anInstrumentWithNoScopeCoversNothingAndIsReportedOnce() {
        let text = ModelCheck.organisations + """
        contract open "Processing contract" {
          controller icb
          processor csu
          confidentiality-clause yes
        }

        org csu "CSU" {
          kind csu
          processor-for icb
          confidentiality-duty yes
        }

        flow a icb -> csu "Activity" {
          data sus
          level pseudonymised
          purpose commissioning
          role processor
          art6 e nhs-act-s3
          art9 h
          sch1 part1 para2
          agreement open
        }

        flow b icb -> csu "More activity" {
          data sus
          level pseudonymised
          purpose contract-monitoring
          role processor
          art6 e nhs-act-s3
          art9 h
          sch1 part1 para2
          agreement open
        }
        """
        let findings = ModelCheck.findings(text).filter { $0.code == "FG042" }
        #expect(findings.map { "\($0.target) \($0.severity.rawValue)" } == ["open error"])
        #expect(findings.first?.related.count == 2)
    }

    static let dpiaModel = ModelCheck.organisations + """
    org supplier "Risk stratification supplier" {
      kind supplier
      processor-for icb
      confidentiality-duty yes
    }

    dpia council-dpia "The council's DPIA" {
      controller council
      purposes risk-stratification-case-finding
      completed 2025-01-01
    }

    dpia icb-dpia "The ICB's DPIA" {
      controller icb
      purposes commissioning
      completed 2025-01-01
    }

    flow f trust -> supplier "SUS for risk stratification" {
      data sus
      level identifiable
      purpose risk-stratification-case-finding
      role processor
      art6 e nhs-act-s3
      art9 h
      sch1 part1 para2
      confidentiality s251-reg5 cag-7-04a
      applies ndoo
      dpia DPIA
    }
    """

    static func fg028(_ dpia: String) -> [String] {
        ModelCheck.findings(Self.dpiaModel.replacingOccurrences(of: "DPIA", with: dpia)).filter { $0.code == "FG028" }
            .map { "\($0.target) \($0.discriminator) \($0.severity.rawValue)" }
    }

    @Test func aCitedDPIACoversOnlyItsControllersProcessingForItsPurposes() {
        // Another controller's assessment, and the right controller's for other purposes, are no DPIA.
        #expect(Self.fg028("council-dpia") == ["f not-covering error"])
        #expect(Self.fg028("icb-dpia") == ["f not-covering error"])
        let covering = Self.dpiaModel.replacingOccurrences(of: "  purposes commissioning\n", with: "  purposes commissioning, risk-stratification-case-finding\n")
            .replacingOccurrences(of: "DPIA", with: "icb-dpia")
        #expect(ModelCheck.findings(covering).filter { $0.code == "FG028" }.isEmpty)
    }
}
