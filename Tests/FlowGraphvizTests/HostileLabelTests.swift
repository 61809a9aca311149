import Testing
import FlowGraphviz

@Suite("Escaped hostile text")
struct HostileLabelTests {
    static let hostileLabels = [
        #"say "hi" to "them""#,
        #"C:\path\to\file \N \G \l"#,
        "a < b > c",
        "Tom & Jerry &amp; &lt;b&gt; &#65;",
        "<b>not html</b>",
        "first line\nsecond line\r\nthird line\rfourth",
        "bell\u{07} nul-free \u{01}\u{1B}[31m escape\u{7F} \u{85}",
        "tab\there",
        "emoji 🚀👩🏽‍💻 and 中文 and עברית",
        "]]> <!-- -- --> <?xml?>",
        "trailing backslash \\",
        "",
    ]

    static func hostileDOT() -> String {
        var lines = ["digraph hostile {"]
        for (index, label) in hostileLabels.enumerated() {
            let name = DOTEscaping.quoted("node \(index): " + label)
            lines.append("  \(name) [id=\"hostile-\(index)\", label=\(DOTEscaping.quoted(label)), "
                + "tooltip=\(DOTEscaping.quoted(label))];")
            if index > 0 {
                let previous = DOTEscaping.quoted("node \(index - 1): " + hostileLabels[index - 1])
                lines.append("  \(previous) -> \(name) [label=\(DOTEscaping.quoted(label))];")
            }
        }
        lines.append("}")
        return lines.joined(separator: "\n")
    }

    @Test func quotingRules() {
        #expect(DOTEscaping.quoted("plain") == #""plain""#)
        #expect(DOTEscaping.quoted(#"a"b\c"#) == #""a\"b\\c""#)
        #expect(DOTEscaping.quoted("x & y") == #""x &amp; y""#)
        #expect(DOTEscaping.quoted("1\n2\r\n3\r4") == #""1\n2\n3\n4""#)
        #expect(DOTEscaping.quoted("t\tz\u{01}\u{FFFF}") == "\"t z\u{FFFD}\u{FFFD}\"")
        #expect(DOTEscaping.quoted("🚀") == "\"🚀\"")
    }

    @Test func svgIsWellFormedAndShowsTheTextVerbatim() throws {
        let svg = try GraphvizRenderer.shared.render(dot: Self.hostileDOT(), format: .svg)
        let document = try SVGDocument.parse(svg).get()
        for index in Self.hostileLabels.indices {
            #expect(document.ids.contains("hostile-\(index)"))
        }
        let texts = Set(document.texts)
        for expected in [
            #"say "hi" to "them""#, #"C:\path\to\file \N \G \l"#, "a < b > c",
            "<b>not html</b>", "first line", "second line", "third line", "fourth",
            "emoji 🚀👩🏽‍💻 and 中文 and עברית", "]]> <!-- -- --> <?xml?>", "trailing backslash \\",
            "tab here",
        ] {
            #expect(texts.contains(expected), "missing text: \(expected)")
        }
        #expect(texts.contains { $0.hasPrefix("Tom & Jerry ") })
    }

    @Test(arguments: [GraphvizFormat.png, .pdf])
    func binaryFormatsRender(format: GraphvizFormat) throws {
        let bytes = try GraphvizRenderer.shared.render(dot: Self.hostileDOT(), format: format)
        #expect(bytes.count > 100)
    }
}
