@testable import FlowAnalysis
import FlowLanguage
import Testing

/// The graph's name numbering stands in for `String`: its order must be `String`'s and its lookups
/// must find exactly the names interned.
struct NameNumberingTests {
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

    @Test func internerNumbersNamesAsFirstSeen() {
        var interner = NameInterner(capacity: 2)
        let names = (0..<500).map { "organisation-\($0 % 137)-with-a-long-name" }
        let numbers = names.map { interner.intern($0) }
        var expected: [String: Int] = [:]
        for name in names where expected[name] == nil { expected[name] = expected.count }
        #expect(numbers == names.map { expected[$0]! })
        #expect(interner.count == 137)
        for (name, number) in expected { #expect(interner.number(of: name) == number) }
        #expect(interner.number(of: "organisation-137-with-a-long-name") == nil)
        #expect(interner.number(of: "") == nil)
    }

    @Test func absorbMapsTheOtherNumbering() {
        var first = NameInterner(capacity: 4)
        var second = NameInterner(capacity: 4)
        for name in ["a", "shared-name-longer-than-sixteen", "b"] { _ = first.intern(name) }
        for name in ["c", "b", "shared-name-longer-than-sixteen", "d"] { _ = second.intern(name) }
        #expect(first.absorb(second) == [3, 2, 1, 4])
        #expect(first.names == ["a", "shared-name-longer-than-sixteen", "b", "c", "d"])
    }

    @Test func countingSortOrdersByMajorThenMinorThenEntry() {
        let major = [2, 0, 1, 0, 2, 0, 1]
        let minor = [1, 3, 0, 1, 1, 1, 0]
        let order = CountingSort.order(major: major, majorCount: 3, minor: minor, minorCount: 4)
        #expect(order == major.indices.sorted { (major[$0], minor[$0], $0) < (major[$1], minor[$1], $1) })
    }
}
