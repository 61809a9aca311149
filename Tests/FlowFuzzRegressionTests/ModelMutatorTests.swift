@testable import FlowFuzzing
import Foundation
import Testing

/// The structure-aware mutator: deterministic for a seed, within the size it is given, mostly
/// keeping models valid; and a few hundred of its mutations of real models, run through every
/// stage, trap nowhere (a small fuzz run on every `swift test`; scripts/fuzz.sh runs the real one).
struct ModelMutatorTests {
    static let seeds = ["flows-1633b0556275.flow", "seed-extreme-dates-numbers.flow", "multi-21698c6d0efe.flow"]
        + CorpusReplayTests.files(under: CorpusReplayTests.corpus).map(\.lastPathComponent).filter { $0.hasPrefix("rule-") }.prefix(6)

    @Test func splitAndJoinAreInverses() {
        let input = Array("org a\n#--- shared/b.flow\norg b\n#--- c.flow\n".utf8)
        let files = FuzzHarness.split(input)
        #expect(FuzzHarness.split(FuzzHarness.join(files)).map(\.path) == files.map(\.path))
        #expect(FuzzHarness.split(FuzzHarness.join(files)).map(\.bytes) == files.map(\.bytes))
    }

    @Test func theSameSeedGivesTheSameMutation() throws {
        let input = Array(try Data(contentsOf: CorpusReplayTests.corpus.appendingPathComponent("seed-extreme-dates-numbers.flow")))
        for seed in UInt32(0)..<50 {
            let first = ModelMutator.mutate(input, seed: seed, maximumSize: 1 << 16)
            #expect(first == ModelMutator.mutate(input, seed: seed, maximumSize: 1 << 16))
            #expect((first?.count ?? 0) <= 1 << 16)
        }
        #expect(ModelMutator.mutate(input, seed: 1, maximumSize: 10) == nil)
    }

    @Test(arguments: seeds)
    func mutationsOfRealModelsRunThroughEveryStage(_ name: String) throws {
        var input = Array(try Data(contentsOf: CorpusReplayTests.corpus.appendingPathComponent(name)))
        for seed in UInt32(1)...40 {
            // A chain of mutations, as libFuzzer keeps mutating what it found interesting.
            if let mutated = ModelMutator.mutate(input, seed: seed &* 2_654_435_761, maximumSize: 1 << 16) { input = mutated }
            FuzzHarness.run(input)
        }
    }
}
