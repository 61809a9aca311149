/// A hash of a name's UTF-8 bytes, eight at a time. `String`'s own hashing (SipHash through
/// `Hasher`, with its normalisation checks) cost more than everything else in interning the
/// model's names, which are short and need no protection from chosen collisions.
enum NameHash {
    static func of(_ name: String) -> UInt64 {
        name.utf8.withContiguousStorageIfAvailable(of(bytes:)) ?? Array(name.utf8).withUnsafeBufferPointer(of(bytes:))
    }

    static func of(bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(bytes)
        let count = raw.count
        var state = 0x243F_6A88_85A3_08D3 ^ UInt64(count)
        func mix(_ word: UInt64) {
            state = (state ^ word) &* 0xFF51_AFD7_ED55_8CCD
            state ^= state >> 32
        }
        if count >= 8 {
            var offset = 0
            while offset + 8 <= count {
                mix(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                offset += 8
            }
            // The last eight bytes, overlapping the words before: no byte-by-byte tail.
            if offset < count { mix(raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) }
        } else {
            var word: UInt64 = 0
            for index in 0..<count { word |= UInt64(raw[index]) << UInt64(8 * index) }
            mix(word)
        }
        // The table indexes by the low bits: fold the high ones in.
        return (state &* 0xC4CE_B9FE_1A85_EC53) ^ (state >> 29)
    }
}
