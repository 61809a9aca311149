import FlowLanguage
import FlowModel
import FlowReports
import Foundation
import Testing

/// Committed reports do not change when a model's declarations move between files: rows follow
/// ids, not declaration order across files (which follows file paths).
@Suite struct StableOrderTests {
    /// flows/starter's declarations, one source text each, in file order.
    private func declarations() throws -> [String] {
        let path = Repository.packageRoot.appendingPathComponent("flows/starter/starter.flow").path
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
        let file = SourceFile(path: "starter.flow", bytes: bytes)
        return Parser.parse(file).syntax.statements.map { statement in
            String(decoding: bytes[statement.span.start..<statement.span.end], as: UTF8.self)
        }
    }

    /// The declarations split over two files, the first `split` of them in `first.flow`.
    private func context(_ parts: [String], split: Int, firstName: String, secondName: String) throws -> ReportContext {
        let files = [
            "m/\(firstName)": parts[..<split].joined(separator: "\n") + "\n",
            "m/\(secondName)": parts[split...].joined(separator: "\n") + "\n",
        ]
        let loaded = ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(files))
        let model = try #require(loaded.model, "\(loaded.diagnostics.map(\.message))")
        return ReportContext(model: model, asOf: Repository.asOf, modelName: "m")
    }

    /// Lines that do not name a place in a file (findings cite `file:line`, which moves with them).
    private func withoutLocations(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains(".flow:") }.joined(separator: "\n")
    }

    @Test func swappingTheFilesDeclarationsAreInChangesNoRow() throws {
        let parts = try declarations()
        #expect(parts.count > 20)
        let split = parts.count / 2
        let before = try context(parts, split: split, firstName: "a.flow", secondName: "b.flow")
        // The same two files, their names swapped: every declaration of b.flow now loads first.
        let after = try context(parts, split: split, firstName: "c.flow", secondName: "b.flow")
        #expect(RoPAReport.csv(RoPAReport.records(before)) == RoPAReport.csv(RoPAReport.records(after)))
        let beforeScope = try #require(DPIAScope(before, purpose: nil))
        let afterScope = try #require(DPIAScope(after, purpose: nil))
        #expect(withoutLocations(DPIAReport.markdown(before, scope: beforeScope, imagePath: nil))
            == withoutLocations(DPIAReport.markdown(after, scope: afterScope, imagePath: nil)))
    }
}
