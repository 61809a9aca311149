import FlowLanguage

/// Names numbered densely in String order, so tables indexed by id come out sorted and comparing
/// ids compares names.
public struct NameTable: Sendable {
    /// By id, sorted.
    public let names: [String]
    /// Looks names up by their first-seen numbers.
    private let interner: NameInterner
    /// First-seen number -> id.
    private let rank: [Int]

    init(_ interner: NameInterner) {
        self.init(interner, order: NameOrder.sorted(interner.names))
    }

    /// `order`: the interner's numbers in the order of their names.
    init(_ interner: NameInterner, order: [Int]) {
        var rank = [Int](repeating: 0, count: order.count)
        for (id, seen) in order.enumerated() { rank[seen] = id }
        self.names = order.map { interner.names[$0] }
        self.interner = interner
        self.rank = rank
    }

    public var count: Int { names.count }

    public func id(_ name: String) -> Int? {
        interner.number(of: name).map { rank[$0] }
    }

    /// The id of a name `NameInterner.intern` numbered `seen`.
    func id(firstSeen seen: Int) -> Int { rank[seen] }

    func ids(firstSeen numbers: [Int]) -> [Int] { numbers.map { rank[$0] } }
}
