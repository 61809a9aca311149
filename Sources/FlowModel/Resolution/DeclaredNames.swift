import FlowLanguage

/// The model's one namespace: each declared name with its kind and where it is declared.
///
/// Names are split between two shards by a bit of their hash (worked out by lowering, on all
/// cores), and each shard is filled on a core of its own, in declaration order: every declaration
/// of one name lands in the same shard, so the first of them is found first as it was when one
/// core entered every name.
struct DeclaredNames: Sendable {
    struct Entry: Sendable {
        let kind: DeclarationKind
        let span: SourceSpan
        /// The declaration's place in declaration order (see `Resolver`).
        let order: Int
    }

    struct Shard: Sendable {
        fileprivate var numbers: NameInterner
        /// By name number.
        fileprivate var entries: [Entry] = []
        /// By name number: where the name was first declared (entries can be replaced).
        fileprivate var firstOrders: [Int] = []

        init(capacity: Int) {
            numbers = NameInterner(capacity: capacity)
            entries.reserveCapacity(capacity)
            firstOrders.reserveCapacity(capacity)
        }

        /// Enters `name` unless it is already declared; returns its number, and the earlier
        /// declaration if there was one.
        mutating func add(_ name: String, hash: UInt64, _ entry: Entry) -> (number: Int, earlier: Entry?) {
            let (number, isNew) = numbers.intern(name, hash: hash)
            guard isNew else { return (number, entries[number]) }
            entries.append(entry)
            firstOrders.append(entry.order)
            return (number, nil)
        }

        /// Gives the declared name `number` (as `add` returned it) another declaration.
        mutating func replace(_ number: Int, with entry: Entry) {
            entries[number] = entry
        }
    }

    static let shardCount = 2

    /// The shard a name with this hash belongs to (its top bit; slots come from the bits below).
    static func shard(of hash: UInt64) -> Int { Int(truncatingIfNeeded: hash >> 63) }

    private var shards: [Shard]

    init(shards: [Shard]) {
        precondition(shards.count == Self.shardCount)
        self.shards = shards
    }

    /// An empty namespace.
    init() {
        shards = (0..<Self.shardCount).map { _ in Shard(capacity: 0) }
    }

    subscript(name: String) -> Entry? {
        let hash = ByteHash.hash(of: name)
        let shard = shards[Self.shard(of: hash)]
        return shard.numbers.number(of: name, hash: hash).map { shard.entries[$0] }
    }

    /// The declared names whose declaration satisfies `predicate`, in the order they were first
    /// declared, for suggestions.
    func names(where predicate: (Entry) -> Bool) -> [String] {
        shards.flatMap { shard in
            shard.entries.indices.filter { predicate(shard.entries[$0]) }.map { (order: shard.firstOrders[$0], name: shard.numbers.names[$0]) }
        }
        .sorted { $0.order < $1.order }.map(\.name)
    }
}
