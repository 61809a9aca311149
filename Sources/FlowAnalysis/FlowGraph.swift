import FlowModel

/// The flow graph (organisations and flows) and the dataset lineage graph (holdings linked by
/// flows and transforms), as index tables over the model.
///
/// Holdings, organisations and datasets have dense ids (`holdingID`, `organisations`, `datasets`);
/// the id-based accessors are what the analysis itself uses. The name-keyed dictionaries are built
/// on first use, since building them costs more than the whole analysis over ids.
public struct FlowGraph: Sendable {
    let tables: FlowGraphTables
    private let views: Views

    public init(model: SemanticModel) {
        let tables = FlowGraphTables(model: model)
        self.tables = tables
        self.views = Views(tables)
    }

    // MARK: Ids

    /// Organisation names by id, in sorted order: every organisation declared or referenced.
    public var organisations: NameTable { tables.organisations }
    /// Dataset names by id, in sorted order: every dataset declared or referenced.
    public var datasets: NameTable { tables.datasets }
    /// Holdings are numbered 0..<holdingCount in the order of `holdings`.
    public var holdingCount: Int { tables.holdings.count }

    public func holding(_ id: Int) -> Holding { tables.holding(id) }
    public func holdingID(_ holding: Holding) -> Int? { tables.holdingID(holding) }
    public func organisationID(ofHolding id: Int) -> Int { tables.holdings.organisation[id] }
    public func datasetID(ofHolding id: Int) -> Int { tables.holdings.dataset[id] }
    /// The holdings at an organisation, by dataset name.
    public func holdingIDs(atOrganisation id: Int) -> Range<Int> { tables.holdings.holdings(of: id) }

    /// Per flow: the sender's holding of the data (what the flow reads).
    public var senderHoldings: [Int] { tables.senderHolding }
    /// Per flow: the recipient's holding of the data (what the flow feeds).
    public var recipientHoldings: [Int] { tables.recipientHolding }
    /// Per flow: the sender's organisation id.
    public var senderOrganisations: [Int] { tables.senderOrganisation }
    /// Per flow: the recipient's organisation id.
    public var recipientOrganisations: [Int] { tables.recipientOrganisation }
    /// Per flow: the id of the dataset it carries.
    public var carriedDatasets: [Int] { tables.carriedDataset }
    /// Per transform: the holding it makes.
    public var outputHoldings: [Int] { tables.outputHolding }
    /// A transform's input holdings, in the order of its inputs.
    public func inputHoldings(ofTransform index: Int) -> ArraySlice<Int> { tables.inputHoldings[index] }

    /// What feeds a holding: flows then transforms, each in model order.
    public func contributions(toHolding id: Int) -> ArraySlice<Contribution> { tables.contributions[id] }
    /// Flows that read a holding.
    public func readers(ofHolding id: Int) -> ArraySlice<Int> { tables.readers[id] }
    /// Transforms that read a holding (once per input that names it).
    public func transformReaders(ofHolding id: Int) -> ArraySlice<Int> { tables.transformReaders[id] }
    public func flows(fromOrganisation id: Int) -> ArraySlice<Int> { tables.flowsFrom[id] }
    public func flows(toOrganisation id: Int) -> ArraySlice<Int> { tables.flowsTo[id] }

    // MARK: Name-keyed views

    public var flowsFrom: [String: [Int]] { views.flowsFrom.value }
    public var flowsTo: [String: [Int]] { views.flowsTo.value }
    /// Every (organisation, dataset) pair the model implies, in sorted order.
    public var holdings: [Holding] { views.holdings.value }
    /// What feeds each holding, in model order.
    public var contributions: [Holding: [Contribution]] { views.contributions.value }
    /// Flows that read each holding (their sender's copy).
    public var readers: [Holding: [Int]] { views.readers.value }
    /// Transforms that read each holding.
    public var transformReaders: [Holding: [Int]] { views.transformReaders.value }
    /// Datasets held at each organisation, sorted.
    public var datasetsAt: [String: [String]] { views.datasetsAt.value }

    private struct Views: Sendable {
        let flowsFrom: Lazy<[String: [Int]]>
        let flowsTo: Lazy<[String: [Int]]>
        let holdings: Lazy<[Holding]>
        let contributions: Lazy<[Holding: [Contribution]]>
        let readers: Lazy<[Holding: [Int]]>
        let transformReaders: Lazy<[Holding: [Int]]>
        let datasetsAt: Lazy<[String: [String]]>

        init(_ tables: FlowGraphTables) {
            flowsFrom = Lazy { tables.byOrganisation(tables.flowsFrom) }
            flowsTo = Lazy { tables.byOrganisation(tables.flowsTo) }
            holdings = Lazy { (0..<tables.holdings.count).map(tables.holding) }
            contributions = Lazy { tables.nonEmptyRows(tables.contributions) }
            readers = Lazy { tables.nonEmptyRows(tables.readers) }
            transformReaders = Lazy { tables.nonEmptyRows(tables.transformReaders) }
            datasetsAt = Lazy {
                var result: [String: [String]] = [:]
                for id in 0..<tables.organisations.count {
                    let held = tables.holdings.holdings(of: id)
                    if !held.isEmpty { result[tables.organisations.names[id]] = held.map { tables.datasets.names[tables.holdings.dataset[$0]] } }
                }
                return result
            }
        }
    }
}
