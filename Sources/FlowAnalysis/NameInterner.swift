/// Numbers names in the order they are first seen, hashing each occurrence once (`NameHash`).
/// Open addressing: each slot holds a name's number, or -1; the slot count is a power of two, kept
/// at least twice the number of names. Names with different bytes get different numbers: for the
/// ASCII words the language's names are (`Lexer.isWordContinuation`) that is `String` equality.
struct NameInterner: Sendable {
    private(set) var names: [String] = []
    /// Per name number: its hash, so growing the table or absorbing names never hashes one again.
    private var hashes: [UInt64] = []
    private var slots: [Int32]

    init(capacity: Int) {
        names.reserveCapacity(capacity)
        hashes.reserveCapacity(capacity)
        var slotCount = 16
        while slotCount < capacity * 2 { slotCount *= 2 }
        slots = [Int32](repeating: -1, count: slotCount)
    }

    var count: Int { names.count }

    mutating func intern(_ name: String) -> Int {
        intern(name, hash: NameHash.of(name))
    }

    /// The number of a name already interned.
    func number(of name: String) -> Int? {
        find(name, hash: NameHash.of(name)).number
    }

    /// Numbers `other`'s names here too; the result maps `other`'s numbers to these.
    mutating func absorb(_ other: NameInterner) -> [Int] {
        var numbers: [Int] = []
        numbers.reserveCapacity(other.count)
        for index in other.names.indices { numbers.append(intern(other.names[index], hash: other.hashes[index])) }
        return numbers
    }

    private mutating func intern(_ name: String, hash: UInt64) -> Int {
        if names.count * 2 >= slots.count { grow() }
        let (slot, found) = find(name, hash: hash)
        if let found { return found }
        slots[slot] = Int32(names.count)
        names.append(name)
        hashes.append(hash)
        return names.count - 1
    }

    /// The name's number if it is here, and the slot it is in or would go in.
    private func find(_ name: String, hash: UInt64) -> (slot: Int, number: Int?) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let number = Int(slots[slot])
            if hashes[number] == hash, names[number] == name { return (slot, number) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number)
        }
    }
}
