@testable import FlowAnalysis
import FlowLanguage
import FlowModel
import Testing

/// The sorted merge of name runs, and the holdings numbered from names scanned in slices on
/// several cores.
struct GraphNumberingTests {
    @Test(arguments: [[], ["café", "cafe", "caf\u{00E9}s"], ["zebra", "ähnlich", "apple"]])
    func mergedRunsSortAsStringsDo(_ extra: [String]) {
        let names = NameOrderTests.awkwardNames + extra
        for middle in [0, 1, names.count / 2, names.count - 1, names.count] {
            let first = NameOrder.sorted(names, in: 0..<middle)
            let second = NameOrder.sorted(names, in: middle..<names.count)
            #expect(NameOrder.merged(first, second, of: names).map { names[$0] } == names.sorted())
        }
    }

    @Test func holdingNumberingGroupsByOrganisationThenDataset() {
        let organisations = [2, 0, 1, 0, 2, 0, 1, 0, 2]
        let datasets = [1, 3, 0, 1, 1, 1, 0, 3, 0]
        let (index, holdingOfEntry) = HoldingIndex.numbering(organisationCount: 4, datasetCount: 4, organisations: organisations, datasets: datasets)
        let pairs = Set(zip(organisations, datasets).map { [$0, $1] }).sorted { $0.lexicographicallyPrecedes($1) }
        #expect((0..<index.count).map { [index.organisation[$0], index.dataset[$0]] } == pairs)
        for entry in organisations.indices {
            #expect(pairs[holdingOfEntry[entry]] == [organisations[entry], datasets[entry]])
        }
        #expect(index.holdings(of: 3).isEmpty)
        #expect(index.holding(organisation: 0, dataset: 3) == pairs.firstIndex(of: [0, 3]))
    }

    /// Enough transforms and datasets that the declarations are scanned in several slices.
    @Test func slicedDeclarationsNumberLikeOneScan() throws {
        let count = 4200
        var text = commonDeclarations + (0..<97).map { "org org\($0) \"O\($0)\" { kind icb }\n" }.joined()
        for index in 0..<count {
            text += """

            dataset d\(index) "D\(index)" { origin england-health; special-category health; identifiers nhs-number; source trust }
            at dscro filter d\(index) -> d\(index)-f "F\(index)" { opt-out ndoo }
            flow f\(index) trust -> org\(index % 97) "Out \(index)" { data d\(index); level identifiable; purpose research }
            """
        }
        let analysis = try analyse(text)
        let graph = analysis.graph
        #expect(graph.datasets.names == graph.datasets.names.sorted())
        #expect(Set(graph.datasets.names).isSuperset(of: (0..<count).flatMap { ["d\($0)", "d\($0)-f"] }))
        #expect(graph.holdings == graph.holdings.sorted())
        for (index, flow) in analysis.model.flows.enumerated() {
            #expect(graph.holding(graph.senderHoldings[index]) == Holding(flow.from.name, flow.dataset.name))
            #expect(graph.holding(graph.recipientHoldings[index]) == Holding(flow.to.name, flow.dataset.name))
            #expect(graph.datasets.names[graph.carriedDatasets[index]] == flow.dataset.name)
        }
        for (index, transform) in analysis.model.transforms.enumerated() {
            #expect(graph.holding(graph.outputHoldings[index]) == Holding(transform.holder.name, transform.output))
            #expect(graph.inputHoldings(ofTransform: index).map(graph.holding) == transform.inputs.map { Holding(transform.holder.name, $0.name) })
        }
        #expect(analysis.optOuts.isOriginByHolding[try #require(graph.holdingID(Holding("trust", "d7")))])
    }
}
