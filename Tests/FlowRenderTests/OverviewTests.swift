import FlowModel
@testable import FlowRender
import Testing

/// The overview's summaries: one edge per pair of organisations, and a busy organisation's partners
/// on a page of their own.
@Suite("Overview and partner pages")
struct OverviewTests {
    /// A hub (`icb`) that sends to seven organisations with no other flows, receives from one of
    /// them twice, and exchanges data with `csu` both ways.
    static let text: String = {
        var text = """
        purpose p "Purpose" {
          category commissioning-planning
        }
        dataset d "Data" {
          origin england-health
        }
        org icb "The ICB" {
          kind icb
        }
        org csu "The CSU" {
          kind csu
        }
        flow to-csu icb -> csu {
          data d
          level pseudonymised
          purpose p
        }
        flow from-csu-1 csu -> icb {
          data d
          level anonymised
          purpose p
        }
        flow from-csu-2 csu -> icb {
          data d
          level identifiable
          purpose p
        }

        """
        for index in 1...7 {
            text += """
            org r\(index) "Recipient \(index)" {
              kind supplier
            }
            flow to-r\(index) icb -> r\(index) {
              data d
              level \(index == 3 ? "identifiable" : "aggregate")
              purpose p
            }

            """
        }
        return text
    }()

    func model() throws -> SemanticModel { try Fixtures.model(text: Self.text) }

    @Test func parallelFlowsBecomeOneEdgeAtTheMostIdentifiableLevel() throws {
        let spec = try DiagramBuilder.build(try model(), view: .partners("icb"), options: Fixtures.options())
        #expect(spec.labels == .summary)
        let overview = try DiagramBuilder.build(try model(), view: .overview, options: Fixtures.options())
        let pair = try #require(overview.edges.first { $0.id == DiagramID.flowPair(from: "org-csu", to: "org-icb") })
        #expect(pair.flowCount == 2)
        #expect(pair.level == .identifiable)
        #expect(pair.name == "from-csu-1, from-csu-2")
        let label = EdgeText.lines(pair, spec: overview).map { $0.bold + $0.text }
        #expect(label.first == "IDENTIFIABLE · 2 flows")
    }

    @Test func busyOrganisationsPartnersAreOneBoxOnTheOverviewAndAPageOfTheirOwn() throws {
        let model = try model()
        #expect(Partners.byHub(model) == ["icb": ["r1", "r2", "r3", "r4", "r5", "r6", "r7"]])
        #expect(DiagramBuilder.directoryViews(of: model) == [.overview, .partners("icb"), .purpose("p")])

        let overview = try DiagramBuilder.build(model, view: .overview, options: Fixtures.options())
        #expect(!overview.nodes.contains { $0.name.hasPrefix("r") })
        let box = try #require(overview.nodes.first { $0.id == DiagramID.partners("icb") })
        #expect(box.kind == .partners(count: 7))
        #expect(box.details.first?.contains("partners-icb") == true)
        let boxEdge = try #require(overview.edges.first { $0.to == box.id })
        #expect(boxEdge.flowCount == 7)
        #expect(boxEdge.level == .identifiable)
        #expect(overview.subtitle == "All data flows: 9 organisations, 10 flows")

        let page = try DiagramBuilder.build(model, view: .partners("icb"), options: Fixtures.options())
        #expect(page.nodes.map(\.name) == ["icb", "r1", "r2", "r3", "r4", "r5", "r6", "r7"])
        #expect(page.nodes.first { $0.name == "icb" }?.hiddenFlows == 3)
        #expect(DiagramID.fileStem(for: .partners("icb")) == "partners-icb")
        #expect(throws: DiagramError.self) { try DiagramBuilder.build(model, view: .partners("csu"), options: Fixtures.options()) }
    }

    /// On summary pages a busy node's leaves are rows of one table, each row the end of its own arrow.
    @Test func leavesAreTableRowsWithTheirOwnArrows() throws {
        let page = try DiagramBuilder.build(try model(), view: .partners("icb"), options: Fixtures.options())
        let dot = DOTWriter.dot(page)
        #expect(dot.contains("\"leaves-to-org-icb\" [id=\"leaves-to-org-icb\", shape=\"plaintext\""))
        for index in 1...7 {
            #expect(dot.contains("PORT=\"org-r\(index)\""))
            #expect(dot.contains("\"org-icb\" -> \"leaves-to-org-icb\":\"org-r\(index)\":w [id=\"flows-org-icb.org-r\(index)\""))
        }
        #expect(!dot.contains("\n  \"org-r1\" ["))
        #expect(dot.contains("receives IDENTIFIABLE"))
    }

    @Test func findingsOnSummaryLabelsAreCodesWithErrorsInBold() {
        let findings = [
            DiagramFinding(code: "FG008", severity: .warning, target: "f"),
            DiagramFinding(code: "FG003", severity: .error, target: "f"),
            DiagramFinding(code: "FG003", severity: .warning, target: "g"),
            DiagramFinding(code: "FG036", severity: .info, target: "f"),
        ]
        let lines = FindingText.codes(findings, width: 14)
        #expect(lines.map { $0.map(\.code) } == [["FG003", "FG008"], ["FG036"]])
        #expect(lines[0][0].isError && !lines[0][1].isError)
        #expect(FindingText.lines(findings, width: 26) == ["⚠ error FG003", "⚠ warning FG008 FG003", "⚠ info FG036"])
    }
}
