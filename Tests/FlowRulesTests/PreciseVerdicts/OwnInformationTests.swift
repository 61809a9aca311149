import FlowModel
import Testing

@testable import FlowRules

/// "Precise verdicts" items 6 and 7: people's own information needs no confidentiality basis, and
/// designed re-identification by the named recipient is not an escalation.
struct OwnInformationTests {
    @Test func peopleGivingInformationAreNotConfidants() {
        let text = ModelCheck.organisations + """
        org patient "A patient" {
          kind individual
        }

        org relatives "Relatives and carers" {
          kind individual
        }

        flow own patient -> trust "A patient's own details" {
          data sus
          level identifiable
          purpose individual-care
          role controller
          art6 e nhs-act-s3
          art9 h
          sch1 part1 para2
        }

        flow behalf relatives -> icb "Information given on a patient's behalf" {
          data sus
          level identifiable
          purpose complaints
          role controller
          art6 e nhs-act-s3
          art9 h
          sch1 part1 para2
        }
        """
        #expect(ModelCheck.findings(text).filter { $0.code == "FG009" }.isEmpty)
        // An organisation passing the same information on still needs a basis.
        let onward = text + """

        flow onward icb -> council "Passed on" {
          data sus
          level identifiable
          purpose complaints
          role controller
          art6 e nhs-act-s3
          art9 h
          sch1 part1 para2
        }
        """
        #expect(ModelCheck.findings(onward).filter { $0.code == "FG009" }.map { "\($0.target) \($0.severity.rawValue)" } == ["onward error"])
    }

    static let caseFinding = ModelCheck.organisations + """
    org gp "Riverside Surgery" {
      kind gp-practice
      public-authority yes
      confidentiality-duty yes
      apd yes
    }

    key rs-key "Risk stratification key" {
      held-by gp
    }

    at icb pseudonymise sus -> scores "Risk scores" {
      key rs-key
    }

    flow f icb -> gp "Risk scores for the practice's own patients" {
      data scores
      level pseudonymised
      purpose risk-stratification-case-finding
      role controller
      art6 e nhs-act-s3
      art9 h
      sch1 part1 para2
      confidentiality s251-reg5 cag-7-04a
      REID
    }
    """

    @Test func designedReidentificationByTheRecipientNeedsNoWaiver() {
        let escalated = ModelCheck.findings(Self.caseFinding.replacingOccurrences(of: "REID", with: ""))
            .filter { $0.code == "FG019" }.map(\.discriminator)
        #expect(escalated == ["escalated"])
        let designed = ModelCheck.findings(Self.caseFinding.replacingOccurrences(of: "REID", with: "reidentification-by gp"))
        #expect(designed.filter { $0.code == "FG019" || $0.code == "FG021" }.isEmpty)
    }
}

/// "Precise verdicts" item 4: Art 28 is about personal data.
struct ProcessorPersonalDataTests {
    static let model = ModelCheck.organisations + """
    org csu "CSU" {
      kind csu
      processor-for icb
      confidentiality-duty yes
    }

    dataset invoices "Supplier invoices" {
      origin non-health
      subjects suppliers
      level anonymised
    }

    flow inv icb -> csu "Invoices for payment processing" {
      data invoices
      level anonymised
      purpose processing-support
      role processor
    }

    at csu aggregate sus -> counts {
      suppress-below 8
      round-to 5
    }

    flow published csu -> council "Published activity counts" {
      data counts
      level aggregate
      purpose publication
      suppress-below 8
      round-to 5
    }
    """

    @Test func noContractOrInstructionIsAskedForDataWithNoOneInIt() {
        let fg024 = ModelCheck.findings(Self.model).filter { $0.code == "FG024" }
        #expect(fg024.isEmpty, "\(fg024.map(\.message))")
        // Personal data to the same processor still needs its contract.
        let personal = Self.model.replacingOccurrences(of: "  level anonymised\n  purpose processing-support", with: "  level pseudonymised\n  purpose processing-support")
            .replacingOccurrences(of: "  subjects suppliers\n  level anonymised\n", with: "  subjects suppliers\n  identifiers name\n  level pseudonymised\n")
        #expect(ModelCheck.findings(personal).filter { $0.code == "FG024" }.map(\.target).contains("inv"))
    }
}
