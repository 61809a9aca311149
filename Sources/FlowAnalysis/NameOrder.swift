/// The order of names under `String`'s `<`, found mostly by comparing integers. For ASCII names
/// that order is the order of their bytes, so each name's first sixteen bytes, big-endian and
/// padded with zeros, order it against any name they differ from; only names sharing those bytes
/// are compared as strings. (A name that ends first pads with zeros, which no byte is below, so a
/// shorter prefix still sorts first.) Other names are all compared as strings.
enum NameOrder {
    private struct Key {
        var high: UInt64 = 0
        var low: UInt64 = 0
        var isASCII = true
    }

    /// The indices of `names`, in the order of the names they index.
    static func sorted(_ names: [String]) -> [Int] {
        sorted(names, in: names.indices).indices
    }

    /// Indices sorted by the names they index, with each one's key when every name is ASCII (the
    /// keys then order them), so that two runs sorted on two cores can be merged.
    struct Run: Sendable {
        let indices: [Int]
        let keys: [(high: UInt64, low: UInt64)]?
    }

    /// The indices in `range`, in the order of the names they index.
    static func sorted(_ names: [String], in range: Range<Int>) -> Run {
        var keys: [(high: UInt64, low: UInt64, index: Int)] = []
        keys.reserveCapacity(range.count)
        for index in range {
            let key = names[index].utf8.withContiguousStorageIfAvailable(key(of:)) ?? Key(isASCII: false)
            guard key.isASCII else { return Run(indices: range.sorted { names[$0] < names[$1] }, keys: nil) }
            keys.append((key.high, key.low, index))
        }
        keys.sort { lhs, rhs in
            if lhs.high != rhs.high { return lhs.high < rhs.high }
            if lhs.low != rhs.low { return lhs.low < rhs.low }
            return names[lhs.index] < names[rhs.index]
        }
        return Run(indices: keys.map(\.index), keys: keys.map { ($0.high, $0.low) })
    }

    /// Two runs over distinct names merged into one order.
    static func merged(_ first: Run, _ second: Run, of names: [String]) -> [Int] {
        func precedes(_ lhs: Int, _ rhs: Int) -> Bool {
            if let firstKeys = first.keys, let secondKeys = second.keys {
                let (left, right) = (firstKeys[lhs], secondKeys[rhs])
                if left.high != right.high { return left.high < right.high }
                if left.low != right.low { return left.low < right.low }
            }
            return names[first.indices[lhs]] < names[second.indices[rhs]]
        }
        var result: [Int] = []
        result.reserveCapacity(first.indices.count + second.indices.count)
        var (lhs, rhs) = (0, 0)
        while lhs < first.indices.count, rhs < second.indices.count {
            if precedes(lhs, rhs) {
                result.append(first.indices[lhs])
                lhs += 1
            } else {
                result.append(second.indices[rhs])
                rhs += 1
            }
        }
        result += first.indices[lhs...]
        result += second.indices[rhs...]
        return result
    }

    private static func key(of bytes: UnsafeBufferPointer<UInt8>) -> Key {
        let raw = UnsafeRawBufferPointer(bytes)
        let count = raw.count
        guard count >= 16 else { return shortKey(of: raw) }
        // Any byte with its top bit set makes the name non-ASCII; the last word may overlap.
        var allBits: UInt64 = 0
        var offset = 0
        while offset + 8 <= count {
            allBits |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            offset += 8
        }
        allBits |= raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        return Key(
            high: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 0, as: UInt64.self)),
            low: UInt64(bigEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)),
            isASCII: allBits & 0x8080_8080_8080_8080 == 0
        )
    }

    private static func shortKey(of raw: UnsafeRawBufferPointer) -> Key {
        var key = Key()
        var any: UInt8 = 0
        for offset in 0..<raw.count {
            let byte = raw[offset]
            any |= byte
            if offset < 8 {
                key.high |= UInt64(byte) << UInt64(56 - 8 * offset)
            } else {
                key.low |= UInt64(byte) << UInt64(120 - 8 * offset)
            }
        }
        key.isASCII = any < 0x80
        return key
    }
}
