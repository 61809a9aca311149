import FlowAnalysis
import FlowModel
import FlowRules
import Foundation
import Testing

@testable import flowgate_gen

struct EstateGeneratorTests {
    /// Several ICBs per CSU, DSCRO and supplier, several trusts per ICB, and every violation twice
    /// (every 4th of 48 practices): the shapes of a national estate at a size a test can check.
    static let small = EstateSize(practices: 48, trusts: 12, icbs: 6, dscros: 2, csus: 2, suppliers: 3)

    static func generate(_ size: EstateSize, seed: UInt64 = 1) throws -> (files: [String: String], ledger: PlantedLedger) {
        var generator = EstateGenerator(size: size, seed: seed, plan: ViolationPlan(interval: 4))
        var files: [String: String] = [:]
        try generator.generate { path, text in files["estate/\(path)"] = text }
        return (files, generator.ledger)
    }

    @Test(arguments: [10_000, 100_000, 1_000_000])
    func requestedFlowsWithinOneChain(flows: Int) {
        let size = EstateSize(flows: flows)
        #expect(size.flows <= flows)
        #expect(flows - size.flows < EstateSize.flowsPerPractice)
    }

    @Test func deterministicForASeed() throws {
        let first = try Self.generate(Self.small).files
        #expect(try Self.generate(Self.small).files == first)
        #expect(try Self.generate(Self.small, seed: 2).files != first)
    }

    /// The estate's only findings are the planted ones, one per subject the ledger records.
    @Test func findingsAreExactlyThePlantedOnes() throws {
        let (files, ledger) = try Self.generate(Self.small)
        #expect(Violation.allCases.allSatisfy { ledger.count($0) == 2 })
        let loaded = ModelLoader.load(paths: ["estate"], provider: InMemorySourceProvider(files))
        let model = try #require(loaded.model)
        #expect(model.flows.count == Self.small.flows)
        let result = RuleEngine.run(Analysis(model: model), asOf: try #require(Day(iso: EstateDates.asOf)))
        let found = result.findings.map { "\($0.code) \($0.target)" }.sorted()
        let planted = Violation.allCases.flatMap { violation in
            (ledger.subjects[violation] ?? []).map { "\(violation.code) \($0)" }
        }.sorted()
        #expect(found == planted)
    }

    /// A directory the generator did not write is refused; one it wrote loses its manifest first.
    @Test func directoryHandling() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("flowgate-gen-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: root.appendingPathComponent("notes.txt"))
        #expect(throws: GenerationError.self) { try EstateDirectory(path: root.path).prepare() }

        let estate = EstateDirectory(path: root.appendingPathComponent("estate").path)
        try estate.prepare()
        try estate.write("national.flow", "use std\n")
        try estate.commit(manifest: "{}\n")
        try estate.prepare()
        let left = try FileManager.default.contentsOfDirectory(atPath: estate.path)
        #expect(left == [EstateDirectory.markerName])
    }
}
