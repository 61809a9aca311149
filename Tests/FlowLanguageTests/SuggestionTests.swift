import FlowLanguage
import Testing

/// "Did you mean …?" picks the nearest candidate within a third of the word's length, never for
/// one- and two-letter words, and breaks ties alphabetically (candidates often come from a Dictionary).
@Suite struct SuggestionTests {
    @Test(arguments: [
        ("trsut", ["trust", "icb", "csu"], "trust"),       // transposition is one edit
        ("public-authorty", ["public-authority", "apd"], "public-authority"),
        ("Trust", ["trust"], "trust"),                     // case-insensitive
        ("std", ["std"], "std"),
        ("stdd", ["std"], "std"),
        ("cat", ["bat", "hat"], "bat"),                    // tie: alphabetical
        ("cat", ["hat", "bat"], "bat"),
    ])
    func suggests(_ word: String, _ candidates: [String], _ expected: String) {
        #expect(Suggestion.closest(to: word, in: candidates) == expected)
    }

    @Test(arguments: [
        ("ea", ["e", "a", "f"]),                           // too short to guess
        ("xyz", ["trust"]),
        ("pseudo", ["pseudonymised"]),                     // too far
        ("", ["a"]),
        (String(repeating: "a", count: 65), [String(repeating: "a", count: 64)]),
    ])
    func doesNotSuggest(_ word: String, _ candidates: [String]) {
        #expect(Suggestion.closest(to: word, in: candidates) == nil)
    }

    @Test func helpText() {
        #expect(Suggestion.help(for: "orgg", in: ["org", "flow"]) == "did you mean `org`?")
        #expect(Suggestion.help(for: "zzzz", in: ["org", "flow"]) == nil)
    }
}
