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

    /// Both ascending sets merged, ascending and without repeats.
    func mergingIDs(_ other: [Int]) -> [Int] {
        if other.isEmpty { return self }
        if isEmpty { return other }
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
        for id in self { result.insertID(id) }
        return result
    }
}
