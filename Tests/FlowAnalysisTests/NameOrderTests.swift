@testable import FlowAnalysis
import Testing

/// The graph's name order stands in for `String`'s: sorting ids must sort names as `String` does.
struct NameOrderTests {
    /// Names that share long prefixes, differ only past sixteen bytes, end early, hold NUL or
    /// non-ASCII bytes: the cases the integer prefix keys must order like `String`.
    static let awkwardNames = [
        "gp-1-referrals", "gp-10-referrals", "gp-1-referrals-t1", "gp-1", "", "a", "A", "Z", "z", "-",
        "national-collection-2026", "national-collection-2025", "national-collection-20", "national-collection-",
        "sixteen-bytes-ab", "sixteen-bytes-abc", "sixteen-bytes-aa", "ab\u{0}", "ab", "ab\u{0}c", "ab\u{1}",
        "0123456789abcdef0123", "0123456789abcdef012", "0123456789abcdeg",
    ]

    @Test func asciiNamesSortAsStringsDo() {
        let names = Self.awkwardNames
        #expect(NameOrder.sorted(names).map { names[$0] } == names.sorted())
    }

    @Test(arguments: [["café", "cafe", "cafz", "caf\u{00E9}s"], ["e\u{0301}", "é", "f", "e"], ["zebra", "ähnlich", "apple"]])
    func nonASCIINamesSortAsStringsDo(_ extra: [String]) {
        let names = Self.awkwardNames + extra
        #expect(NameOrder.sorted(names).map { names[$0] } == names.sorted())
    }

    @Test func countingSortOrdersByMajorThenMinorThenEntry() {
        let major = [2, 0, 1, 0, 2, 0, 1]
        let minor = [1, 3, 0, 1, 1, 1, 0]
        let order = CountingSort.order(major: major, majorCount: 3, minor: minor, minorCount: 4)
        #expect(order == major.indices.sorted { (major[$0], minor[$0], $0) < (major[$1], minor[$1], $1) })
    }
}
