/// Orders entries by two dense integer keys with two stable counting sorts (the minor key first),
/// in time linear in the entries and the key ranges: the comparison sorts it replaced cost a log
/// factor and a closure call per comparison.
enum CountingSort {
    /// The indices of the entries, ordered by (`major`, `minor`, index); keys lie in
    /// 0..<`majorCount` and 0..<`minorCount`.
    static func order(major: [Int], majorCount: Int, minor: [Int], minorCount: Int) -> [Int] {
        let byMinor = Adjacency(rowCount: minorCount, rows: minor, elements: Array(minor.indices)).elements
        return Adjacency(rowCount: majorCount, rows: byMinor.map { major[$0] }, elements: byMinor).elements
    }
}
