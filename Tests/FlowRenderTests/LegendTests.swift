import FlowModel
@testable import FlowRender
import Testing

/// The legend explains what the diagram draws and nothing else, and the key numbers its findings.
@Suite("Legend and key of what is drawn")
struct LegendTests {
    static func views() throws -> [DiagramSpec] {
        let model = try Fixtures.model("small")
        return try DiagramBuilder.directoryViews(of: model).map { try DiagramBuilder.build(model, view: $0, options: Fixtures.options()) }
    }

    @Test func levelsAndMarkersAreThoseDrawn() throws {
        var omitted = 0
        for spec in try Self.views() {
            let legend = Legend.html(spec)
            let drawn = Set(spec.edges.filter { $0.kind == .flow }.map(\.level))
            for level in IdentifiabilityLevel.allCases {
                let row = Escape.html(LevelStyle.of(level).marker + " ")
                #expect(legend.contains(row) == drawn.contains(level), "\(spec.view): \(level)")
                if !drawn.contains(level) { omitted += 1 }
            }
            let findings = spec.edges.contains { !$0.findings.isEmpty } || spec.nodes.contains { !$0.findings.isEmpty }
            #expect(legend.contains("⚠") == findings, "\(spec.view)")
            #expect(legend.contains("dashed frame = boundary") == !spec.clusters.isEmpty, "\(spec.view)")
        }
        #expect(omitted > 0, "every view draws every level: nothing to leave out")
    }

    @Test func findingsAreNumberedMostSevereFirstAndKeyed() throws {
        var spec = try Self.views()[0]
        spec.edges[0].findings = [
            DiagramFinding(code: "FG008", severity: .warning, target: spec.edges[0].name, summary: "A law is not named."),
            DiagramFinding(code: "FG003", severity: .error, target: spec.edges[0].name, summary: "No Schedule 1 condition."),
        ]
        let key = FindingKey(spec)
        #expect(key.entries.map(\.code) == ["FG003", "FG008"])
        #expect(key.entries.map(\.number) == [1, 2])
        let dot = DOTWriter.dot(spec)
        #expect(dot.contains("FG003 error: No Schedule 1 condition."))
        #expect(dot.contains("FG008 warning: A law is not named."))
        #expect(!dot.contains("⚠ FG003") && !dot.contains("error FG003"))
        #expect(Legend.html(spec).contains("numbered in the key below"))
    }
}

/// A diagram is titled with the organisation whose privacy notice the model reflects, not with the
/// folder it was read from.
@Suite("Diagram titles")
struct TitleTests {
    @Test func theNoticesControllerNamesTheDiagram() throws {
        let small = try String(contentsOfFile: Fixtures.path("small/small.flow"), encoding: .utf8)
        let untitled = try DiagramBuilder.build(try Fixtures.model(text: small), view: .overview, options: Fixtures.options("folder"))
        #expect(untitled.title == "folder")
        let notice = "\nnotice trust-notice \"Valley privacy notice\" {\n  controller trust\n  flows f1\n}\n"
        let model = try Fixtures.model(text: small + notice)
        for view in DiagramBuilder.directoryViews(of: model) {
            let spec = try DiagramBuilder.build(model, view: view, options: Fixtures.options("folder"))
            #expect(spec.title == "Valley Hospitals NHS Trust", "\(view)")
        }
    }
}
