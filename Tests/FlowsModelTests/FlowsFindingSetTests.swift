import FlowAnalysis
import FlowIO
import FlowLanguage
import FlowModel
import FlowRules
import Foundation
import Testing

/// Pins the exact findings of the repository's own models in flows/ (the two ICB privacy notices),
/// so a change in the engine that loses or invents a finding fails here. Regenerate deliberately
/// with FLOWGATE_UPDATE_GOLDEN=1 and review the diff.
struct FlowsFindingSetTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let asOf = Day(year: 2026, month: 11, day: 23)!

    static func findingSet() throws -> String {
        let previous = FileManager.default.currentDirectoryPath
        _ = FileManager.default.changeCurrentDirectoryPath(root.path)
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let loaded = ModelLoader.load(paths: ["flows"], provider: FileSystemSourceProvider())
        let errors = loaded.diagnostics.filter { $0.severity == .error }
        #expect(errors.isEmpty, "flows/ must be a valid model: \(errors.map { "\($0.code) \($0.message)" })")
        let model = try #require(loaded.model)
        let result = RuleEngine.run(Analysis(model: model), asOf: asOf)
        var lines = result.findings.map { finding in
            // The file, not the line: edits elsewhere in a file must not look like a changed finding.
            let location = finding.span.path
            return "\(finding.code) \(finding.severity.rawValue) \(finding.target)\(finding.discriminator.isEmpty ? "" : " [\(finding.discriminator)]") \(location)"
        }
        lines += result.waived.map { "waived \($0.finding.code) \($0.finding.target) by \($0.waiver.reference ?? "?")" }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func theFindingSetOfFlowsIsPinned() throws {
        let actual = try Self.findingSet()
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/flows-findings.txt")
        if ProcessInfo.processInfo.environment["FLOWGATE_UPDATE_GOLDEN"] == "1" {
            try actual.write(to: golden, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        let missing = Set(expected.split(separator: "\n")).subtracting(actual.split(separator: "\n")).sorted()
        let invented = Set(actual.split(separator: "\n")).subtracting(expected.split(separator: "\n")).sorted()
        #expect(missing.isEmpty && invented.isEmpty, "lost findings: \(missing)\nnew findings: \(invented)")
        #expect(actual == expected)
    }

    /// The gaps a careful IG reviewer raises about the two notices (domain.md §9) are all reported.
    @Test(arguments: [
        ("FG003", "9(2)(h) with no Schedule 1 condition (BLMK general bases)"),
        ("FG011", "invoice validation under s251 with no CAG number (S1-F13)"),
        ("FG031", "the contradictory retention sentence (Nottingham S0-F2)"),
        ("FG036", "stale references to NHS Digital and PHE"),
        ("FG028", "no DPIA for the risk-stratification linkage"),
        ("FG015", "National Data Opt-out not applied on the risk-stratification chain"),
    ])
    func aReviewersGapIsReported(code: String, gap: String) throws {
        let set = try Self.findingSet()
        #expect(set.split(separator: "\n").contains { $0.hasPrefix(code + " ") }, "expected \(code): \(gap)")
    }

    @Test func rulesDocumentationIsCurrent() throws {
        let committed = try String(contentsOf: Self.root.appendingPathComponent("docs/rules.md"), encoding: .utf8)
        #expect(committed == RuleDocumentation.markdown(), "docs/rules.md is stale: run `flowgate explain --markdown > docs/rules.md`")
    }
}
