/// Gives each distinct long word of one file a single `String`. An estate writes every name many
/// times, and decoding each occurrence into a string of its own cost an allocation per token;
/// words short enough for `String` to keep inline cost none and are decoded directly. (Quoted
/// strings are mostly titles, each written once, and are not interned.)
struct TextInterner: Sendable {
    /// `String` stores up to 15 UTF-8 bytes inline (on 64-bit platforms).
    static let inlineLimit = 15

    private struct Entry: Sendable {
        let hash: UInt64
        let start: Int
        let count: Int
        let text: String
    }

    /// Open addressing: each slot is an index into `entries`, or -1; the count is a power of two.
    private var slots: [Int32] = []
    private var entries: [Entry] = []

    /// The text of `bytes[range]`; `bytes` must be the same file's bytes on every call.
    mutating func text(of bytes: [UInt8], _ range: Range<Int>) -> String {
        guard range.count > Self.inlineLimit else { return String(decoding: bytes[range], as: UTF8.self) }
        return bytes.withUnsafeBufferPointer { intern(UnsafeBufferPointer(rebasing: $0[range]), start: range.lowerBound, in: $0) }
    }

    private mutating func intern(_ wanted: UnsafeBufferPointer<UInt8>, start: Int, in bytes: UnsafeBufferPointer<UInt8>) -> String {
        if entries.count * 2 >= slots.count { grow() }
        let hash = ByteHash.hash(wanted)
        let mask = slots.count - 1
        var slot = ByteHash.slot(of: hash, shift: ByteHash.slotShift(forCount: slots.count))
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if entries[index].hash == hash, entries[index].count == wanted.count,
               ByteHash.equal(wanted, UnsafeBufferPointer(rebasing: bytes[entries[index].start..<(entries[index].start + wanted.count)])) {
                return entries[index].text
            }
            slot = (slot + 1) & mask
        }
        let text = String(decoding: wanted, as: UTF8.self)
        slots[slot] = Int32(entries.count)
        entries.append(Entry(hash: hash, start: start, count: wanted.count, text: text))
        return text
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: max(256, slots.count * 2))
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = ByteHash.slot(of: entry.hash, shift: ByteHash.slotShift(forCount: slots.count))
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }
}
