/// Names numbered densely in String order, so tables indexed by id come out sorted and comparing
/// ids compares names.
public struct NameTable: Sendable {
    /// By id, sorted.
    public let names: [String]
    private let firstSeen: [String: Int]
    /// First-seen number -> id.
    private let rank: [Int]

    init(_ interner: NameInterner) {
        let order = interner.names.indices.sorted { interner.names[$0] < interner.names[$1] }
        var rank = [Int](repeating: 0, count: order.count)
        for (id, seen) in order.enumerated() { rank[seen] = id }
        self.names = order.map { interner.names[$0] }
        self.firstSeen = interner.ids
        self.rank = rank
    }

    public var count: Int { names.count }

    public func id(_ name: String) -> Int? {
        firstSeen[name].map { rank[$0] }
    }

    /// The id of a name `NameInterner.intern` numbered `seen`.
    func id(firstSeen seen: Int) -> Int { rank[seen] }
}

/// Numbers names in the order they are first seen, hashing each occurrence once.
struct NameInterner {
    private(set) var ids: [String: Int] = [:]
    private(set) var names: [String] = []

    init(capacity: Int) {
        ids.reserveCapacity(capacity)
    }

    mutating func intern(_ name: String) -> Int {
        let next = names.count
        // One lookup that inserts `next` when the name is new.
        let id = NameInterner.read(&ids[name, default: next])
        if id == next { names.append(name) }
        return id
    }

    private static func read(_ value: inout Int) -> Int { value }
}
