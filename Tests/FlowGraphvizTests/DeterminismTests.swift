import Foundation
import Testing
@testable import FlowGraphviz

/// The same DOT text gives the same bytes, whatever was rendered before in the process.
///
/// Graphviz 2.4x keeps sibling subgraphs ordered by object ID, and its default ID allocator makes a
/// named object's ID the address of its name: cluster order (and so the layout) followed the heap.
/// `GraphvizIDs` numbers objects in creation order instead.
@Suite("Deterministic output", .serialized)
struct DeterminismTests {
    let renderer = GraphvizRenderer.shared

    /// Forty sibling clusters whose names differ in length (so their interned names land in different
    /// heap bins), each with two nodes, chained by edges, plus an anonymous and a `%`-named subgraph.
    static let clusteredDOT: String = {
        var lines = ["digraph clusters {", "  rankdir=LR;"]
        for index in 0..<40 {
            let name = "cluster_" + String(repeating: "n", count: (index * 37) % 90) + "_\(index)"
            lines.append("  subgraph \"\(name)\" { label=\"Cluster \(index)\"; c\(index)a; c\(index)b; c\(index)a -> c\(index)b; }")
            if index > 0 { lines.append("  c\(index - 1)b -> c\(index)a;") }
        }
        // (No rank=same across clusters: that trips an assertion in Graphviz 2.43's mincross.)
        lines.append("  subgraph { c0a; c1a; }")
        lines.append("  subgraph \"%local\" { c2a; c3a; }")
        lines.append("}")
        return lines.joined(separator: "\n")
    }()

    static let clusterNames = (0..<40).map { "cluster_" + String(repeating: "n", count: ($0 * 37) % 90) + "_\($0)" }

    /// Renders a few unrelated graphs, so that the heap holds freed blocks of many sizes.
    func churn() throws {
        for size in [5, 60, 12, 200, 30] {
            _ = try renderer.render(dot: sampleDOT(prefix: "churn", nodes: size), format: .svg)
        }
    }

    /// `<title>` of every cluster group, in document order.
    static func clusterTitles(_ svg: [UInt8]) -> [String] {
        let lines = String(decoding: svg, as: UTF8.self).split(separator: "\n")
        return lines.indices.dropLast().compactMap { index in
            guard lines[index].hasSuffix("class=\"cluster\">"), lines[index + 1].hasPrefix("<title>") else { return nil }
            return String(lines[index + 1].dropFirst(7).dropLast(8))
        }
    }

    @Test func siblingClustersKeepTheirDeclarationOrderAndNames() throws {
        try churn()
        let svg = try renderer.render(dot: Self.clusteredDOT, format: .svg)
        #expect(Self.clusterTitles(svg) == Self.clusterNames)
    }

    @Test(arguments: [GraphvizFormat.svg, .dot, .json])
    func sameDOTGivesTheSameBytesAfterOtherRenders(format: GraphvizFormat) throws {
        let first = try renderer.render(dot: Self.clusteredDOT, format: format)
        try churn()
        let second = try renderer.render(dot: Self.clusteredDOT, format: format)
        try churn()
        let third = try renderer.render(dot: Self.clusteredDOT, format: format)
        #expect(first == second)
        #expect(second == third)
    }

    /// Anonymous objects are numbered per graph (`%N` restarts with each render), not per process: a
    /// local (`%`) cluster is titled `%N` in SVG.
    @Test func anonymousObjectsAreNumberedPerGraph() throws {
        let dot = "digraph { subgraph { a; b; } subgraph \"%local\" { cluster=true; label=L; c; } a -> c; }"
        let first = try renderer.render(dot: dot, format: .svg)
        try churn()
        let second = try renderer.render(dot: dot, format: .svg)
        #expect(first == second)
        #expect(Self.clusterTitles(first).count == 1)
        #expect(Self.clusterTitles(first).allSatisfy { $0.hasPrefix("%") })
    }

    @Test func pdfCarriesNoCreationDate() throws {
        let first = try renderer.render(dot: Self.clusteredDOT, format: .pdf)
        sleep(1)
        let second = try renderer.render(dot: Self.clusteredDOT, format: .pdf)
        #expect(first == second)
        #expect(!String(decoding: first, as: UTF8.self).contains("/CreationDate (D:"))
    }

    /// The date is removed whole, so the bytes do not depend on the time zone either (`Z` against
    /// `+05'30'` changed the length of a blanked date), and every cross-reference offset still
    /// points at its object.
    @Test func pdfBytesDoNotDependOnTheTimeZone() throws {
        let original = getenv("TZ").map { String(cString: $0) }
        defer {
            if let original { setenv("TZ", original, 1) } else { unsetenv("TZ") }
            tzset()
        }
        var renders: [[UInt8]] = []
        for zone in ["UTC", "Asia/Kolkata", "Europe/London", "America/St_Johns"] {
            setenv("TZ", zone, 1)
            tzset()
            renders.append(try renderer.render(dot: Self.clusteredDOT, format: .pdf))
        }
        #expect(Set(renders).count == 1)
        let pdf = try #require(renders.first)
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(!text.contains("CreationDate"))
        let table = try #require(text.range(of: "\nxref\n", options: .backwards))
        let entries = text[table.upperBound...].split(separator: "\n").dropFirst().prefix { $0.hasSuffix(" n ") || $0.hasSuffix(" f ") }
        #expect(entries.count > 3)
        for (number, entry) in entries.enumerated() where entry.hasSuffix(" n ") {
            let offset = try #require(Int(entry.prefix(10)))
            #expect(pdf[offset...].starts(with: Array("\(number) 0 obj".utf8)), "object \(number) at \(offset)")
        }
        let start = try #require(text.range(of: "startxref\n", options: .backwards))
        let offset = try #require(Int(text[start.upperBound...].prefix { $0.isNumber }))
        #expect(pdf[offset...].starts(with: Array("xref".utf8)))
    }

    /// `layoutSize` is the drawing without its margin: the SVG page less `pad` on each side.
    @Test func layoutSizeIsTheSVGPageLessThePad() throws {
        let dot = "digraph { pad=0.5; a -> b -> c; a -> c; }"
        let size = try renderer.layoutSize(dot: dot)
        let svg = String(decoding: try renderer.render(dot: dot, format: .svg), as: UTF8.self)
        let width = try #require(svg.firstMatch(of: /width="([0-9.]+)pt"/).flatMap { Double($0.1) })
        let height = try #require(svg.firstMatch(of: /height="([0-9.]+)pt"/).flatMap { Double($0.1) })
        #expect(abs(width - (size.width + 72)) <= 1.5)
        #expect(abs(height - (size.height + 72)) <= 1.5)
    }
}
