import FlowAnalysis
import FlowModel
import Testing

@testable import FlowRules

/// Item 1 of "Sound verdicts": a confidentiality basis counts only with the instrument behind it.
struct ConfidentialityInstrumentTests {
    @Test func examplesReportEachKindOfUnsupportedClaimOnce() {
        #expect(RulesATestSupport.triggering("FG009", 3) == ["unsupported/error"])
        #expect(RulesATestSupport.triggering("FG009", 4) == ["unsupported/error"])
        #expect(RulesATestSupport.triggering("FG009", 5) == ["lapsed/error"])
    }

    static func model(_ basis: String, gateways: String = "", purpose: String = "safeguarding") -> String {
        ModelCheck.organisations + gateways + """

        flow f trust -> council "Disclosure" {
          data sus
          level identifiable
          purpose \(purpose)
          role controller
          art6 e care-act-s42
          art9 g
          sch1 part2 para18
          confidentiality \(basis)
          frequency one-off
          retention "Kept with the case file for 6 years" destroy
        }
        """
    }

    static func fg009(_ text: String, asOf: Day = ModelCheck.asOf) -> [String] {
        ModelCheck.findings(text, asOf: asOf).filter { $0.code == "FG009" }.map { "\($0.target) \($0.discriminator) \($0.severity.rawValue)" }
    }

    @Test func statutoryWithNothingIsAnErrorOnTheFlow() {
        let findings = ModelCheck.findings(Self.model("statutory")).filter { $0.code == "FG009" }
        #expect(findings.map { "\($0.target) \($0.severity.rawValue)" } == ["f error"])
        #expect(findings.first?.message.contains("`statutory` basis cites no instrument") == true)
        #expect(findings.first?.help?.contains("gateway") == true)
    }

    @Test func statutoryCitingTheLawThatCoversThePurposeCounts() {
        #expect(Self.fg009(Self.model("statutory care-act-s42")) == [])
    }

    @Test func lawThatDoesNotCoverThePurposeOrListsNoneIsOutOfScope() {
        #expect(Self.fg009(Self.model("statutory laaa-2014-part6")) == ["f out-of-scope error"])
        #expect(Self.fg009(Self.model("statutory hsca-s261")) == ["f out-of-scope error"])
    }

    @Test func anApprovalCannotMakeAStatutoryBasisTrue() {
        let findings = ModelCheck.findings(Self.model("statutory cag-7-04a")).filter { $0.code == "FG009" }
        #expect(findings.map(\.discriminator) == ["unsupported"])
        #expect(findings.first?.message.contains("s251 approval") == true)
    }

    @Test func courtOrderAndPublicInterestNeedTheirOwnInstruments() {
        #expect(Self.fg009(Self.model("court-order")) == ["f unsupported error"])
        #expect(Self.fg009(Self.model("court-order care-act-s42")) == ["f unsupported error"])
        let order = """
        gateway order "Order" {
          kind court-order
          citation "FD25P00123"
          flows f
        }

        """
        #expect(Self.fg009(Self.model("court-order order", gateways: order)) == [])
        let elsewhere = order.replacingOccurrences(of: "flows f", with: "flows other").replacingOccurrences(of: "gateway order", with: """
        flow other trust -> council "Another disclosure" {
          data sus
          level identifiable
          purpose safeguarding
          confidentiality court-order order
        }

        gateway order
        """)
        #expect(Self.fg009(Self.model("court-order order", gateways: elsewhere)).contains("f unsupported error"))
    }

    @Test func publicInterestDecisionMustSayWhoWhenAndForWhich() {
        let partial = """
        gateway decision "Decision" {
          kind public-interest-decision
          citation "log 7"
          flows f
        }

        """
        let findings = ModelCheck.findings(Self.model("public-interest decision", gateways: partial)).filter { $0.code == "FG009" }
        #expect(findings.map(\.discriminator) == ["unsupported"])
        #expect(findings.first?.message.contains("who decided") == true)
        #expect(findings.first?.message.contains("when") == true)
        let complete = partial.replacingOccurrences(of: "  flows f\n", with: "  flows f\n  decided-by \"Caldicott Guardian\"\n  decided 2026-02-01\n")
        #expect(Self.fg009(Self.model("public-interest decision", gateways: complete)) == [])
        // A decision dated after the analysis date does not yet exist.
        #expect(Self.fg009(Self.model("public-interest decision", gateways: complete), asOf: Day(iso: "2026-01-15")!) == ["f not-yet-in-force error"])
    }

    @Test func aLapsedLawIsOneErrorNotTwoInfos() {
        let lapsed = """
        gateway old "Old direction" {
          kind directions
          citation "Directions 2019"
          purposes safeguarding
          valid-until 2024-03-31
        }

        """
        let text = Self.model("statutory old", gateways: lapsed).replacingOccurrences(of: "art6 e care-act-s42", with: "art6 e old")
        let summary = ModelCheck.summary(text).filter { $0.hasPrefix("FG009") || $0.hasPrefix("FG036") }
        #expect(summary == ["FG009 f error"])
    }

    @Test func anUnsupportedClaimDoesNotTakeAFlowOutOfTheNationalDataOptOut() {
        let analysis = Self.analysis(Self.model("statutory", purpose: "research"))
        let requirement = analysis.requirements.requirement(flow: 0, optOut: "ndoo")
        #expect(requirement?.reason.contains("cites no instrument") == true)
        #expect(analysis.countedConfidentialityBasis(0) == nil)
        let cited = Self.analysis(Self.model("statutory care-act-s42"))
        #expect(cited.countedConfidentialityBasis(0) == .statutory)
    }

    static func analysis(_ text: String) -> Analysis {
        let loaded = ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(["m/m.flow": text]))
        return Analysis(model: loaded.model!)
    }
}
