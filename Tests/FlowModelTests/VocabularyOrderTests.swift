import FlowModel
import Testing

@Suite struct VocabularyOrderTests {
    @Test func identifiabilityRankIsDeclarationOrder() {
        for (position, level) in IdentifiabilityLevel.allCases.enumerated() {
            #expect(level.rank == position, "\(level)")
        }
    }

    @Test func lessIdentifiableComparesLower() {
        #expect(IdentifiabilityLevel.aggregate < .identifiable)
        #expect(IdentifiabilityLevel.pseudonymised < .pseudonymisedWeak)
        #expect(!(IdentifiabilityLevel.identifiable < .identifiable))
        #expect(IdentifiabilityLevel.allCases.sorted() == IdentifiabilityLevel.allCases.reversed())
    }
}
