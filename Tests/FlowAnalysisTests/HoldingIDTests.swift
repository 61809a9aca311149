import FlowAnalysis
import FlowModel
import Testing

/// The id-based accessors and the name-keyed views describe the same graph and results.
struct HoldingIDTests {
    let analysis: Analysis

    init() throws {
        analysis = try analyse(commonDeclarations + """
        key k "Key" { held-by dscro }
        at dscro pseudonymise sus -> sus-p { key k }
        at dscro link sus-p, gpx -> linked
        flow f1 trust -> dscro "In" { data sus; level identifiable; purpose research; confidentiality s251-reg5 reg5; applies ndoo }
        flow f2 gp -> dscro "GP" { data gpx; level identifiable; purpose research; confidentiality s251-reg5 reg5 }
        flow f3 dscro -> icb "Out" { data sus-p; level pseudonymised; purpose commissioning }
        flow f4 icb -> dscro "Back" { data sus-p; level pseudonymised; purpose commissioning }
        flow f5 dscro -> researcher "Linked" { data linked; level identifiable; purpose research; confidentiality s251-reg5 reg5 }
        """)
    }

    @Test func holdingsAreNumberedInSortedOrder() {
        let graph = analysis.graph
        #expect(graph.holdings == graph.holdings.sorted())
        #expect(graph.holdingCount == graph.holdings.count)
        for (id, holding) in graph.holdings.enumerated() {
            #expect(graph.holding(id) == holding)
            #expect(graph.holdingID(holding) == id)
            #expect(graph.organisations.names[graph.organisationID(ofHolding: id)] == holding.organisation)
            #expect(graph.datasets.names[graph.datasetID(ofHolding: id)] == holding.dataset)
            #expect(graph.holdingIDs(atOrganisation: graph.organisationID(ofHolding: id)).contains(id))
        }
        #expect(graph.holdingID(Holding("nobody", "sus")) == nil)
        #expect(graph.organisations.names == graph.organisations.names.sorted())
    }

    @Test func edgesMatchTheNameKeyedViews() {
        let graph = analysis.graph
        for (id, holding) in graph.holdings.enumerated() {
            #expect(Array(graph.contributions(toHolding: id)) == graph.contributions[holding] ?? [])
            #expect(Array(graph.readers(ofHolding: id)) == graph.readers[holding] ?? [])
            #expect(Array(graph.transformReaders(ofHolding: id)) == graph.transformReaders[holding] ?? [])
        }
        for (index, flow) in analysis.model.flows.enumerated() {
            #expect(graph.holding(graph.senderHoldings[index]) == Holding(flow.from.name, flow.dataset.name))
            #expect(graph.holding(graph.recipientHoldings[index]) == Holding(flow.to.name, flow.dataset.name))
        }
        for (index, transform) in analysis.model.transforms.enumerated() {
            #expect(graph.holding(graph.outputHoldings[index]) == Holding(transform.holder.name, transform.output))
            #expect(graph.inputHoldings(ofTransform: index).map(graph.holding) == transform.inputs.map { Holding(transform.holder.name, $0.name) })
        }
        for (organisation, flows) in graph.flowsFrom {
            #expect(Array(graph.flows(fromOrganisation: graph.organisations.id(organisation)!)) == flows)
        }
        for (organisation, flows) in graph.flowsTo {
            #expect(Array(graph.flows(toOrganisation: graph.organisations.id(organisation)!)) == flows)
        }
    }

    @Test func resultsMatchTheNameKeyedViews() {
        let graph = analysis.graph
        #expect(analysis.identifiability.escalations[Holding("dscro", "sus-p")] == [.holdsKey("k")])
        for (id, holding) in graph.holdings.enumerated() {
            #expect(analysis.identifiability.inherentLevelByHolding[id] == analysis.identifiability.inherentLevels[holding])
            #expect(analysis.identifiability.effectiveLevelByHolding[id] == analysis.identifiability.effectiveLevels[holding])
            #expect(analysis.identifiability.escalationsByHolding[id] == analysis.identifiability.escalations[holding])
            #expect(analysis.optOuts.filters(atHolding: id) == analysis.optOuts.filtersAt[holding])
            #expect(analysis.optOuts.isOriginByHolding[id] == analysis.optOuts.origins.contains(holding))
            for optOut in ["ndoo", "type1", "undeclared"] {
                #expect(analysis.optOuts.hasFilter(optOut, atHolding: id) == (analysis.optOuts.filtersAt[holding]?.contains(optOut) == true))
            }
        }
    }
}
