import FlowLanguage

/// A fixed set of spellings (property names, a vocabulary's values) and what each stands for.
/// Lowering looks up every property name and most values straight from the tokens' bytes (see
/// `SpellingTable`); a `Dictionary` hashed each with SipHash, and a `String`-backed enum's
/// `init(rawValue:)` compared the text with every case in turn.
struct SpellingIndex<Value: Sendable>: Sendable {
    private var table = SpellingTable()
    /// At each spelling's index in `table`.
    private var values: [Value] = []

    init() {}

    init(_ pairs: some Sequence<(String, Value)>) {
        for (spelling, value) in pairs { insert(spelling, value) }
    }

    /// In the order they were added.
    var spellings: [String] { table.spellings }

    var count: Int { table.count }

    func index(of spelling: String) -> Int? { table.index(of: spelling) }

    func index(of token: Token) -> Int? { table.index(of: token) }

    func index(ofKeywordOf node: SyntaxNode) -> Int? { node.keywordIndex(in: table) }

    subscript(spelling: String) -> Value? {
        index(of: spelling).map { values[$0] }
    }

    subscript(token: Token) -> Value? {
        index(of: token).map { values[$0] }
    }

    /// The value of the argument at `position`, matched in place.
    subscript(_ tokens: SyntaxTokens, at position: Int) -> Value? {
        tokens.index(at: position, in: table).map { values[$0] }
    }

    subscript(keywordOf node: SyntaxNode) -> Value? {
        index(ofKeywordOf: node).map { values[$0] }
    }

    /// The value at `index(of:)`'s answer.
    func value(at index: Int) -> Value { values[index] }

    /// Adds `spelling`, or replaces its value when it is already present.
    mutating func insert(_ spelling: String, _ value: Value) {
        let index = table.insert(spelling)
        if index < values.count { values[index] = value } else { values.append(value) }
    }
}
