import FlowLanguage

/// Positions by name, for names rules look up on every flow (the instruments it cites, the
/// organisations that have ended). A `[String: Int]` hashes the whole name with SipHash at every
/// lookup, several hundred instructions for a typical id; this hashes it eight bytes at a time
/// (`ByteHash`). Names are the language's ASCII words, so comparing bytes is `String` equality.
struct NameIndex: Sendable {
    private var interner: NameInterner

    /// Each name at its position in `names`, which must not repeat a name.
    init(_ names: some Collection<String>) {
        interner = NameInterner(capacity: names.count)
        for name in names {
            let isNew = interner.intern(name, hash: ByteHash.hash(of: name)).isNew
            precondition(isNew, "a name index lists `\(name)` twice")
        }
    }

    var isEmpty: Bool { interner.count == 0 }

    /// The name's position in the list the index was made from.
    func position(of name: String) -> Int? { interner.number(of: name) }
}
