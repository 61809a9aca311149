/// Hashing and comparing short byte strings (words, spellings) eight bytes at a time: a word is
/// only a few such steps, where a byte-at-a-time loop or `Hasher` cost several times as much.
/// Public for the analysis's name interner: model names are short and need no protection from
/// chosen collisions, so `String`'s SipHash is more than they need.
public enum ByteHash {
    /// The bytes as little-endian 64-bit words, the last one padded with zeros, each multiplied
    /// and folded in; the length seeds it, so the padding cannot collide.
    @inlinable
    public static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(bytes)
        var hash = UInt64(raw.count)
        func mix(_ word: UInt64) {
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        var offset = 0
        while offset + 8 <= raw.count {
            mix(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
            offset += 8
        }
        let rest = raw.count - offset
        if rest > 0 { mix(lastWord(raw, rest: rest)) }
        return hash
    }

    /// The last `rest` (1–7) bytes as a zero-padded little-endian word, read with whole loads that
    /// stay inside the buffer rather than byte by byte.
    @usableFromInline
    static func lastWord(_ raw: UnsafeRawBufferPointer, rest: Int) -> UInt64 {
        let count = raw.count
        if count >= 8 {
            // The final eight bytes, shifted so that only the last `rest` remain.
            return UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) >> (8 * UInt64(8 - rest))
        }
        if count >= 4 {
            let low = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self)))
            let high = UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
            return low | (high >> (8 * UInt64(8 - count))) << 32
        }
        var word: UInt64 = 0
        for index in 0..<count { word |= UInt64(raw[index]) << (8 * UInt64(index)) }
        return word
    }

    /// A hash's first slot in an open-addressing table of `1 << (64 - shift)` slots: the top bits
    /// of the hash multiplied once more (Fibonacci hashing). The low bits of `hash(_:)` depend
    /// mostly on the first bytes, so masking them clustered names sharing a prefix
    /// (`practice-00050-…`) into long probe runs.
    @inlinable
    public static func slot(of hash: UInt64, shift: UInt64) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> shift)
    }

    /// The `shift` for `slot(of:shift:)` in a table of `count` slots (a power of two).
    @inlinable
    public static func slotShift(forCount count: Int) -> UInt64 {
        UInt64(64 - count.trailingZeroBitCount)
    }

    @inlinable
    public static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        var offset = 0
        let raw = (UnsafeRawBufferPointer(lhs), UnsafeRawBufferPointer(rhs))
        while offset + 8 <= lhs.count {
            if raw.0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) != raw.1.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
            offset += 8
        }
        while offset < lhs.count {
            if lhs[offset] != rhs[offset] { return false }
            offset += 1
        }
        return true
    }

    /// The hash of a string's UTF-8 bytes, read in place when the string is stored contiguously.
    @inlinable
    public static func hash(of string: String) -> UInt64 {
        string.utf8.withContiguousStorageIfAvailable(hash) ?? Array(string.utf8).withUnsafeBufferPointer(hash)
    }
}
