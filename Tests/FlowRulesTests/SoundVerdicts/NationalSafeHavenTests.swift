import FlowModel
import Testing

@testable import FlowRules

/// Item 8 of "Sound verdicts": NHS England is recognised by one declaration, everywhere.
struct NationalSafeHavenTests {
    static let insurerDisclosure = ModelCheck.organisations + """
    org insurer "Insurance company" {
      kind other
    }

    purpose underwriting "Underwriting" {
      category other
    }

    dataset hes "Hospital Episode Statistics" {
      origin england-health
      special-category health
      identifiers nhs-number, date-of-birth, postcode
      subjects patients
      source SOURCE
    }

    flow f SENDER -> insurer "HES for underwriting" {
      data hes
      level identifiable
      purpose underwriting
      role controller
    }
    """

    static func fg035(source: String, sender: String, extra: String = "") -> [String] {
        let text = Self.insurerDisclosure.replacingOccurrences(of: "SOURCE", with: source).replacingOccurrences(of: "SENDER", with: sender) + extra
        return ModelCheck.findings(text).filter { $0.code == "FG035" }.map { "\($0.target) \($0.severity.rawValue)" }
    }

    @Test func dataWhoseSourceIsNHSEnglandIsCaughtWithoutADrawnCollection() {
        #expect(Self.fg035(source: "nhs-england", sender: "nhs-england") == ["f error"])
        // A predecessor in the source chain is NHS England's data too.
        #expect(Self.fg035(source: "nhs-digital", sender: "nhs-england") == ["f error"])
        // Held elsewhere, it is not NHS England's dissemination.
        #expect(Self.fg035(source: "trust", sender: "trust") == [])
    }

    @Test func aModelsOwnDeclarationIsRecognisedTheSameWay() {
        let own = """

        org nhse "NHS England (our declaration)" {
          kind national-body
          public-authority yes
          statutory-collector yes
        }
        """
        #expect(Self.fg035(source: "nhse", sender: "nhse", extra: own) == ["f error"])
        // An ODS code or a title is not the declaration.
        let lookalike = own.replacingOccurrences(of: "  statutory-collector yes\n", with: "  ods \"X24\"\n")
        #expect(Self.fg035(source: "nhse", sender: "nhse", extra: lookalike) == [])
    }

    @Test func onlyPublicBodiesNamedAfterAnAbolishedBodyAreStale() {
        let text = ModelCheck.organisations + """
        org partners "NHS Digital Partners Ltd" {
          kind supplier
        }

        org old-hscic "NHS Digital" {
          kind national-body
        }

        flow a trust -> partners "Supplier" {
          data sus
          level anonymised
          purpose commissioning
        }

        flow b trust -> old-hscic "Old body" {
          data sus
          level anonymised
          purpose commissioning
        }
        """
        let stale = ModelCheck.findings(text).filter { $0.code == "FG036" }.map(\.target)
        #expect(stale.contains("b"))
        #expect(!stale.contains("a"))
    }
}
