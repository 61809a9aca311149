import FlowLanguage

/// Opt-out sets as rows of bits in one flat array, one row per holding or flow: unions and
/// intersections are word operations, and no set is allocated per holding.
struct OptOutBits: Sendable {
    /// Bit -> opt-out name.
    let names: [String]
    let words: Int
    /// Name -> bit.
    private let bits: NameInterner

    /// Bit `i` is the opt-out `interner` numbered `i`: every opt-out any set can hold.
    init(_ interner: NameInterner) {
        self.names = interner.names
        self.words = max(1, (names.count + 63) / 64)
        self.bits = interner
    }

    /// Rows of bits from each row's bit numbers (`Adjacency` rows).
    func rows(_ members: Adjacency<Int>) -> [UInt64] {
        var result = [UInt64](repeating: 0, count: members.rowCount * words)
        for row in 0..<members.rowCount {
            for index in members[row] { result[row * words + index / 64] |= 1 << UInt64(index % 64) }
        }
        return result
    }

    /// A row with the bits of `members` set.
    func row(_ members: some Sequence<String>) -> [UInt64] {
        var row = [UInt64](repeating: 0, count: words)
        for name in members {
            let index = bits.number(of: name)!
            row[index / 64] |= 1 << UInt64(index % 64)
        }
        return row
    }

    /// Whether `rows[row]` has the opt-out `name`.
    func contains(_ rows: [UInt64], _ row: Int, _ name: String) -> Bool {
        guard let index = bits.number(of: name) else { return false }
        return rows[row * words + index / 64] & (1 << UInt64(index % 64)) != 0
    }

    /// The opt-outs in `rows[row]`.
    func set(_ rows: [UInt64], _ row: Int) -> Set<String> {
        var set: Set<String> = []
        for (index, name) in names.enumerated() where rows[row * words + index / 64] & (1 << UInt64(index % 64)) != 0 {
            set.insert(name)
        }
        return set
    }

    /// Every row as a `Set<String>`, each distinct row made once and shared by the rows equal to it
    /// (sets are copy-on-write, so sharing costs nothing). Most rows are one of a few sets, so the
    /// distinct rows are searched in turn, neighbours first; past `scanLimit` of them, by hash.
    func sets(_ rows: [UInt64], count: Int) -> [Set<String>] {
        let scanLimit = 32
        var made: [(row: Int, set: Set<String>)] = []
        var byBits: [ArraySlice<UInt64>: Set<String>] = [:]
        var result: [Set<String>] = []
        result.reserveCapacity(count)
        func bits(_ row: Int) -> ArraySlice<UInt64> { rows[row * words..<(row + 1) * words] }
        for row in 0..<count {
            let wanted = bits(row)
            // Neighbouring rows are usually equal: compare with the last one before the others.
            if let last = result.indices.last, bits(last) == wanted {
                result.append(result[last])
            } else if let found = made.first(where: { bits($0.row) == wanted }) {
                result.append(found.set)
            } else if made.count < scanLimit {
                let set = self.set(rows, row)
                made.append((row, set))
                result.append(set)
            } else {
                let set = byBits[wanted] ?? self.set(rows, row)
                byBits[wanted] = set
                result.append(set)
            }
        }
        return result
    }
}
