/// Numbers names in the order they are first seen, hashing each occurrence's UTF-8 bytes once
/// (`ByteHash`): the resolver's namespace, the analysis's dense ids and the rules' name indexes all
/// number names this way. Names with different bytes get different numbers: for the ASCII words
/// the language's names are (`Lexer.isWordContinuation`) that is `String` equality.
///
/// Open addressing over a power-of-two slot count kept at least twice the number of names. A
/// name's first slot is the top bits of its hash multiplied once more (`ByteHash.slot`): the low
/// bits of a short name's hash follow its first bytes, and masking them put `gp-9600` … `gp-9699`
/// in one run of slots. Each slot holds the top half of its name's hash beside the name's number
/// (0 for an empty slot), so a probe passing other names compares integers in the slot array
/// rather than loading their hashes from another array, a cache miss each.
public struct NameInterner: Sendable {
    public private(set) var names: [String] = []
    /// Per name number: its hash, so growing the table or absorbing names never hashes one again.
    // Internal, not private, so that lookups can be inlined where they run for every flow.
    @usableFromInline var hashes: [UInt64] = []
    @usableFromInline var slots: [UInt64]
    /// For `ByteHash.slot(of:shift:)`.
    @usableFromInline var slotShift: UInt64

    public init(capacity: Int) {
        names.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount *= 2 }
        slots = [UInt64](repeating: 0, count: slotCount)
        slotShift = ByteHash.slotShift(forCount: slotCount)
    }

    public var count: Int { names.count }

    @inlinable
    public mutating func intern(_ name: String) -> Int {
        intern(name, hash: ByteHash.hash(of: name)).number
    }

    /// The number of a name already interned.
    @inlinable
    public func number(of name: String) -> Int? {
        number(of: name, hash: ByteHash.hash(of: name))
    }

    /// The number of a name already interned, given its `ByteHash.hash(of:)`.
    @inlinable
    public func number(of name: String, hash: UInt64) -> Int? {
        find(name, hash: hash).number
    }

    /// Numbers `other`'s names here too; the result maps `other`'s numbers to these.
    public mutating func absorb(_ other: NameInterner) -> [Int] {
        var numbers: [Int] = []
        numbers.reserveCapacity(other.count)
        for index in other.names.indices { numbers.append(intern(other.names[index], hash: other.hashes[index]).number) }
        return numbers
    }

    /// Per name of `other`: its number here, if it is here. Only reads, so several interners can
    /// be looked up in this one on several cores at once before `absorb(_:found:)`.
    public func numbers(of other: NameInterner) -> [Int?] {
        other.names.indices.map { find(other.names[$0], hash: other.hashes[$0]).number }
    }

    /// `absorb(other)`, given `numbers(of: other)` from before any name was added: only the names
    /// not found are looked up again.
    public mutating func absorb(_ other: NameInterner, found: [Int?]) -> [Int] {
        other.names.indices.map { found[$0] ?? intern(other.names[$0], hash: other.hashes[$0]).number }
    }

    /// The name's number, given its `ByteHash.hash(of:)`, and whether it was new (numbered now).
    public mutating func intern(_ name: String, hash: UInt64) -> (number: Int, isNew: Bool) {
        if names.count * 2 >= slots.count { grow() }
        let (slot, found) = find(name, hash: hash)
        if let found { return (found, false) }
        slots[slot] = Self.slotEntry(number: names.count, hash: hash)
        names.append(name)
        hashes.append(hash)
        return (names.count - 1, true)
    }

    /// The name's number if it is here, and the slot it is in or would go in.
    @inlinable
    func find(_ name: String, hash: UInt64) -> (slot: Int, number: Int?) {
        let mask = slots.count - 1
        let tag = hash >> 32
        var slot = ByteHash.slot(of: hash, shift: slotShift)
        while case let entry = slots[slot], entry != 0 {
            if entry >> 32 == tag {
                let number = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if names[number] == name { return (slot, number) }
            }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    /// The top half of the hash, and the number plus one (so that no entry is 0).
    static func slotEntry(number: Int, hash: UInt64) -> UInt64 {
        (hash >> 32) << 32 | UInt64(number + 1)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        slotShift -= 1
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = ByteHash.slot(of: hash, shift: slotShift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Self.slotEntry(number: number, hash: hash)
        }
    }
}
