import FlowLanguage

/// Numbers names in the order they are first seen: the analysis's own interner, for the tables
/// that every flow's names go through.
///
/// `ByteHash` mixes each eight-byte word only once, so the low bits of a short name's hash depend
/// on its first few bytes: masking them, as `NameInterner` does, put `gp-9600` … `gp-9699` in one
/// run of slots (19 probes per organisation on average at 100k flows, 278 at worst). Here the slot
/// is the top bits of the hash multiplied once more, which every byte reaches. Each slot also
/// keeps the top half of its name's hash, so a probe that passes other names compares integers in
/// the slot array instead of loading their hashes from another array (a cache miss each).
struct NameNumbering: Sendable {
    private(set) var names: [String] = []
    /// Per name number: its hash, so growing the table or absorbing names never hashes one again.
    private var hashes: [UInt64] = []
    /// Per slot: 0 when empty, else the top 32 bits of the name's hash above its number + 1.
    private var slots: [UInt64]
    /// 64 minus log2 of the slot count: the slot is the top bits of the spread hash.
    private var shift: UInt64

    init(capacity: Int) {
        names.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
        var slotCount = 16
        var shift: UInt64 = 60
        while slotCount < capacity * 2 {
            slotCount *= 2
            shift -= 1
        }
        self.slots = [UInt64](repeating: 0, count: slotCount)
        self.shift = shift
    }

    var count: Int { names.count }

    @inline(__always)
    mutating func intern(_ name: String) -> Int {
        intern(name, hash: ByteHash.hash(of: name))
    }

    /// The name's number, given its `ByteHash.hash(of:)`.
    @inline(__always)
    mutating func intern(_ name: String, hash: UInt64) -> Int {
        if names.count * 2 >= slots.count { grow() }
        let (slot, found) = find(name, hash: hash)
        if let found { return found }
        slots[slot] = NameNumbering.entry(number: names.count, hash: hash)
        names.append(name)
        hashes.append(hash)
        return names.count - 1
    }

    /// The number of a name already interned.
    @inline(__always)
    func number(of name: String) -> Int? {
        find(name, hash: ByteHash.hash(of: name)).number
    }

    /// Numbers `other`'s names here too; the result maps `other`'s numbers to these.
    mutating func absorb(_ other: NameNumbering) -> [Int] {
        var numbers: [Int] = []
        numbers.reserveCapacity(other.count)
        for index in other.names.indices { numbers.append(intern(other.names[index], hash: other.hashes[index])) }
        return numbers
    }

    /// Per name of `other`: its number here, if it is here. Only reads, so several numberings can
    /// be looked up in this one on several cores at once before `absorb(_:found:)`.
    func numbers(of other: NameNumbering) -> [Int?] {
        other.names.indices.map { find(other.names[$0], hash: other.hashes[$0]).number }
    }

    /// `absorb(other)`, given `numbers(of: other)` from before any name was added: only the names
    /// not found are looked up again.
    mutating func absorb(_ other: NameNumbering, found: [Int?]) -> [Int] {
        other.names.indices.map { found[$0] ?? intern(other.names[$0], hash: other.hashes[$0]) }
    }

    /// The name's number if it is here, and the slot it is in or would go in.
    @inline(__always)
    private func find(_ name: String, hash: UInt64) -> (slot: Int, number: Int?) {
        let mask = slots.count - 1
        let tag = hash >> 32
        var slot = NameNumbering.home(of: hash, shift: shift)
        while case let entry = slots[slot], entry != 0 {
            if entry >> 32 == tag {
                let number = Int(truncatingIfNeeded: entry & 0xFFFF_FFFF) - 1
                if names[number] == name { return (slot, number) }
            }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    @inline(__always)
    private static func home(of hash: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    @inline(__always)
    private static func entry(number: Int, hash: UInt64) -> UInt64 {
        (hash >> 32) << 32 | UInt64(number + 1)
    }

    private mutating func grow() {
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        shift -= 1
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = NameNumbering.home(of: hash, shift: shift)
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = NameNumbering.entry(number: number, hash: hash)
        }
    }
}
