/// What a rule worked out about a free text, by text: an estate repeats the same few citations and
/// retention texts on every flow, and reading a text (lower-casing, searching phrases) costs far
/// more than looking it up. Bounded, so a model whose every text differs cannot grow it without end.
struct TextMemo<Value> {
    private var values: [String: Value] = [:]
    private let limit = 4096

    mutating func value(of text: String, _ make: (String) -> Value) -> Value {
        if let known = values[text] { return known }
        let made = make(text)
        if values.count < limit { values[text] = made }
        return made
    }
}
