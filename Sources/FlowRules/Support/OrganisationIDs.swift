import FlowAnalysis
import FlowModel

/// Organisations by dense id — the graph's ids (in name order), then any name only an instrument
/// or a `processor-for` mentions — so the processor rules compare integers where they compared
/// and hashed strings for every flow.
struct OrganisationIDs: Sendable {
    /// By id.
    let names: [String]
    private let graphNames: NameTable
    private let extra: [String: Int]

    init(graph: FlowGraph, mentioned: [String]) {
        var names = graph.organisations.names
        var extra: [String: Int] = [:]
        for name in mentioned where graph.organisations.id(name) == nil && extra[name] == nil {
            extra[name] = names.count
            names.append(name)
        }
        self.names = names
        self.graphNames = graph.organisations
        self.extra = extra
    }

    var count: Int { names.count }

    func id(_ name: String) -> Int? {
        graphNames.id(name) ?? extra[name]
    }

    /// The names of `ids`, sorted, each in backticks and joined: how messages list organisations.
    func quoted(_ ids: [Int], separator: String) -> String {
        ids.map { names[$0] }.sorted().map { "`\($0)`" }.joined(separator: separator)
    }
}

/// Small sets of organisation ids (a flow's controllers are one to three) as ascending arrays:
/// membership is a short scan, with no hash table to build per flow.
extension Array where Element == Int {
    func sharesAny(with other: [Int]) -> Bool {
        contains(where: other.contains)
    }

    func isIDSubset(of other: [Int]) -> Bool {
        allSatisfy(other.contains)
    }

    /// Whether this ascending set holds `id`: a binary search, since a supplier acts for hundreds
    /// of practices.
    func containsID(_ id: Int) -> Bool {
        var (low, high) = (startIndex, endIndex)
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < endIndex && self[low] == id
    }

    /// Whether two ascending sets have a member in common: one pass over both, where `sharesAny`
    /// (for lists in any order) compares every pair.
    func sharesAnyID(with other: [Int]) -> Bool {
        var (left, right) = (startIndex, other.startIndex)
        while left < endIndex, right < other.endIndex {
            if self[left] == other[right] { return true }
            if self[left] < other[right] { left += 1 } else { right += 1 }
        }
        return false
    }

    /// This ascending set without `id`: the set itself, not a copy, when `id` is not in it.
    func removingID(_ id: Int) -> [Int] {
        containsID(id) ? filter { $0 != id } : self
    }

    /// Both ascending sets merged, ascending and without repeats. A set already holding the other
    /// (a supplier's controllers and one of them, say) is returned itself, not copied.
    func mergingIDs(_ other: [Int]) -> [Int] {
        if other.isEmpty { return self }
        if isEmpty { return other }
        if other.count <= Self.fewIDs, other.allSatisfy(containsID) { return self }
        if count <= Self.fewIDs, allSatisfy(other.containsID) { return other }
        var result: [Int] = []
        result.reserveCapacity(count + other.count)
        var (left, right) = (startIndex, other.startIndex)
        while left < endIndex || right < other.endIndex {
            let next = right == other.endIndex || (left < endIndex && self[left] <= other[right]) ? self[left] : other[right]
            if left < endIndex, self[left] == next { left += 1 }
            if right < other.endIndex, other[right] == next { right += 1 }
            result.append(next)
        }
        return result
    }

    /// Up to this many ids are looked up one by one in a larger set before merging.
    private static var fewIDs: Int { 8 }

    /// Adds `id` to this ascending set.
    mutating func insertID(_ id: Int) {
        var position = endIndex
        while position > startIndex, self[position - 1] > id { position -= 1 }
        if position == startIndex || self[position - 1] != id { insert(id, at: position) }
    }

    /// Ascending and without repeats, from any order.
    var idSet: [Int] {
        if count > 16 { return Array(Set(self)).sorted() }
        var result: [Int] = []
        // Room for every id up front: growing the array one insertion at a time reallocates it.
        result.reserveCapacity(count)
        for id in self { result.insertID(id) }
        return result
    }
}
