import FlowLanguage

/// The model's one namespace: each declared name with its kind, where it is declared, and its
/// slot among the declarations kept for the model.
///
/// Names are numbered by a `NameInterner` over hashes the resolver works out for every file on all
/// cores before it enters the names one by one in declaration order; `String` keys in a
/// `Dictionary` were SipHashed on the one core that enters them.
struct DeclaredNames: Sendable {
    struct Entry: Sendable {
        let kind: DeclarationKind
        let span: SourceSpan
        let kept: Int
    }

    private var numbers: NameInterner
    /// By name number.
    private var entries: [Entry] = []

    init(capacity: Int) {
        numbers = NameInterner(capacity: capacity)
        entries.reserveCapacity(capacity)
    }

    subscript(name: String) -> Entry? {
        numbers.number(of: name).map { entries[$0] }
    }

    /// Enters `name` unless it is already declared; returns the earlier declaration if it is.
    mutating func add(_ name: String, hash: UInt64, _ entry: Entry) -> Entry? {
        let (number, isNew) = numbers.intern(name, hash: hash)
        guard isNew else { return entries[number] }
        entries.append(entry)
        return nil
    }

    /// Gives a declared name another declaration.
    mutating func replace(_ name: String, hash: UInt64, with entry: Entry) {
        guard let number = numbers.number(of: name, hash: hash) else { preconditionFailure("`\(name)` is not declared") }
        entries[number] = entry
    }

    /// The declared names whose declaration satisfies `predicate`, for suggestions.
    func names(where predicate: (Entry) -> Bool) -> [String] {
        entries.indices.filter { predicate(entries[$0]) }.map { numbers.names[$0] }
    }
}
