@testable import FlowLanguage
import Testing

/// `NameInterner` numbers names as first seen; the resolver's namespace, the analysis's ids and
/// the rules' name indexes all rest on it finding exactly the names interned.
struct NameInternerTests {
    @Test func numbersNamesAsFirstSeen() {
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

    @Test func internSaysWhetherTheNameIsNew() {
        var interner = NameInterner(capacity: 4)
        let hash = ByteHash.hash(of: "gp-9001")
        #expect(interner.intern("gp-9001", hash: hash) == (0, true))
        #expect(interner.intern("gp-9002") == 1)
        #expect(interner.intern("gp-9001", hash: hash) == (0, false))
        #expect(interner.names == ["gp-9001", "gp-9002"])
    }

    @Test func absorbMapsTheOtherNumbering() {
        var first = NameInterner(capacity: 4)
        var second = NameInterner(capacity: 4)
        for name in ["a", "shared-name-longer-than-sixteen", "b"] { _ = first.intern(name) }
        for name in ["c", "b", "shared-name-longer-than-sixteen", "d"] { _ = second.intern(name) }
        #expect(first.absorb(second) == [3, 2, 1, 4])
        #expect(first.names == ["a", "shared-name-longer-than-sixteen", "b", "c", "d"])
    }

    /// The two-step absorb the analysis runs on several cores: look up first, then add the rest.
    @Test func absorbGivenTheNumbersFoundMatchesAbsorb() {
        var first = NameInterner(capacity: 4)
        var second = NameInterner(capacity: 4)
        for name in (0..<40).map({ "dataset-\($0)" }) { _ = first.intern(name) }
        for name in (30..<90).map({ "dataset-\($0)" }) { _ = second.intern(name) }
        let found = first.numbers(of: second)
        #expect(found == (30..<90).map { $0 < 40 ? $0 : nil })
        var plain = first
        #expect(first.absorb(second, found: found) == plain.absorb(second))
        #expect(first.names == plain.names)
        #expect(first.names == (0..<90).map { "dataset-\($0)" })
    }

    /// Short names sharing their first bytes have hashes whose low bits agree; their first slots
    /// come from the hash's top bits (`ByteHash.slot`), so they spread instead of forming one run.
    @Test func namesSharingAPrefixDoNotClusterAndGrowingKeepsThem() {
        var interner = NameInterner(capacity: 2)
        let names = (0..<5000).map { "gp-\(9000 + $0)" }
        for name in names { _ = interner.intern(name) }
        #expect(interner.slots.count >= names.count * 2)
        var longestRun = 0
        var run = 0
        for entry in interner.slots + interner.slots {
            run = entry == 0 ? 0 : run + 1
            longestRun = max(longestRun, run)
        }
        #expect(longestRun < 40, "longest run of occupied slots: \(longestRun)")
        for (number, name) in names.enumerated() { #expect(interner.number(of: name) == number) }
        #expect(interner.number(of: "gp-14000") == nil && interner.number(of: "gp-900") == nil)
    }
}
