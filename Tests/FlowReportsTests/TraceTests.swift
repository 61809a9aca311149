import FlowAnalysis
import FlowGraphviz
import FlowReports
import Testing

/// The BLMK risk-stratification chain: SUS+ → DSCRO → Prescribing Services Ltd ← GP practices.
struct TraceTests {
    static func upstreamOfTheProcessor() throws -> (LineageTrace, ReportContext) {
        let context = try Repository.context("flows/blmk", modelName: "blmk")
        return (try #require(TraceReport.trace(context, subject: "blmk-psl", direction: .upstream)), context)
    }

    @Test func upstreamOfTheProcessorIsTheWholeChain() throws {
        let (trace, _) = try Self.upstreamOfTheProcessor()
        let ids = trace.hops.map(\.id)
        for id in ["s1-f15", "s1-f7", "blmk-sus-rs", "s1-f8", "s1-f9", "blmk-rs-linked"] {
            #expect(ids.contains(id), "missing hop \(id)")
        }
        func position(_ id: String) -> Int { ids.firstIndex(of: id) ?? -1 }
        // Origin first: providers -> NHS Digital -> DSCRO, pseudonymised there, then to the processor.
        #expect(position("s1-f15") < position("s1-f7"))
        #expect(position("s1-f7") < position("blmk-sus-rs"))
        #expect(position("blmk-sus-rs") < position("s1-f8"))
        // Both arms arrive before the linkage.
        #expect(position("s1-f8") < position("blmk-rs-linked"))
        #expect(position("s1-f9") < position("blmk-rs-linked"))
        // Nothing downstream of the processor.
        #expect(!ids.contains("s1-f11"))
        #expect(!ids.contains("s1-f12"))
    }

    @Test func theLinkageSaysInPlainWordsWhereTheObjectionIsLost() throws {
        let (trace, context) = try Self.upstreamOfTheProcessor()
        let link = try #require(trace.hops.first { $0.id == "blmk-rs-linked" })
        #expect(link.lost == ["the opt-out `blmk-rs-objection` is lost at the link at `blmk-psl`: `gp-extract` carries it but `blmk-sus-rs` does not, and a merge keeps an opt-out only when every input it could apply to carries it"])
        #expect(trace.hops.filter { !$0.lost.isEmpty }.count == 1, "only the merge loses it")
        #expect(TraceReport.text(trace, context: context).contains("   lost here: the opt-out `blmk-rs-objection` is lost at the link"))
    }

    @Test func everyHopCarriesLevelBasesAndFilters() throws {
        let (trace, _) = try Self.upstreamOfTheProcessor()
        let f7 = try #require(trace.hops.first { $0.id == "s1-f7" })
        #expect(f7.level == .identifiable)
        #expect(f7.bases.contains("confidentiality s251-reg5 cag-7-04a (CAG 7-04(a)/2013)"))
        let f8 = try #require(trace.hops.first { $0.id == "s1-f8" })
        #expect(f8.declaredLevel == .pseudonymisedWeak)
        #expect(f8.bases.contains("art6 e"))
        #expect(f8.bases.contains("art9 h"))
        #expect(f8.output == Holding("blmk-psl", "blmk-sus-rs"))
        let f9 = try #require(trace.hops.first { $0.id == "s1-f9" })
        #expect(f9.applied == ["blmk-rs-objection"])
        #expect(f9.carried == ["blmk-rs-objection"])
        #expect(f9.inputs == [Holding("blmk-gp", "gp-extract")])
        let link = try #require(trace.hops.first { $0.id == "blmk-rs-linked" })
        #expect(link.kind == .transform)
        #expect(link.bases.first == "link blmk-sus-rs, gp-extract")
        // A merge of filtered and unfiltered inputs is unfiltered.
        #expect(link.carried.isEmpty)
    }

    @Test func textNamesEveryHop() throws {
        let (trace, context) = try Self.upstreamOfTheProcessor()
        let text = TraceReport.text(trace, context: context)
        #expect(text.hasPrefix("Lineage of organisation blmk-psl (Prescribing Services Ltd), upstream:"))
        #expect(text.contains("flow s1-f8: dscro -> blmk-psl"))
        #expect(text.contains("flow s1-f9: blmk-gp -> blmk-psl"))
        #expect(text.contains("at blmk-psl: link blmk-sus-rs, gp-extract -> blmk-rs-linked"))
        #expect(text.contains("opt-outs: applied blmk-rs-objection"))
    }

    @Test func downstreamOfSUSReachesTheICB() throws {
        let context = try Repository.context("flows/blmk", modelName: "blmk")
        let trace = try #require(TraceReport.trace(context, subject: "sus", direction: .downstream))
        let ids = trace.hops.map(\.id)
        #expect(ids.contains("s1-f8"))
        #expect(ids.contains("s1-f11"))
        #expect(ids.contains("s1-f12"))
        #expect(ids.contains("s1-f16"))
        #expect(!ids.contains("s1-f9"), "the GP extract does not come from SUS+")
    }

    @Test func unknownSubjectIsNil() throws {
        let context = try Repository.context("flows/blmk", modelName: "blmk")
        #expect(TraceReport.trace(context, subject: "no-such-thing", direction: .both) == nil)
    }

    @Test func dotIsAGraph() throws {
        let (trace, context) = try Self.upstreamOfTheProcessor()
        let dot = TraceReport.dot(trace, context: context)
        #expect(dot.hasPrefix("digraph \"trace blmk-psl\" {"))
        #expect(dot.contains("\"holding:dscro/blmk-sus-rs\" -> \"holding:blmk-psl/blmk-sus-rs\""))
        // Graphviz reads it.
        let svg = try GraphvizRenderer.shared.render(dot: dot, format: .svg, engine: .dot)
        #expect(String(decoding: svg, as: UTF8.self).contains("Prescribing Services Ltd"))
    }
}
