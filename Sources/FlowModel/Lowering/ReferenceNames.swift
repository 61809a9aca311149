import FlowLanguage

/// The distinct names one file's references use, numbered in the order first written. A name is
/// made into a `String` once per file however often it is written (an estate's files name the
/// same organisations, purposes and agreements thousands of times over), and the resolver looks
/// each one up in the model's namespace once per file rather than once per reference.
struct ReferenceNames: Sendable {
    private var spellings = SpellingTable()
    /// By number.
    private(set) var names: [String] = []

    /// The number of the name at `position` of `tokens` (a word), entered if it is new.
    mutating func number(of tokens: SyntaxTokens, at position: Int) -> Int {
        if let number = tokens.index(at: position, in: spellings) { return number }
        return enter(tokens.text(at: position))
    }

    /// The number of `token`'s name (a word), entered if it is new.
    mutating func number(of token: Token) -> Int {
        if let number = spellings.index(of: token) { return number }
        return enter(token.text)
    }

    private mutating func enter(_ name: String) -> Int {
        names.append(name)
        return spellings.insert(name)
    }
}
