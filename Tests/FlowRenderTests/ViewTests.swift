import FlowModel
@testable import FlowRender
import Testing

@Suite("What each view selects")
struct ViewTests {
    let model: SemanticModel

    init() throws { model = try Fixtures.model("small") }

    func spec(_ view: DiagramView, overlay: DiagramOverlay = .empty) throws -> DiagramSpec {
        try DiagramBuilder.build(model, view: view, overlay: overlay, options: Fixtures.options())
    }

    func flows(_ spec: DiagramSpec) -> [String] {
        spec.edges.filter { $0.kind == .flow }.map(\.name)
    }

    func organisations(_ spec: DiagramSpec) -> [String] {
        spec.nodes.filter { if case .organisation = $0.kind { true } else { false } }.map(\.name)
    }

    @Test func overviewHasEverythingInIdOrder() throws {
        let spec = try spec(.overview)
        // One edge per pair of organisations (named by its flows), in order of each pair's first flow.
        #expect(flows(spec) == ["f1", "f2", "f3", "f4", "f5"])
        #expect(spec.edges.map(\.id) == ["flows-org-trust.org-nhse", "flows-org-nhse.org-dscro", "flows-org-dscro.org-csu", "flows-org-csu.org-icb", "flows-org-icb.org-public"])
        #expect(organisations(spec) == ["csu", "dscro", "icb", "nhse", "public", "trust"])
        #expect(spec.clusters.map(\.name) == ["nhse-boundary", "haven"])
        #expect(spec.clusters[1].parent == spec.clusters[0].id)
        #expect(spec.nodes.first { $0.name == "dscro" }?.cluster == DiagramID.boundary("haven"))
        #expect(spec.subtitle == "All data flows: 6 organisations, 5 flows")
    }

    @Test func purposeViewKeepsItsFlowsAndTheirEnds() throws {
        let spec = try spec(.purpose("commissioning"))
        #expect(flows(spec) == ["f2", "f3", "f4"])
        #expect(organisations(spec) == ["csu", "dscro", "icb", "nhse"])
        // The purpose is in the subtitle, so labels do not repeat it.
        #expect(spec.edges.allSatisfy { $0.purposes.isEmpty })
        #expect(spec.subtitle.contains("Commissioning (commissioning-planning, secondary use)"))
        // Transforms producing the data this purpose carries are listed where they happen.
        #expect(spec.nodes.first { $0.name == "dscro" }?.details.contains("pseudonymises → SUS+ pseudonymised") == true)
        #expect(spec.nodes.first { $0.name == "icb" }?.details.contains { $0.hasPrefix("aggregates") } == false)
    }

    @Test func datasetViewFollowsLineageBothWays() throws {
        let spec = try spec(.dataset("sus-pseudo"))
        let datasets = spec.nodes.filter { if case .dataset = $0.kind { true } else { false } }.map(\.name)
        #expect(datasets == ["stats", "sus", "sus-filtered", "sus-pseudo"])
        let derivations = spec.edges.filter { if case .derivation = $0.kind { true } else { false } }
        #expect(Set(derivations.map { "\($0.from)>\($0.to)" }) == [
            "dataset-sus>dataset-sus-filtered", "dataset-sus-filtered>dataset-sus-pseudo", "dataset-sus-pseudo>dataset-stats",
        ])
        #expect(flows(spec) == ["f1", "f2", "f3", "f4", "f5"])
        #expect(spec.nodes.first { $0.name == "sus-pseudo" }?.isFocus == true)
        #expect(spec.clusters.contains { $0.role == .lineage })
    }

    @Test func datasetViewOfASourceShowsOnlyWhatDerivesFromIt() throws {
        let upstream = try spec(.dataset("sus-filtered"))
        let names = upstream.nodes.filter { if case .dataset = $0.kind { true } else { false } }.map(\.name)
        #expect(names == ["stats", "sus", "sus-filtered", "sus-pseudo"])
    }

    @Test func organisationNeighbourhoodByDepth() throws {
        let one = try spec(.organisation("dscro", depth: 1))
        #expect(organisations(one) == ["csu", "dscro", "nhse"])
        #expect(flows(one) == ["f2", "f3"])
        #expect(one.nodes.first { $0.name == "nhse" }?.hiddenFlows == 1)
        #expect(one.nodes.first { $0.name == "csu" }?.hiddenFlows == 1)
        #expect(one.nodes.first { $0.name == "dscro" }?.isFocus == true)
        let two = try spec(.organisation("dscro", depth: 2))
        #expect(organisations(two) == ["csu", "dscro", "icb", "nhse", "trust"])
        #expect(flows(two) == ["f1", "f2", "f3", "f4"])
        #expect(two.nodes.first { $0.name == "icb" }?.hiddenFlows == 1)
    }

    @Test func unknownNamesAreErrorsWithSuggestions() throws {
        #expect(throws: DiagramError.self) { try spec(.purpose("comissioning")) }
        do {
            _ = try DiagramBuilder.build(model, view: .purpose("comissioning"), options: Fixtures.options())
        } catch {
            #expect(error.description == "no purpose named `comissioning`")
            #expect(error.help?.contains("commissioning") == true)
        }
        #expect(throws: DiagramError.self) { try spec(.dataset("nope")) }
        #expect(throws: DiagramError.self) { try spec(.organisation("nope", depth: 1)) }
        #expect(throws: DiagramError.self) { try spec(.organisation("icb", depth: 0)) }
    }

    @Test func directoryViewsAreOverviewThenPurposesWithFlows() throws {
        #expect(DiagramBuilder.directoryViews(of: model) == [.overview, .purpose("commissioning"), .purpose("publication"), .purpose("submission")])
    }

    @Test func overlayChangesLevelStyleAndMarksFindings() throws {
        let overlay = DiagramOverlay(
            effectiveLevels: ["f3": .identifiable],
            appliedOptOuts: ["f4": ["nat"]],
            arrivingOptOuts: ["f3": ["nat"]],
            findings: [
                DiagramFinding(code: "FG019", severity: .error, target: "f3"),
                DiagramFinding(code: "FG001", severity: .warning, target: "f3"),
                DiagramFinding(code: "FG029", severity: .info, target: "icb"),
                DiagramFinding(code: "FG012", severity: .warning, target: "cag"),
            ]
        )
        let spec = try spec(.organisation("dscro", depth: 2), overlay: overlay)
        let f3 = try #require(spec.edges.first { $0.name == "f3" })
        #expect(f3.level == .identifiable)
        #expect(f3.declaredLevel == .pseudonymised)
        #expect(f3.findings.map(\.code) == ["FG019", "FG001"])
        #expect(f3.optOutsArriving == ["National Data Opt-out"])
        #expect(spec.edges.first { $0.name == "f4" }?.optOutsApplied == ["National Data Opt-out"])
        #expect(spec.nodes.first { $0.name == "icb" }?.findings.map(\.code) == ["FG029"])
        #expect(try self.spec(.overview, overlay: overlay).notes.contains { $0.hasPrefix("1 finding about declarations") })
        let dot = DOTWriter.dot(spec)
        let f3Line = try #require(dot.split(separator: "\n").first { $0.contains("id=\"flow-f3\"") })
        #expect(f3Line.contains("color=\"#D55E00\""))
        #expect(f3Line.contains("(declared pseudonymised)"))
        // Numbered callouts, keyed in the title block: most severe first.
        let key = FindingKey(spec)
        let fg019 = try #require(key.entries.first { $0.code == "FG019" && $0.severity == .error })
        let fg001 = try #require(key.entries.first { $0.code == "FG001" && $0.severity == .warning })
        #expect(fg019.number < fg001.number)
        #expect(f3Line.contains("⚠ error [\(fg019.number)]"))
        #expect(f3Line.contains("⚠ warning [\(fg001.number)]"))
        let graphLine = try #require(dot.split(separator: "\n").first { $0.hasPrefix("  graph [") })
        #expect(graphLine.contains("<B>[\(fg019.number)]</B></TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" VALIGN=\"TOP\">FG019 error: "))
        #expect(graphLine.contains(">[\(fg001.number)]</TD><TD ALIGN=\"LEFT\" BALIGN=\"LEFT\" VALIGN=\"TOP\">FG001 warning: see flowgate explain FG001"))
        #expect(f3Line.contains("BGCOLOR=\"#F0E442\""))
        let icbLine = try #require(dot.split(separator: "\n").first { $0.contains("id=\"org-icb\"") })
        #expect(icbLine.contains("penwidth=\"3\""))
    }

    @Test func everyLevelHasItsOwnLineStyleWeightAndMarker() {
        let styles = IdentifiabilityLevel.allCases.map(LevelStyle.of)
        #expect(Set(styles.map { "\($0.lineStyle)/\($0.penWidth)/\($0.arrowhead)" }).count == 6)
        #expect(Set(styles.map(\.marker)).count == 6)
        #expect(Set(styles.map(\.color)).count == 6)
        let okabeIto: Set = ["#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000"]
        #expect(Set(styles.map(\.color)).isSubset(of: okabeIto))
    }

    @Test func asOfDateOnlyWhenGiven() throws {
        let model = try Fixtures.model("small")
        let without = DOTWriter.dot(try DiagramBuilder.build(model, view: .overview, options: Fixtures.options()))
        let with = DOTWriter.dot(try DiagramBuilder.build(model, view: .overview, options: Fixtures.options(asOf: Day(iso: "2026-01-31"))))
        #expect(!without.contains("as of"))
        #expect(with.contains("as of 2026-01-31"))
    }

    @Test func largeViewsGetCompactLabelsAndExternalLabels() throws {
        #expect(LayoutPolicy.labelDensity(view: .overview, edges: 8) == .summary)
        #expect(LayoutPolicy.labelDensity(view: .partners("x"), edges: 200) == .summary)
        #expect(LayoutPolicy.labelDensity(view: .purpose("x"), edges: 80) == .full)
        #expect(LayoutPolicy.choose(nodes: 10, edges: 150).edgeLabelAttribute == "label")
        #expect(LayoutPolicy.choose(nodes: 10, edges: 151).edgeLabelAttribute == "xlabel")
    }
}
