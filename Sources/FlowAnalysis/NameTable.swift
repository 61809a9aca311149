/// Names numbered densely in String order, so tables indexed by id come out sorted and comparing
/// ids compares names.
public struct NameTable: Sendable {
    /// By id, sorted.
    public let names: [String]
    private let firstSeen: [String: Int]
    /// First-seen number -> id.
    private let rank: [Int]

    init(_ interner: NameInterner) {
        // Sorting (name, number) pairs compares the strings in place, without a retain per comparison.
        let sorted = zip(interner.names, interner.names.indices).sorted { $0.0 < $1.0 }
        var rank = [Int](repeating: 0, count: sorted.count)
        for (id, entry) in sorted.enumerated() { rank[entry.1] = id }
        self.names = sorted.map(\.0)
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

    /// Numbers `other`'s names here too; the result maps `other`'s numbers to these.
    mutating func absorb(_ other: NameInterner) -> [Int] {
        other.names.map { intern($0) }
    }

    private static func read(_ value: inout Int) -> Int { value }
}
