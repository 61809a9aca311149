/// A fixed set of spellings (keywords, property names, a vocabulary's values), each found by its
/// index straight from a token's bytes: matching every property line's name and most values
/// through a `String` of each cost an allocation-free but still sizeable decode and SipHash.
public struct SpellingTable: Sendable {
    /// Every spelling's UTF-8 bytes, one after another, and where each one's are (in the order
    /// they were added).
    private var utf8: [UInt8] = []
    private var ranges: [Range<Int>] = []
    /// Open addressing: each slot is an index into `ranges`, or -1; the count is a power of two at
    /// least four times the number of spellings, so probes are short.
    private var slots: [Int32] = [-1, -1, -1, -1]

    public init() {}

    public var count: Int { ranges.count }

    /// In the order they were added.
    public var spellings: [String] { ranges.map { String(decoding: utf8[$0], as: UTF8.self) } }

    public func index(of spelling: String) -> Int? {
        var spelling = spelling
        return spelling.withUTF8(index(ofUTF8:))
    }

    /// The index of a token's text (a word, or a string's value).
    public func index(of token: Token) -> Int? {
        token.withUTF8(index(ofUTF8:))
    }

    func index(ofUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let mask = slots.count - 1
        var slot = ByteHash.slot(of: ByteHash.hash(bytes), shift: ByteHash.slotShift(forCount: slots.count))
        return utf8.withUnsafeBufferPointer { utf8 in
            while slots[slot] >= 0 {
                let index = Int(slots[slot])
                if ByteHash.equal(UnsafeBufferPointer(rebasing: utf8[ranges[index]]), bytes) { return index }
                slot = (slot + 1) & mask
            }
            return nil
        }
    }

    /// Adds `spelling` unless present; returns its index either way.
    @discardableResult
    public mutating func insert(_ spelling: String) -> Int {
        if let index = index(of: spelling) { return index }
        ranges.append(utf8.count..<(utf8.count + spelling.utf8.count))
        utf8.append(contentsOf: spelling.utf8)
        if ranges.count * 4 > slots.count {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            for index in ranges.indices { place(index) }
        } else {
            place(ranges.count - 1)
        }
        return ranges.count - 1
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        let hash = utf8.withUnsafeBufferPointer { ByteHash.hash(UnsafeBufferPointer(rebasing: $0[ranges[index]])) }
        var slot = ByteHash.slot(of: hash, shift: ByteHash.slotShift(forCount: slots.count))
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index)
    }
}
