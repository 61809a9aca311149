import FlowModel
import FlowRender
import Foundation
import Testing

/// Compares output with a file under Golden/; `FLOWGATE_UPDATE_GOLDEN=1 swift test` rewrites them.
func expectGolden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
    if ProcessInfo.processInfo.environment["FLOWGATE_UPDATE_GOLDEN"] == "1" {
        try actual.write(to: url, atomically: true, encoding: .utf8)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(actual == expected, "output differs from Golden/\(name); rerun with FLOWGATE_UPDATE_GOLDEN=1 to accept", sourceLocation: sourceLocation)
}

@Suite("DOT and Mermaid golden files")
struct GoldenTests {
    static let cases: [(view: DiagramView, name: String)] = [
        (.overview, "overview"),
        (.purpose("commissioning"), "purpose-commissioning"),
        (.dataset("sus-pseudo"), "dataset-sus-pseudo"),
        (.organisation("dscro", depth: 1), "org-dscro"),
        (.organisation("dscro", depth: 2), "org-dscro-depth2"),
    ]

    static func spec(_ view: DiagramView, overlay: DiagramOverlay = .empty, asOf: Day? = nil) throws -> DiagramSpec {
        let model = try Fixtures.model("small")
        return try DiagramBuilder.build(model, view: view, overlay: overlay, options: DiagramOptions(modelName: model.name ?? "small", asOf: asOf))
    }

    @Test(arguments: 0..<cases.count)
    func dot(index: Int) throws {
        let (view, name) = Self.cases[index]
        try expectGolden(DOTWriter.dot(try Self.spec(view)), "small-\(name).dot")
    }

    @Test(arguments: 0..<cases.count)
    func mermaid(index: Int) throws {
        let (view, name) = Self.cases[index]
        try expectGolden(MermaidWriter.markdown(try Self.spec(view)), "small-\(name).md")
    }

    /// What the analysis engine will add: an effective level above the declared one, opt-outs that
    /// arrive already applied, findings on a flow, an organisation and a declaration not drawn.
    static let overlay = DiagramOverlay(
        effectiveLevels: ["f3": .identifiable, "f4": .pseudonymised],
        appliedOptOuts: ["f3": ["nat"]],
        arrivingOptOuts: ["f4": ["nat"]],
        findings: [
            DiagramFinding(code: "FG019", severity: .error, target: "f3", message: "declares pseudonymised but carries identifiable data"),
            DiagramFinding(code: "FG024", severity: .error, target: "f3"),
            DiagramFinding(code: "FG029", severity: .warning, target: "icb"),
            DiagramFinding(code: "FG012", severity: .warning, target: "cag"),
        ]
    )

    @Test func overlayGolden() throws {
        let spec = try Self.spec(.overview, overlay: Self.overlay, asOf: Day(iso: "2026-03-31"))
        try expectGolden(DOTWriter.dot(spec), "small-overview-overlay.dot")
        try expectGolden(MermaidWriter.markdown(spec), "small-overview-overlay.md")
    }
}
