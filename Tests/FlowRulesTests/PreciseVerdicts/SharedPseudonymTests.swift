import FlowAnalysis
import FlowModel
import Testing

@testable import FlowRules

/// "Precise verdicts" item 1: a shared pseudonym is a re-identification risk, not identity.
struct SharedPseudonymTests {
    static func model(extraIdentifier: String = "") -> String {
        ModelCheck.organisations + """
        org analytics "Analytics processor" {
          kind supplier
          processor-for icb
          confidentiality-duty yes
        }

        key domain "Commissioning pseudonym domain" {
          held-by trust
        }

        at trust pseudonymise sus -> activity "Activity" {
          key domain
          identifiers pseudonym, age, partial-postcode\(extraIdentifier)
        }

        at trust pseudonymise gp-extract -> prescribing "Prescribing" {
          key domain
          identifiers pseudonym, age
        }

        flow a trust -> analytics "Activity" {
          data activity
          level pseudonymised
          purpose commissioning
          role processor
          art6 e nhs-act-s3
          art9 h
          sch1 part1 para2
        }

        flow b trust -> analytics "Prescribing" {
          data prescribing
          level pseudonymised
          purpose commissioning
          role processor
          art6 e nhs-act-s3
          art9 h
          sch1 part1 para2
        }
        """
    }

    static func analysis(_ text: String) throws -> Analysis {
        let loaded = ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(["m/m.flow": text]))
        return Analysis(model: try #require(loaded.model))
    }

    @Test func linkingOnAPseudonymIsARiskNamingItsQuasiIdentifiers() throws {
        let findings = ModelCheck.findings(Self.model()).filter { $0.code == "FG019" }
        #expect(findings.map { "\($0.discriminator) \($0.severity.rawValue)" } == ["linkage-risk warning", "linkage-risk warning"])
        #expect(findings.first?.message.contains("`age`, `partial-postcode`") == true)
        let analysis = try Self.analysis(Self.model())
        #expect(analysis.identifiability.recipientLevels == [.pseudonymised, .pseudonymised])
    }

    @Test func aDirectIdentifierInTheLinkedSetMakesItIdentifiable() throws {
        let text = Self.model(extraIdentifier: ", date-of-birth")
        let analysis = try Self.analysis(text)
        #expect(analysis.identifiability.recipientLevels.contains(.identifiable))
        #expect(ModelCheck.findings(text).filter { $0.code == "FG019" }.map(\.discriminator).contains("escalated"))
    }
}
