import FlowGraphviz
import FlowModel
@testable import FlowRender
import Foundation
import Testing

@Suite("Hostile names and labels")
struct HostileTextTests {
    static let hostile = [
        #"Say "hi"]; evil [label="pwned", shape=star] // x"#,
        #"C:\path\N\G\E\l\r end\"#,
        "a < b > c & d",
        "<B>bold?</B><TABLE><TR><TD>x</TD></TR></TABLE>",
        "line1\nline2\r\nline3",
        "ctl\u{01}\u{07}\u{1B}[31m\u{7F}\u{85}end",
        "tab\there",
        "]]> <!-- x --> <?xml ?>",
        "emoji 🚀 中文 עברית",
        "mermaid end --> |pipe| #35; `tick` %%{init}%% ```",
        "}\n}\ndigraph x { a -> b }",
        "&amp; &lt;b&gt; &#65;",
    ]

    /// `text` as a `.flow` string literal.
    static func flowString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case _ where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value):
                result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func hostileModelText() -> String {
        var text = ""
        for (index, title) in hostile.enumerated() {
            text += "org h\(index) \(flowString(title)) {\n  kind \(index % 2 == 0 ? "trust" : "supplier")\n  ods \(flowString(title))\n"
            text += "  description \(flowString(title))\n}\n"
        }
        text += "boundary hb \(flowString(hostile[0])) {\n  kind other\n  contains h0, h1\n"
        text += "  boundary hb2 \(flowString(hostile[3])) {\n    kind other\n    contains h2\n  }\n}\n"
        text += "purpose hp \(flowString(hostile[4])) {\n  category commissioning-planning\n}\n"
        text += "opt-out ho \(flowString(hostile[9])) {\n  kind national-data-opt-out\n}\n"
        text += "approval ha \(flowString(hostile[5])) {\n  reference \(flowString(hostile[1]))\n  regulation 5\n  valid-until unknown\n}\n"
        text += "key hk \(flowString(hostile[10])) {\n  held-by h0\n}\n"
        text += "dataset hd \(flowString(hostile[2])) {\n  origin england-health\n  description \(flowString(hostile[11]))\n}\n"
        text += "at h0 pseudonymise hd -> hd2 \(flowString(hostile[8])) {\n  key hk\n}\n"
        for index in 1..<hostile.count {
            text += "flow hf\(index) h\(index - 1) -> h\(index) \(flowString(hostile[index])) {\n"
            text += "  data \(index % 2 == 0 ? "hd" : "hd2")\n  level \(IdentifiabilityLevel.allCases[index % 6].rawValue)\n  purpose hp\n"
            text += "  art6 e \(flowString(hostile[index]))\n  art9 h\n  confidentiality s251-reg5 ha\n  applies ho\n"
            text += "  description \(flowString(hostile[index - 1]))\n}\n"
        }
        return text
    }

    static let views: [DiagramView] = [.overview, .purpose("hp"), .dataset("hd2"), .organisation("h3", depth: 2)]

    static func spec(_ view: DiagramView) throws -> DiagramSpec {
        let model = try Fixtures.model(text: hostileModelText())
        var overlay = DiagramOverlay()
        overlay.findings = [
            DiagramFinding(code: "FG015", severity: .error, target: "hf3", message: hostile[0]),
            DiagramFinding(code: "FG<1>", severity: .warning, target: "h2", message: hostile[3]),
        ]
        overlay.arrivingOptOuts = ["hf4": ["ho"]]
        return try DiagramBuilder.build(model, view: view, overlay: overlay, options: DiagramOptions(modelName: hostile[0] + hostile[4], asOf: Day(iso: "2026-01-31")))
    }

    @Test(arguments: views)
    func dotHasOnlyOurStatementsAndAttributes(view: DiagramView) throws {
        let spec = try Self.spec(view)
        let dot = DOTWriter.dot(spec)
        let structure = try DOTStructure.parse(dot)
        #expect(structure.attributeNames.isSubset(of: DOTStructure.allowedAttributes),
                "unexpected attributes: \(structure.attributeNames.subtracting(DOTStructure.allowedAttributes))")
        // Top to bottom, boundary labels are text nodes of their own (`…-label`).
        #expect(structure.nodes.filter { if case .node(let name) = $0.kind { !name.hasSuffix("-label") } else { false } }.count == spec.nodes.count)
        #expect(structure.edges.count == spec.edges.count)
        for statement in structure.statements {
            for (name, value) in statement.attributes {
                switch name {
                case "label", "xlabel":
                    if value == .quoted("") { continue }  // cleared on subgraphs (they inherit the title)
                    guard case .html(let html) = value else {
                        Issue.record("\(name) is not an HTML label")
                        continue
                    }
                    let label = try HTMLLabel.parse(html)
                    #expect(label.elements.isSubset(of: HTMLLabel.allowedElements), "elements: \(label.elements)")
                    #expect(label.attributes.isSubset(of: HTMLLabel.allowedAttributes), "attributes: \(label.attributes)")
                default:
                    guard case .quoted = value else {
                        Issue.record("\(name) is not quoted")
                        continue
                    }
                }
            }
        }
        // Element names and ids are ours, never user text.
        for node in structure.nodes {
            guard case .node(let name) = node.kind else { continue }
            #expect(name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
        }
    }

    @Test func labelsCarryTheTextVerbatim() throws {
        let spec = try Self.spec(.overview)
        let dot = DOTWriter.dot(spec)
        let structure = try DOTStructure.parse(dot)
        var texts: [String] = []
        for statement in structure.statements {
            for (name, value) in statement.attributes where name == "label" {
                // Graphviz reads `\\` in HTML text as one backslash.
                if case .html(let html) = value { texts.append(try HTMLLabel.parse(html).text.replacingOccurrences(of: "\\\\", with: "\\")) }
            }
        }
        let all = texts.joined(separator: "\n").filter { !$0.isWhitespace }
        for title in Self.hostile {
            #expect(all.contains(Self.visible(title)), "missing: \(title.debugDescription)")
        }
    }

    /// What a reader should see: control characters as U+FFFD, whitespace ignored (labels wrap).
    static func visible(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == " " { continue }
            if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) { result += "\u{FFFD}"; continue }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    @Test(arguments: views)
    func graphvizRendersEveryFormat(view: DiagramView) throws {
        let spec = try Self.spec(view)
        let svg = try SVGDocument.parse(render(spec, .svg))
        for node in spec.nodes { #expect(svg.ids.contains(node.id)) }
        for edge in spec.edges { #expect(svg.ids.contains(edge.id)) }
        // Graphviz turns a well-formed entity in text back into an entity in SVG (`&#65;` shows "A"),
        // so titles containing `&` are checked in the DOT test above.
        let text = svg.texts.map(\.content).joined().filter { !$0.isWhitespace }
        for title in Self.hostile where !title.contains("&") && view == .overview {
            #expect(text.contains(Self.visible(title)), "SVG lacks \(title.debugDescription)")
        }
        #expect(pngDimensions(try render(spec, .png)) != nil)
        #expect(try render(spec, .pdf).starts(with: Array("%PDF-".utf8)))
    }

    @Test(arguments: views)
    func mermaidStaysInsideItsQuotes(view: DiagramView) throws {
        let spec = try Self.spec(view)
        let chart = MermaidWriter.flowchart(spec)
        let id = #"n_[A-Za-z0-9_]+"#
        let label = #""[^"`|<>\n]*""#
        let patterns = [
            #"^flowchart (LR|TB)$"#,
            #"^\s*subgraph \#(id)\[\#(label)\]$"#,
            #"^\s*end$"#,
            #"^\s*\#(id)(\(|\[\[|\{\{|\[\(|\[/|\[\\|\(\[|>|\[|\(\()\#(label)(\)|\]\]|\}\}|\)\]|/\]|\\\]|\]\)|\]|\)\))$"#,
            #"^\s*\#(id) (-->|-\.->)\|\#(label)\| \#(id)$"#,
            #"^\s*linkStyle \d+ stroke:#[0-9A-F]{6},stroke-width:\d+px(,stroke-dasharray:\d \d)?$"#,
            #"^\s*classDef [A-Za-z]+ [a-z:#0-9A-F,\-]+$"#,
            #"^\s*class (\#(id),)*\#(id) [A-Za-z]+$"#,
        ].map { try! NSRegularExpression(pattern: $0) }
        for line in chart.split(separator: "\n").map(String.init) {
            // Our own markup inside labels: <br/>, <b>, </b>. Remove it, then nothing may be left.
            let stripped = line.replacingOccurrences(of: "<br/>", with: "").replacingOccurrences(of: "<b>", with: "")
                .replacingOccurrences(of: "</b>", with: "")
            let range = NSRange(stripped.startIndex..., in: stripped)
            #expect(patterns.contains { $0.firstMatch(in: stripped, range: range) != nil }, "unexpected Mermaid line: \(line)")
        }
        let markdown = MermaidWriter.markdown(spec)
        let heading = markdown.split(separator: "\n")[1]
        #expect(heading.hasPrefix("# "))
        // Every ASCII punctuation character of the title is backslash-escaped; no line break got in.
        var previous: Character = " "
        for character in heading.dropFirst(2) {
            if character.isASCII, character.isPunctuation || character.isSymbol, previous != "\\", character != "\\" {
                Issue.record("unescaped \(character) in heading \(heading)")
            }
            previous = previous == "\\" && character == "\\" ? " " : character
        }
        #expect(markdown.components(separatedBy: "```").count == 3, "exactly one fenced block")
    }

    @Test func escapingRules() {
        #expect(Escape.dotQuoted(#"a"b\c"#) == #""a\"b\\c""#)
        #expect(Escape.dotQuoted("x & y\r\nz\u{1}") == "\"x &amp; y\\nz\u{FFFD}\"")
        #expect(Escape.html("<a href='x'>&\"</a>\n") == "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;<BR/>")
        #expect(Escape.html("]]>\u{7F}\t") == "]]&gt;\u{FFFD} ")
        #expect(Escape.html(#"\N\\"#) == #"\\N\\\\"#)
        #expect(Escape.mermaid(#"a"b|c#d`e<f>"#) == "a#34;b#124;c#35;d#96;e#60;f#62;")
        #expect(Escape.mermaid("x\ny") == "x<br/>y")
        #expect(Escape.markdown("*a* <b> `c`\nd") == #"\*a\* \<b\> \`c\` d"#)
    }

    @Test func idsAreInjectiveAndSafe() {
        let names = ["a->b:sus:rs", "a-_3Eb:sus:rs", "a_b", "a__b", "a.b", "a_2Eb", "é", "x y", "", "-"]
        let encoded = names.map(DiagramID.encode)
        #expect(Set(encoded).count == names.count)
        for value in encoded { #expect(value.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) }
        #expect(DiagramID.encode("a->b:sus") == "a-_3Eb_3Asus")
        #expect(DiagramID.fileStem(for: .purpose("risk.strat")) == "purpose-risk_2Estrat")
        #expect(DiagramID.fileStem(for: .organisation("icb", depth: 2)) == "org-icb-depth2")
        let long = DiagramID.fileStem(for: .dataset(String(repeating: "x", count: 300)))
        #expect(long.count < 120)
        #expect(long == DiagramID.fileStem(for: .dataset(String(repeating: "x", count: 300))))
    }
}
