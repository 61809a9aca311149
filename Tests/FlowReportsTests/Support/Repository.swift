import FlowGraphviz
import FlowModel
import FlowRender
import FlowReports
import Foundation
import Testing

/// The repository's real models (`flows/`) and the seed notices kept beside them.
enum Repository {
    /// Tests/FlowReportsTests/Support/Repository.swift → the package root.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The date every golden is generated as of.
    static let asOf = Day(year: 2026, month: 11, day: 23)!

    /// Every table of a DPIA annex, by id, in order (each is present even when it has nothing to list).
    static let annexTables = [
        "triggers-table", "flows-table", "lineage-table", "data-table", "organisations-table", "opt-outs-table", "instruments-table",
        "notices-table", "purposes-table", "processors-table", "necessity-table", "risks-table", "codes-table", "measures-table",
        "waivers-table", "dpias-table", "sign-off-table",
    ]

    /// The headings of the ICO DPIA template's seven steps, as the annex numbers them.
    static let annexSections = [
        "1. The need for a DPIA", "2. Description of the processing", "3. Consultation", "4. Necessity and proportionality",
        "5. Risks", "6. Measures to reduce risk", "7. Sign-off and outcomes",
    ]


    /// Every `.flow` file under `directory` (relative to the package root), keyed by its relative path,
    /// so that locations in reports read `flows/blmk/…` on every machine.
    static func files(under directory: String) throws -> [String: String] {
        var result: [String: String] = [:]
        let root = packageRoot.appendingPathComponent(directory)
        guard let walker = FileManager.default.enumerator(atPath: root.path) else {
            throw RepositoryError(description: "cannot list \(root.path)")
        }
        for case let relative as String in walker where relative.hasSuffix(".flow") {
            result[directory + "/" + relative] = try String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
        }
        return result
    }

    /// The model under `directory` (`flows`, `flows/blmk`…), analysed and checked as of `asOf`.
    static func context(_ directory: String = "flows", modelName: String? = nil) throws -> ReportContext {
        let provider = InMemorySourceProvider(try files(under: directory))
        let loaded = ModelLoader.load(paths: [directory], provider: provider)
        guard let model = loaded.model else {
            throw RepositoryError(description: "\(directory) does not load: \(loaded.diagnostics.map(\.message))")
        }
        return ReportContext(model: model, asOf: asOf, modelName: modelName ?? model.name ?? directory)
    }

    /// A seed notice, kept in its model's folder (`flows/blmk/notice/…`, with a PROVENANCE note):
    /// inside the repository, so a clone with nothing beside it runs the tests.
    static func seed(_ name: String, model: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent("flows/\(model)/notice/\(name)"), encoding: .utf8)
    }

    /// The DPIA diagram drawn by Graphviz, as the CLI draws it.
    static func svg(_ context: ReportContext, scope: DPIAScope) throws -> String {
        let spec = try DPIAReport.diagram(context, scope: scope)
        let bytes = try GraphvizRenderer.shared.render(dot: DOTWriter.dot(spec), format: .svg, engine: .dot)
        return String(decoding: bytes, as: UTF8.self)
    }
}

struct RepositoryError: Error, CustomStringConvertible {
    var description: String
}

/// Compares output with a file under Golden/; `FLOWGATE_UPDATE_GOLDEN=1 swift test` rewrites them.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden/\(name)")
    if ProcessInfo.processInfo.environment["FLOWGATE_UPDATE_GOLDEN"] == "1" {
        try Data(actual.utf8).write(to: url, options: .atomic)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "output differs from Golden/\(name); rerun with FLOWGATE_UPDATE_GOLDEN=1 to accept", sourceLocation: sourceLocation)
}
