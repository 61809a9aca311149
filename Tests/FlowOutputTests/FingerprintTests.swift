import FlowOutput
import FlowRules
import Testing

struct FingerprintTests {
    func fingerprints(_ files: [String: String]) -> [String: String] {
        let report = OutputFixture.report(files: files)
        return Dictionary(report.findings.map { ("\($0.code) \($0.target) \($0.discriminator)", $0.fingerprint) }, uniquingKeysWith: { a, _ in a })
    }

    var original: [String: String] {
        fingerprints(["model/a-organisations.flow": OutputFixture.organisations, "model/b-flows.flow": OutputFixture.flows])
    }

    @Test func stableWhenDeclarationsAreReordered() {
        let flows = OutputFixture.flows.components(separatedBy: "\n\n")
        let reordered = flows.reversed().joined(separator: "\n\n")
        let moved = fingerprints(["model/a-organisations.flow": OutputFixture.organisations, "model/b-flows.flow": reordered])
        #expect(!original.isEmpty)
        #expect(moved == original)
    }

    @Test func stableAcrossFilesAndUnrelatedEdits() {
        let split = fingerprints([
            "model/x/one.flow": OutputFixture.flows,
            "model/y/two.flow": "# An unrelated comment\n\norg unrelated \"Someone else\" {\n  kind other\n}\n\n" + OutputFixture.organisations,
        ])
        #expect(split == original)
    }

    @Test func differentFindingsHaveDifferentFingerprints() {
        let values = Array(original.values)
        #expect(Set(values).count == values.count)
    }
}
