import FlowModel

/// Where a dataset is held: the node of the lineage graph.
public struct Holding: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let organisation: String
    public let dataset: String

    public init(_ organisation: String, _ dataset: String) {
        self.organisation = organisation
        self.dataset = dataset
    }

    public var description: String { "\(dataset)@\(organisation)" }

    public static func < (lhs: Holding, rhs: Holding) -> Bool {
        (lhs.organisation, lhs.dataset) < (rhs.organisation, rhs.dataset)
    }
}

/// How data came to be held somewhere: a flow into the holder, or a transform at the holder.
public enum Contribution: Sendable, Hashable {
    /// Index into `model.flows`.
    case flow(Int)
    /// Index into `model.transforms`.
    case transform(Int)
}

/// The flow graph (organisations and flows) and the dataset lineage graph (holdings linked by
/// flows and transforms), as index tables over the model.
public struct FlowGraph: Sendable {
    public let flowsFrom: [String: [Int]]
    public let flowsTo: [String: [Int]]
    /// Every (organisation, dataset) pair the model implies, in sorted order.
    public let holdings: [Holding]
    /// What feeds each holding, in model order.
    public let contributions: [Holding: [Contribution]]
    /// Flows that read each holding (their sender's copy).
    public let readers: [Holding: [Int]]
    /// Transforms that read each holding.
    public let transformReaders: [Holding: [Int]]
    /// Datasets held at each organisation, sorted.
    public let datasetsAt: [String: [String]]

    public init(model: SemanticModel) {
        var flowsFrom: [String: [Int]] = [:]
        var flowsTo: [String: [Int]] = [:]
        var contributions: [Holding: [Contribution]] = [:]
        var readers: [Holding: [Int]] = [:]
        var transformReaders: [Holding: [Int]] = [:]
        var all: Set<Holding> = []
        for (index, flow) in model.flows.enumerated() {
            flowsFrom[flow.from.name, default: []].append(index)
            flowsTo[flow.to.name, default: []].append(index)
            let source = Holding(flow.from.name, flow.dataset.name)
            let target = Holding(flow.to.name, flow.dataset.name)
            readers[source, default: []].append(index)
            contributions[target, default: []].append(.flow(index))
            all.insert(source)
            all.insert(target)
        }
        for (index, transform) in model.transforms.enumerated() {
            let output = Holding(transform.holder.name, transform.output)
            contributions[output, default: []].append(.transform(index))
            all.insert(output)
            for input in transform.inputs {
                let holding = Holding(transform.holder.name, input.name)
                transformReaders[holding, default: []].append(index)
                all.insert(holding)
            }
        }
        // Data declared as collected at a source is held there from the start.
        for dataset in model.sortedDatasets {
            for source in dataset.sources { all.insert(Holding(source.name, dataset.id)) }
        }
        var datasetsAt: [String: [String]] = [:]
        for holding in all { datasetsAt[holding.organisation, default: []].append(holding.dataset) }
        self.flowsFrom = flowsFrom
        self.flowsTo = flowsTo
        self.holdings = all.sorted()
        self.contributions = contributions
        self.readers = readers
        self.transformReaders = transformReaders
        self.datasetsAt = datasetsAt.mapValues { $0.sorted() }
    }
}
