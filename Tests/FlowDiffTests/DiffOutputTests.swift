import FlowDiff
import FlowGraphviz
import FlowModel
import Foundation
import Testing

struct DiffOutputTests {
    static let hostileTitle = #"Pipes | <script>alert(1)</script> `tick` [link](http://x) @team "quoted" \ back"#

    func hostileDiff() throws -> ModelDiff {
        let new = Models.base + """

        flow f9 a -> c "\(Self.hostileTitle.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\""))" { data h; level identifiable; purpose p }
        """
        return ModelDiff.compare(try side("main", Models.base), try side("working tree", new))
    }

    @Test func markdownTablesSurviveHostileText() throws {
        let diff = try hostileDiff()
        #expect(diff.added.first?.title == Self.hostileTitle)
        let markdown = DiffMarkdown.document(diff)
        #expect(markdown.hasPrefix("### flowgate diff: `main` → working tree\n"))
        #expect(!markdown.contains("<script>"))
        #expect(markdown.contains("&lt;script&gt;"))
        #expect(!markdown.contains("[link](http://x)"))
        #expect(!markdown.contains("@team"))
        // Every table row has the same number of unescaped cell separators as its header.
        var columns: Int?
        for line in markdown.split(separator: "\n") {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let count = Self.unescapedPipes(line)
            if let columns { #expect(count == columns, "row breaks its table: \(line)") } else { columns = count }
        }
        #expect(markdown.contains("> [!WARNING]"))
        #expect(markdown.contains("#### New findings"))
        #expect(markdown.contains("#### New recipients"))
    }

    static func unescapedPipes(_ line: Substring) -> Int {
        var count = 0
        var escaped = false
        for character in line {
            if escaped { escaped = false; continue }
            if character == "\\" { escaped = true } else if character == "|" { count += 1 }
        }
        return count
    }

    @Test func longMarkdownSectionsAreFoldedAndWarningsShortened() throws {
        var new = Models.base
        for index in 0..<20 { new += "flow g\(index) a -> c \"G\(index)\" { data h; level identifiable; purpose p }\n" }
        let diff = ModelDiff.compare(try side("old", Models.base), try side("new", new))
        let markdown = DiffMarkdown.document(diff)
        #expect(markdown.contains("<details><summary><b>Flows added (20)</b></summary>"))
        #expect(markdown.contains("<details><summary><b>New findings ("))
        #expect(markdown.contains("#### New recipients\n"))
        #expect(markdown.contains(" and 10 more."))
    }

    @Test func jsonIsValidAndComplete() throws {
        let diff = try hostileDiff()
        let json = DiffJSON.document(diff, paths: ["flows"], toolVersion: "0.0.0")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["from"] as? String == "main")
        #expect(object["to"] as? String == "working tree")
        let summary = try #require(object["summary"] as? [String: Any])
        #expect(summary["flowsAdded"] as? Int == 1)
        let flows = try #require(object["flows"] as? [String: Any])
        let added = try #require(flows["added"] as? [[String: Any]])
        #expect(added.first?["title"] as? String == Self.hostileTitle)
        #expect(added.first?["recipientLevel"] as? String == "identifiable")
        #expect((object["newRecipients"] as? [[String: Any]])?.first?["id"] as? String == "c")
        // Stable: the same diff gives the same bytes.
        #expect(json == DiffJSON.document(try hostileDiff(), paths: ["flows"], toolVersion: "0.0.0"))
    }

    @Test func diagramMarksAddedRemovedAndChangedEdges() throws {
        let new = Models.declarations + """
        flow f1 a -> b "Payroll" { data n; level identifiable; purpose p; art6 e "NHS Act 2006 s14Z"; retention "6 years" destroy }
        flow f3 a -> c "New \\"quoted\\" flow" { data s; level aggregate; purpose p }
        """
        let diff = ModelDiff.compare(try side("old", Models.base), try side("new", new))
        let dot = DiffDiagram.dot(diff)
        #expect(dot.contains(#""a" -> "c" [label="+ f3\ns, aggregate", color="\#(DiffDiagram.addedColour)""#))
        #expect(dot.contains(#""a" -> "b" [label="− f2\ns, aggregate", color="\#(DiffDiagram.removedColour)", fontcolor="\#(DiffDiagram.removedColour)", style=dashed"#))
        #expect(dot.contains(#""a" -> "b" [label="~ f1\nn, identifiable", color="\#(DiffDiagram.changedColour)""#))
        #expect(dot.contains(#"tooltip="changed: art6"]"#))
        #expect(dot.contains(#""c" [label="C Analytics Ltd\n(c)", color="\#(DiffDiagram.addedColour)", peripheries=2"#))
        let svg = String(decoding: try GraphvizRenderer.shared.render(dot: dot, format: .svg), as: UTF8.self)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("+ f3"))
    }

    @Test func diagramOfNoChangeStillRenders() throws {
        let diff = ModelDiff.compare(try side("old", Models.base), try side("new", Models.base))
        let svg = String(decoding: try GraphvizRenderer.shared.render(dot: DiffDiagram.dot(diff), format: .svg), as: UTF8.self)
        #expect(svg.contains("no flows added, removed or changed"))
    }

    @Test func hostileTitlesAreEscapedInDOT() throws {
        let diff = try hostileDiff()
        let dot = DiffDiagram.dot(diff)
        _ = try GraphvizRenderer.shared.render(dot: dot, format: .svg)
        #expect(dot.contains(#"[label="C Analytics Ltd\n(c)""#))
    }
}
