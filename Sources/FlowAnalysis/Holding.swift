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
