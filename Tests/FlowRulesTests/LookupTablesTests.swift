import Testing

@testable import FlowRules

/// `NameIndex` and `TextMemo` replace `String`-keyed dictionaries: they must find what the
/// dictionaries found.
struct LookupTablesTests {
    @Test func nameIndexFindsPositions() {
        let index = NameIndex(["dsa-b", "dsa-a", "contract-long-name-of-more-than-eight-bytes"])
        #expect(index.position(of: "dsa-b") == 0)
        #expect(index.position(of: "dsa-a") == 1)
        #expect(index.position(of: "contract-long-name-of-more-than-eight-bytes") == 2)
        #expect(index.position(of: "dsa") == nil)
        #expect(index.position(of: "") == nil)
        #expect(!index.isEmpty)
        #expect(NameIndex([String]()).isEmpty)
    }

    @Test func textMemoComputesEachTextOnce() {
        var memo = TextMemo<Int>()
        var made = 0
        func length(_ text: String) -> Int {
            made += 1
            return text.utf8.count
        }
        for text in ["per the DSA", "per the DSA", "8 years", "per the DSA"] { _ = memo.value(of: text, length) }
        #expect(made == 2)
        #expect(memo.value(of: "8 years", length) == 7)
        #expect(made == 2)
    }

    @Test func textMemoMatchesNonASCIITextsAsStrings() {
        var memo = TextMemo<String>()
        // "é" precomposed and decomposed: equal as Strings, so the memo gives the first's value.
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        #expect(memo.value(of: composed) { _ in "first" } == "first")
        #expect(memo.value(of: decomposed) { _ in "second" } == "first")
        #expect(memo.value(of: "cafe") { _ in "ascii" } == "ascii")
    }
}
