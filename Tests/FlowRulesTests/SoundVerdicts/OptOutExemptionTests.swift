import FlowAnalysis
import FlowModel
import Testing

@testable import FlowRules

/// Items 2, 7 and 10 of "Sound verdicts": an opt-out exemption must rest on something checkable,
/// local opt-outs of every kind are honoured, and the NDOO scope is decided in one place.
struct OptOutExemptionTests {
    static func model(purposes: String = "research", exempt: String = "", approval: String = "study", extra: String = "") -> String {
        ModelCheck.organisations + ModelCheck.university + """
        approval study "Cohort study" {
          reference "21/CAG/0123"
          regulation 5
          purposes research, invoice-validation
          datasets sus
          ndoo applies
          valid-until 2030-01-01
        }

        approval exempted "Cohort study, opt-out exempted" {
          reference "21/CAG/0124"
          regulation 5
          purposes research, invoice-validation
          datasets sus
          ndoo exempt "CAG register, research approvals, March 2025: NDOO exempted"
          valid-until 2030-01-01
        }

        opt-out study-objection "Study objection" {
          kind programme
          purposes research
          recorded-at trust
        }
        \(extra)
        flow f trust -> university "Cohort" {
          data sus
          level identifiable
          purpose \(purposes)
          role controller
          art6 e "University research function"
          art9 j
          sch1 part1 para4
          confidentiality s251-reg5 \(approval)
          applies study-objection
          \(exempt)
        }
        """
    }

    static func fg015(_ text: String) -> [Finding] {
        ModelCheck.findings(text).filter { $0.code == "FG015" }
    }

    @Test func freeTextExemptionLeavesTheRequirementStanding() {
        let findings = Self.fg015(Self.model(exempt: "exempt ndoo \"any text\""))
        #expect(findings.map { "\($0.target) \($0.severity.rawValue)" } == ["f error"])
        #expect(findings.first?.message.contains("its exemption does not count") == true)
        #expect(findings.first?.message.contains("\"any text\"") == true)
        #expect(findings.first?.help?.contains("exempt ndoo APPROVAL") == true)
    }

    @Test func theCitedApprovalsRecordedExemptionCounts() {
        #expect(Self.fg015(Self.model(exempt: "exempt ndoo exempted", approval: "exempted")).isEmpty)
        #expect(Self.fg015(Self.model(approval: "exempted")).isEmpty)
        // An exempted approval the flow does not rest on proves nothing about this flow.
        let other = Self.fg015(Self.model(exempt: "exempt ndoo exempted"))
        #expect(other.map(\.target) == ["f"])
        #expect(other.first?.message.contains("is not the approval this flow's confidentiality basis cites") == true)
    }

    @Test func invoiceValidationIsExemptOnlyAsTheOnlyPurpose() {
        #expect(Self.fg015(Self.model(purposes: "invoice-validation", exempt: "exempt ndoo invoice-validation")).isEmpty)
        #expect(Self.fg015(Self.model(purposes: "invoice-validation")).isEmpty)
        let mixed = Self.fg015(Self.model(purposes: "invoice-validation, research", exempt: "exempt ndoo invoice-validation"))
        #expect(mixed.map(\.target) == ["f"])
        #expect(mixed.first?.message.contains("only when that is its only purpose") == true)
    }

    @Test func aProgrammeOptOutCannotBeClaimedAway() {
        let text = Self.model(approval: "exempted").replacingOccurrences(of: "  applies study-objection\n", with: "  exempt study-objection \"not needed\"\n")
        let findings = ModelCheck.findings(text).filter { $0.code == "FG018" }
        #expect(findings.map { "\($0.target) \($0.severity.rawValue)" } == ["f error"])
    }

    @Test func consentWithdrawalAppliesToFlowsThatRelyOnConsent() {
        let text = ModelCheck.organisations + """
        opt-out withdrawn "Withdrawal of consent to involvement" {
          kind consent-withdrawal
          purposes patient-involvement
          recorded-at icb
        }

        dataset ppi "Involvement panel contact details" {
          origin non-health
          subjects members-of-the-public
          identifiers name, address
        }

        flow f icb -> council "Panel members for a joint event" {
          data ppi
          level identifiable
          purpose patient-involvement
          role controller
          art6 a
          frequency one-off
          retention "Deleted after the event" delete
        }
        """
        let findings = ModelCheck.findings(text).filter { $0.code == "FG018" }
        #expect(findings.map { "\($0.target) \($0.severity.rawValue)" } == ["f error"])
        #expect(findings.first?.message.contains("relies on consent") == true)
        let applied = text.replacingOccurrences(of: "  art6 a\n", with: "  art6 a\n  applies withdrawn\n")
        #expect(ModelCheck.findings(applied).filter { $0.code == "FG018" }.isEmpty)
        let publicTask = text.replacingOccurrences(of: "  art6 a\n", with: "  art6 e \"Health and Care Act 2022\"\n")
        #expect(ModelCheck.findings(publicTask).filter { $0.code == "FG018" }.isEmpty)
    }

    @Test func rightToObjectAppliesToPublicTaskProcessingItCovers() {
        let text = ModelCheck.organisations + """
        opt-out objections "Objections to commissioning use (Art 21)" {
          kind right-to-object
          purposes commissioning
          recorded-at trust
        }

        flow f trust -> icb "Activity for commissioning" {
          data sus
          level pseudonymised
          purpose commissioning
          role controller
          art6 e nhs-act-s3
          art9 h
          sch1 part1 para2
          confidentiality not-confidential
        }
        """
        let findings = ModelCheck.findings(text).filter { $0.code == "FG018" }
        #expect(findings.map { "\($0.target) \($0.severity.rawValue)" } == ["f error"])
        #expect(findings.first?.message.contains("Art 21(1)") == true)
        let otherPurpose = text.replacingOccurrences(of: "  purposes commissioning\n", with: "  purposes research\n")
        #expect(ModelCheck.findings(otherPurpose).filter { $0.code == "FG018" }.isEmpty)
    }

    /// FG016 and FG037 read the one scope decision: an approval-grounded exemption is FG016's, an
    /// unsupported basis is never "certainly not required".
    @Test func rulesShareTheOneScopeDecision() {
        let loaded = ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(["m/m.flow": Self.model(approval: "exempted")]))
        let analysis = Analysis(model: loaded.model!)
        let requirement = analysis.requirements.requirement(flow: 0, optOut: "ndoo")
        #expect(requirement?.exemption == .approval("exempted"))
        #expect(requirement?.isSettled == true)
        #expect(FG037.isKnownNotRequired(0, optOut: "ndoo", analysis: analysis))
        let unsupported = ModelCheck.organisations + """
        flow f trust -> council "Said to be statutory" {
          data sus
          level identifiable
          purpose research
          confidentiality statutory
          applies ndoo
        }
        """
        let analysed = Analysis(model: ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(["m/m.flow": unsupported])).model!)
        #expect(analysed.requirements.requirement(flow: 0, optOut: "ndoo")?.isSettled == false)
        #expect(!FG037.isKnownNotRequired(0, optOut: "ndoo", analysis: analysed))
    }
}
