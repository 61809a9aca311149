import FlowLanguage

/// What a rule worked out about a free text, by text: an estate repeats the same few citations and
/// retention texts on every flow, and reading a text (lower-casing, searching phrases) costs far
/// more than looking it up. Bounded, so a model whose every text differs cannot grow it without end.
struct TextMemo<Value> {
    /// ASCII texts, hashed eight bytes at a time: `String`'s SipHash of a whole citation cost more
    /// than most rules' test of the flow. For ASCII, equal bytes are equal strings.
    private var asciiTexts = NameInterner(capacity: 64)
    /// By number in `asciiTexts`.
    private var asciiValues: [Value] = []
    /// Other texts, by `String` equality (canonically equivalent spellings share a value).
    private var otherValues: [String: Value] = [:]
    private let limit = 4096

    mutating func value(of text: String, _ make: (String) -> Value) -> Value {
        guard let hash = Self.asciiHash(of: text) else {
            if let known = otherValues[text] { return known }
            let made = make(text)
            if asciiValues.count + otherValues.count < limit { otherValues[text] = made }
            return made
        }
        if let number = asciiTexts.number(of: text, hash: hash) { return asciiValues[number] }
        let made = make(text)
        if asciiValues.count + otherValues.count < limit {
            _ = asciiTexts.intern(text, hash: hash)
            asciiValues.append(made)
        }
        return made
    }

    /// `ByteHash` of the text when it is stored contiguously and is all ASCII.
    private static func asciiHash(of text: String) -> UInt64? {
        text.utf8.withContiguousStorageIfAvailable { bytes -> UInt64? in
            let raw = UnsafeRawBufferPointer(bytes)
            var high: UInt64 = 0
            var offset = 0
            while offset + 8 <= raw.count {
                high |= raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                offset += 8
            }
            while offset < raw.count {
                high |= UInt64(raw[offset])
                offset += 1
            }
            return high & 0x8080_8080_8080_8080 == 0 ? ByteHash.hash(bytes) : nil
        } ?? nil
    }
}
