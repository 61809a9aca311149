import FlowGraphviz
import FlowModel
@testable import FlowRender
import Foundation
import Testing

/// Tooltips show the text as written: Graphviz substitutes `\N`, `\G`, `\L`… in a tooltip after
/// reading it as a DOT string, so a title holding them showed the node's id or the label's source.
@Suite("Tooltips")
struct TooltipTests {
    @Test func graphvizEscapesInATitleStayText() throws {
        let title = #"C:\path\N\G\L\E\T\H end\"#
        let model = try Fixtures.model(text: """
        org a \(HostileTextTests.flowString(title)) { kind trust }
        org b "B" { kind icb }
        dataset s "S" { origin non-health; level aggregate; source a }
        purpose p "P" { category processing-support }
        flow f a -> b \(HostileTextTests.flowString(title)) { data s; level aggregate; purpose p }

        """)
        let spec = try DiagramBuilder.build(model, view: .overview, options: Fixtures.options())
        let svg = String(decoding: try render(spec), as: UTF8.self)
        let titles = svg.matches(of: /xlink:title="([^"]*)"/).map { String($0.1) }
        #expect(titles.contains { $0.hasPrefix(#"C:\path\N\G\L\E\T\H end\ (a)"#) }, "\(titles)")
        #expect(titles.contains { $0.hasPrefix(#"flow f: C:\path\N\G\L\E\T\H end\"#) }, "\(titles)")
    }
}
