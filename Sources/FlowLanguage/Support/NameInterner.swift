/// Numbers names in the order they are first seen, hashing each occurrence's UTF-8 bytes once
/// (`ByteHash`): the resolver's namespace and the analysis's dense ids both number names this way.
/// Open addressing: each slot holds a name's number, or -1; the slot count is a power of two, kept
/// at least twice the number of names. Names with different bytes get different numbers: for the
/// ASCII words the language's names are (`Lexer.isWordContinuation`) that is `String` equality.
public struct NameInterner: Sendable {
    public private(set) var names: [String] = []
    /// Per name number: its hash, so growing the table or absorbing names never hashes one again.
    // Internal, not private, so that lookups can be inlined where they run for every flow.
    @usableFromInline var hashes: [UInt64] = []
    @usableFromInline var slots: [Int32]
    /// For `ByteHash.slot(of:shift:)`.
    @usableFromInline var slotShift: UInt64

    public init(capacity: Int) {
        names.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount *= 2 }
        slots = [Int32](repeating: -1, count: slotCount)
        slotShift = ByteHash.slotShift(forCount: slotCount)
    }

    public var count: Int { names.count }

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

    /// The name's number, given its `ByteHash.hash(of:)`, and whether it was new (numbered now).
    public mutating func intern(_ name: String, hash: UInt64) -> (number: Int, isNew: Bool) {
        if names.count * 2 >= slots.count { grow() }
        let (slot, found) = find(name, hash: hash)
        if let found { return (found, false) }
        slots[slot] = Int32(names.count)
        names.append(name)
        hashes.append(hash)
        return (names.count - 1, true)
    }

    /// The name's number if it is here, and the slot it is in or would go in.
    @inlinable
    func find(_ name: String, hash: UInt64) -> (slot: Int, number: Int?) {
        let mask = slots.count - 1
        var slot = ByteHash.slot(of: hash, shift: slotShift)
        while slots[slot] >= 0 {
            let number = Int(slots[slot])
            if hashes[number] == hash, names[number] == name { return (slot, number) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    @usableFromInline
    mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        slotShift -= 1
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = ByteHash.slot(of: hash, shift: slotShift)
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}
