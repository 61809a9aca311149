import FlowLanguage
import FlowModel
import Testing

/// A transform's output is a dataset that inherits what its inputs are made of and takes the
/// identifiability level and identifiers its operation implies.
struct DerivationCase: Sendable, CustomTestStringConvertible {
    let transform: String
    let level: IdentifiabilityLevel
    let identifiers: [Identifier]
    let key: String?
    let origins: [DataOrigin]

    var testDescription: String { transform }
}

@Suite struct DerivedDatasetTests {
    static let inputs = """
        org h {
          kind dscro
        }
        key k {
          held-by h
        }
        opt-out o {
          kind type1
        }
        dataset a "A" {
          origin england-health
          special-category health
          subjects patients
          criminal-offence-data yes
          identifiers nhs-number, postcode, age
          level identifiable
        }
        dataset b "B" {
          origin gp-record, england-health
          special-category genetic
          subjects carers
          identifiers local-id, pseudonym
          level pseudonymised
          key k
        }
        """

    static let cases: [DerivationCase] = [
        DerivationCase(transform: "at h pseudonymise a -> out {\n  key k\n}", level: .pseudonymised, identifiers: [.age, .pseudonym],
                       key: "k", origins: [.englandHealth]),
        DerivationCase(transform: "at h link a, b -> out", level: .identifiable, identifiers: [.nhsNumber, .postcode, .age, .localIdentifier, .pseudonym],
                       key: "k", origins: [.englandHealth, .gpRecord]),
        DerivationCase(transform: "at h aggregate a -> out", level: .aggregate, identifiers: [], key: nil, origins: [.englandHealth]),
        DerivationCase(transform: "at h anonymise b -> out", level: .anonymised, identifiers: [], key: nil, origins: [.gpRecord, .englandHealth]),
        DerivationCase(transform: "at h filter b -> out {\n  opt-out o\n}", level: .pseudonymised, identifiers: [.localIdentifier, .pseudonym],
                       key: "k", origins: [.gpRecord, .englandHealth]),
        DerivationCase(transform: "at h re-identify b -> out {\n  key k\n}", level: .identifiable, identifiers: [.localIdentifier, .nhsNumber],
                       key: nil, origins: [.gpRecord, .englandHealth]),
        DerivationCase(transform: "at h pseudonymise a -> out {\n  key k\n  level pseudonymised-weak\n  identifiers pseudonym\n}",
                       level: .pseudonymisedWeak, identifiers: [.pseudonym], key: "k", origins: [.englandHealth]),
    ]

    @Test(arguments: cases)
    func outputFollowsTheOperation(_ testCase: DerivationCase) throws {
        let model = try Loading.model(Self.inputs + "\n" + testCase.transform)
        let out = try #require(model.datasets["out"])
        #expect(out.isDerived)
        #expect(out.level == testCase.level)
        #expect(out.identifiers == testCase.identifiers)
        #expect(out.key?.name == testCase.key)
        #expect(out.origins == testCase.origins)
        let inputs = try #require(model.transforms.first?.inputs.compactMap { model.datasets[$0.name] })
        #expect(Set(out.specialCategories) == Set(inputs.flatMap(\.specialCategories)))
        #expect(Set(out.subjects) == Set(inputs.flatMap(\.subjects)))
        #expect(out.hasCriminalOffenceData == inputs.contains(where: \.hasCriminalOffenceData))
    }

    @Test func titleAndSpanComeFromTheTransform() throws {
        let model = try Loading.model(Self.inputs + "\nat h aggregate a -> out \"Counts\"")
        let out = try #require(model.datasets["out"])
        #expect(out.title == "Counts" && out.span == model.transforms.first?.span)
    }

    @Test func chainsDeriveInLineageOrderWhateverTheSourceOrder() throws {
        let text = Self.inputs + """

            at h aggregate mid -> final
            at h link a, b -> mid
            """
        let model = try Loading.model(text)
        let final = try #require(model.datasets["final"])
        #expect(final.isDerived && final.level == .aggregate)
        #expect(final.origins == [.englandHealth, .gpRecord])
        #expect(final.specialCategories == [.health, .genetic])
        #expect(final.hasCriminalOffenceData)
    }

    @Test func derivedDatasetsCanBeUsedLikeDeclaredOnes() throws {
        let text = Self.inputs + """

            at h aggregate a -> counts
            purpose p {
              category commissioning-planning
            }
            flow h -> h {
              data counts
              level aggregate
              purpose p
            }
            """
        let model = try Loading.model(text)
        #expect(model.flows.first?.dataset.name == "counts")
    }

    @Test func derivationCycleIsReportedNotLooped() {
        let result = Loading.load(Self.inputs + "\nat h link a, z -> y\nat h anonymise y -> z")
        #expect(result.diagnostics.map(\.code) == [LanguageCode.inconsistentDeclaration.rawValue, LanguageCode.inconsistentDeclaration.rawValue])
        #expect(result.diagnostics.first?.message == "dataset `y` is derived from itself")
        #expect(result.model == nil)
    }

    @Test func transformFromAnUnknownDatasetIsOnlyAnUnknownName() {
        let result = Loading.load(Self.inputs + "\nat h anonymise nothing -> out")
        #expect(result.diagnostics.map(\.code) == [LanguageCode.unknownReference.rawValue])
    }
}
