/// A fixed set of spellings (property names, a vocabulary's values) and what each stands for,
/// found by a cheap hash of the spelling's bytes. Lowering looks up every property name and most
/// values; a `Dictionary` hashed each with SipHash, and a `String`-backed enum's `init(rawValue:)`
/// compared the text with every case in turn.
struct SpellingIndex<Value: Sendable>: Sendable {
    /// In the order they were added.
    private(set) var spellings: [String] = []
    private var values: [Value] = []
    /// Open addressing: each slot is an index into `spellings`, or -1; the count is a power of two
    /// at least four times the number of spellings, so probes are short.
    private var slots: [Int32] = [-1, -1, -1, -1]

    init() {}

    init(_ pairs: some Sequence<(String, Value)>) {
        for (spelling, value) in pairs { insert(spelling, value) }
    }

    var count: Int { spellings.count }

    func index(of spelling: String) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(spelling) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if spellings[index] == spelling { return index }
            slot = (slot + 1) & mask
        }
        return nil
    }

    subscript(spelling: String) -> Value? {
        index(of: spelling).map { values[$0] }
    }

    /// The value at `index(of:)`'s answer.
    func value(at index: Int) -> Value { values[index] }

    /// Adds `spelling`, or replaces its value when it is already present.
    mutating func insert(_ spelling: String, _ value: Value) {
        if let index = index(of: spelling) {
            values[index] = value
            return
        }
        spellings.append(spelling)
        values.append(value)
        if spellings.count * 4 > slots.count {
            rebuildSlots(count: slots.count * 2)
        } else {
            place(spellings.count - 1)
        }
    }

    private mutating func rebuildSlots(count: Int) {
        slots = [Int32](repeating: -1, count: count)
        for index in spellings.indices { place(index) }
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var slot = Self.hash(spellings[index]) & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }

    /// FNV-1a over the UTF-8 bytes: spellings are short, and native strings (small or not) give
    /// their bytes without copying.
    private static func hash(_ spelling: String) -> Int {
        spelling.utf8.withContiguousStorageIfAvailable(hash(bytes:))
            ?? Array(spelling.utf8).withUnsafeBufferPointer(hash(bytes:))
    }

    private static func hash(bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return Int(truncatingIfNeeded: hash ^ (hash >> 32))
    }
}
