import FlowAnalysis
import FlowModel
import Testing

struct IdentifiabilityTests {
    @Test func keyHolderReceivingPseudonymisedDataHoldsIdentifiableData() throws {
        let analysis = try analyse(commonDeclarations + """
        key k "Key" { held-by dscro, icb }
        at dscro pseudonymise sus -> sus-p { key k }
        flow f1 dscro -> icb "Pseudonymised" { data sus-p; level pseudonymised; purpose commissioning }
        flow f2 dscro -> proc "Pseudonymised to processor" { data sus-p; level pseudonymised; purpose commissioning }
        """)
        let toKeyHolder = try analysis.flow("f1")
        #expect(analysis.identifiability.wireLevels[toKeyHolder] == .pseudonymised)
        #expect(analysis.identifiability.recipientLevels[toKeyHolder] == .identifiable)
        #expect(analysis.identifiability.escalations[Holding("icb", "sus-p")] == [.holdsKey("k")])
        #expect(analysis.identifiability.recipientLevels[try analysis.flow("f2")] == .pseudonymised)
    }

    /// A shared pseudonym is not identity ("Precise verdicts" item 1): the link is a risk.
    @Test func linkingTwoDatasetsInTheSamePseudonymDomainIsARiskNotIdentity() throws {
        let analysis = try analyse(commonDeclarations + """
        key k "Key" { held-by dscro }
        at dscro pseudonymise sus -> sus-p { key k }
        at dscro pseudonymise gpx -> gpx-p { key k }
        flow f1 dscro -> icb "SUS" { data sus-p; level pseudonymised; purpose commissioning }
        flow f2 dscro -> icb "GP" { data gpx-p; level pseudonymised; purpose commissioning }
        """)
        #expect(analysis.identifiability.recipientLevels[try analysis.flow("f1")] == .pseudonymised)
        #expect(analysis.identifiability.escalations[Holding("icb", "gpx-p")] == [])
        let holding = try #require(analysis.graph.holdingID(Holding("icb", "gpx-p")))
        #expect(analysis.identifiability.linkageRisks[holding] == LinkageRisk(dataset: "gpx-p", partner: "sus-p", via: "the pseudonym domain `k`"))
    }

    @Test func aDatasetAndItsOwnDerivativeAreNotALinkage() throws {
        let analysis = try analyse(commonDeclarations + """
        key k "Key" { held-by dscro }
        at dscro pseudonymise sus -> sus-p { key k }
        at icb aggregate sus-p -> counts
        flow f1 dscro -> icb "SUS" { data sus-p; level pseudonymised; purpose commissioning }
        """)
        #expect(analysis.identifiability.escalations[Holding("icb", "sus-p")] == [])
    }

    @Test func aDeclaredLevelHigherThanTheDataIsKept() throws {
        let analysis = try analyse(commonDeclarations + """
        at dscro pseudonymise sus -> sus-p { key dscro-key }
        key dscro-key "k" { held-by dscro }
        flow f1 dscro -> proc "Declared higher" { data sus-p; level identifiable; purpose commissioning }
        flow f2 trust -> dscro "Understated" { data sus; level pseudonymised; purpose commissioning }
        """)
        #expect(analysis.identifiability.wireLevels[try analysis.flow("f1")] == .identifiable)
        // Understating does not lower what the data is.
        #expect(analysis.identifiability.wireLevels[try analysis.flow("f2")] == .identifiable)
    }
}
