/// Rows of elements in one flat array (compressed sparse rows): the graph's edge lists without an
/// array, or a hash, per node.
struct Adjacency<Element: Sendable>: Sendable {
    private let offsets: [Int]
    private let items: [Element]

    /// Groups `elements[i]` under `rows[i]`, keeping their order within each row.
    init(rowCount: Int, rows: [Int], elements: [Element]) {
        var offsets = [Int](repeating: 0, count: rowCount + 1)
        for row in rows { offsets[row + 1] += 1 }
        for row in 0..<rowCount { offsets[row + 1] += offsets[row] }
        var next = Array(offsets.dropLast())
        // Every slot is written exactly once: the offsets count each row's elements.
        self.items = Array(unsafeUninitializedCapacity: elements.count) { buffer, initialized in
            for (row, element) in zip(rows, elements) {
                (buffer.baseAddress! + next[row]).initialize(to: element)
                next[row] += 1
            }
            initialized = elements.count
        }
        self.offsets = offsets
    }

    var rowCount: Int { offsets.count - 1 }

    subscript(row: Int) -> ArraySlice<Element> {
        items[offsets[row]..<offsets[row + 1]]
    }

    func isEmpty(row: Int) -> Bool { offsets[row] == offsets[row + 1] }

    /// Where a row's elements are, for `element(at:)`. The hot loops walk rows this way: a slice
    /// retains and releases the storage for every row it is made for.
    func positions(ofRow row: Int) -> Range<Int> { offsets[row]..<offsets[row + 1] }

    func element(at position: Int) -> Element { items[position] }

    /// Every element, row by row.
    var elements: [Element] { items }
}
