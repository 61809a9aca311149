import FlowLanguage

/// Turns one file's syntax tree into declarations: checks every keyword, property and value
/// against the language's schema, and records the names it must later resolve.
struct Lowerer {
    var sink = DiagnosticSink()
    var references: [PendingReference] = []
    var referenceNames = ReferenceNames()
    let path: String
    /// `lowerProperties`' "first given here" spans, kept between declarations so that lowering one
    /// does not allocate an array.
    var seenBuffer: [SourceSpan?] = []

    typealias Handler<Target> = @Sendable (inout Lowerer, SyntaxNode, inout Target) -> Void

    /// A handler kept in a struct rather than straight in an array: an array stores a closure in its
    /// most general form, so every handler was wrapped in a reabstraction thunk, called through and
    /// its context retained and released for every property line. A struct's field keeps the
    /// closure's own form.
    struct StoredHandler<Target>: Sendable {
        let apply: Handler<Target>
    }

    /// The schema of one declaration's block: handlers by property name. Each property has an
    /// index so that a block's "given before?" bookkeeping is an array, not a dictionary per block.
    struct PropertyTable<Target>: Sendable {
        let what: String
        /// Each property's name and its index into `handlers`.
        private(set) var indices = SpellingIndex<Int>()
        private(set) var handlers: [StoredHandler<Target>] = []
        private(set) var isRepeatable: [Bool] = []
        var required: [String] = [] {
            didSet { indexRequired() }
        }
        /// Each required property's index (nil when it has no handler), found once per table:
        /// looking the names up again for every declaration was a hash of each name.
        private(set) var requiredIndices: [Int?] = []

        init(_ what: String) { self.what = what }

        private mutating func indexRequired() {
            requiredIndices = required.map { indices[$0] }
        }

        mutating func on(_ name: String, repeatable: Bool = false, _ handler: @escaping Handler<Target>) {
            if let index = indices[name] {
                handlers[index] = StoredHandler(apply: handler)
                isRepeatable[index] = isRepeatable[index] || repeatable
                return
            }
            indices.insert(name, handlers.count)
            handlers.append(StoredHandler(apply: handler))
            isRepeatable.append(repeatable)
            indexRequired()
        }
    }

    /// Applies `table` to the statements of `node`'s block, reporting unknown, repeated, misplaced
    /// and missing properties.
    mutating func lowerProperties<Target>(of node: SyntaxNode, into target: inout Target, using table: PropertyTable<Target>) {
        // Where each property was first given (its keyword), for "given more than once"; taken from
        // `seenBuffer` and given back (swapped, so that it is never shared and never copied).
        var seen: [SourceSpan?] = []
        swap(&seen, &seenBuffer)
        // Cleared in place (a larger table's entries past this one's are never read): appending a
        // run of nils for every declaration went through a generic, element-at-a-time path.
        if seen.count < table.handlers.count {
            seen = Array(repeating: nil, count: table.handlers.count)
        } else {
            seen.withUnsafeMutableBufferPointer { $0.update(repeating: nil) }
        }
        defer { swap(&seen, &seenBuffer) }
        for statement in node.statements {
            lowerProperty(statement, into: &target, using: table, seen: &seen)
        }
        for (name, index) in zip(table.required, table.requiredIndices) where index.map({ seen[$0] == nil }) ?? true {
            sink.report(
                .missingProperty, "\(table.what) needs `\(name)`", at: node.headerSpan,
                help: "add a `\(name) …` line inside the block"
            )
        }
    }

    private mutating func lowerProperty<Target>(
        _ statement: SyntaxNode, into target: inout Target, using table: PropertyTable<Target>, seen: inout [SourceSpan?]
    ) {
        // The name is matched by its bytes; a `String` of it is made only for a diagnostic.
        guard let index = table.indices.index(ofKeywordOf: statement) else {
            let name = statement.name
            sink.report(
                .unknownProperty, "`\(name)` is not a property of \(table.what)", at: statement.keywordSpan,
                help: Suggestion.help(for: name, in: table.indices.spellings)
                    ?? "the properties of \(table.what) are: \(table.indices.spellings.sorted().joined(separator: ", "))"
            )
            return
        }
        if let first = seen[index], !table.isRepeatable[index] {
            sink.report(
                .repeatedProperty, "`\(statement.name)` is given more than once", at: statement.keywordSpan,
                notes: [DiagnosticNote("first given here", at: first)]
            )
            return
        }
        if seen[index] == nil { seen[index] = statement.keywordSpan }
        if let openSpan = statement.blockOpenSpan, !statement.keyword.isWord("boundary") {
            sink.report(.misplacedBlock, "`\(statement.name)` does not take a block", at: openSpan)
            return
        }
        table.handlers[index].apply(&self, statement, &target)
    }

    // MARK: - Arguments

    /// Exactly `count` arguments with no commas, else a diagnostic. Shapes are built only for a
    /// diagnostic: interpolating them for every property of a large estate was a tenth of lowering.
    mutating func arguments(_ node: SyntaxNode, count: ClosedRange<Int>, shape: @autoclosure () -> String) -> SyntaxTokens? {
        let tokens = node.arguments
        guard count.contains(tokens.count), !tokens.contains(kind: .comma), !tokens.contains(kind: .arrow) else {
            let span = tokens.first.map { $0.span.union(tokens.last!.span) } ?? node.keyword.span
            let shape = shape()
            sink.report(.malformedValue, "`\(node.name)` expects \(shape)", at: span, help: "write `\(node.name) \(shape)`")
            return nil
        }
        return tokens
    }

    mutating func singleToken(_ node: SyntaxNode, shape: @autoclosure () -> String) -> Token? {
        arguments(node, count: 1...1, shape: shape())?.first
    }

    /// The arguments when there is exactly one, read at position 0 (see `SyntaxTokens.text(at:)`).
    mutating func singleArgument(_ node: SyntaxNode, shape: @autoclosure () -> String) -> SyntaxTokens? {
        arguments(node, count: 1...1, shape: shape())
    }

    mutating func word(_ node: SyntaxNode, shape: @autoclosure () -> String = "a name") -> Token? {
        guard let token = singleToken(node, shape: shape()) else { return nil }
        guard token.kind == .word else {
            sink.report(.malformedValue, "`\(node.name)` expects \(shape()), not a string", at: token.span)
            return nil
        }
        return token
    }

    /// A string; a bare word is accepted too where the value is free text (an ODS code, say).
    mutating func text(_ node: SyntaxNode) -> String? {
        singleArgument(node, shape: "\"text\"")?.text(at: 0)
    }

    mutating func textList(_ node: SyntaxNode, shape: @autoclosure () -> String = "\"text\", \"text\"") -> [String] {
        listItems(node, shape: shape()) { _, tokens, position in tokens.text(at: position) }
    }

    /// The items of a comma-separated list of single tokens, each converted by `convert` from the
    /// arguments and its position (nil drops it: `convert` reports why). Every malformed item is
    /// reported before any is converted, as when the items were gathered into an array first;
    /// scanning the arguments twice in place costs less than that array.
    mutating func listItems<Item>(
        _ node: SyntaxNode, shape: @autoclosure () -> String, _ convert: (inout Lowerer, SyntaxTokens, Int) -> Item?
    ) -> [Item] {
        let tokens = node.arguments
        var itemCount = 0
        Self.forEachListItem(of: tokens) { item, isSingleToken in
            if isSingleToken {
                itemCount += 1
                return
            }
            let span = item.isEmpty ? node.keyword.span : tokens[item.lowerBound].span.union(tokens[item.upperBound - 1].span)
            sink.report(.malformedValue, "`\(node.name)` expects a comma-separated list: \(shape())", at: span)
        }
        var result: [Item] = []
        guard itemCount > 0 else { return result }
        result.reserveCapacity(itemCount)
        Self.forEachListItem(of: tokens) { item, isSingleToken in
            if isSingleToken, let value = convert(&self, tokens, item.lowerBound) { result.append(value) }
        }
        return result
    }

    /// Calls `body` with the positions of each run of `tokens` between commas, and whether it is
    /// one token other than `->` (a well-formed list item).
    static func forEachListItem(of tokens: SyntaxTokens, _ body: (Range<Int>, Bool) -> Void) {
        var itemStart = 0
        for index in 0...tokens.count where index == tokens.count || tokens.kind(at: index) == .comma {
            body(itemStart..<index, index - itemStart == 1 && tokens.kind(at: itemStart) != .arrow)
            itemStart = index + 1
        }
    }

    mutating func value<V: IndexedVocabulary>(_ token: Token, as type: V.Type) -> V? {
        if token.kind == .word, let value = V.spellingIndex[token] { return value }
        return unknownValue(token, as: type)
    }

    mutating func value<V: IndexedVocabulary>(_ tokens: SyntaxTokens, at position: Int, as type: V.Type) -> V? {
        if tokens.kind(at: position) == .word, let value = V.spellingIndex[tokens, at: position] { return value }
        return unknownValue(tokens[position], as: type)
    }

    private mutating func unknownValue<V: IndexedVocabulary>(_ token: Token, as type: V.Type) -> V? {
        sink.report(
            .unknownValue, "unknown \(V.vocabularyName) `\(token.text)`", at: token.span,
            notes: [DiagnosticNote("valid values: \(V.spellings.joined(separator: ", "))")],
            help: Suggestion.help(for: token.text, in: V.spellings)
        )
        return nil
    }

    mutating func value<V: IndexedVocabulary>(_ node: SyntaxNode, as type: V.Type) -> V? {
        guard let tokens = singleArgument(node, shape: "one \(V.vocabularyName)") else { return nil }
        return value(tokens, at: 0, as: type)
    }

    mutating func values<V: IndexedVocabulary>(_ node: SyntaxNode, as type: V.Type) -> [V] {
        listItems(node, shape: "\(V.vocabularyName), …") { lowerer, tokens, position in lowerer.value(tokens, at: position, as: type) }
    }

    mutating func flag(_ node: SyntaxNode) -> Bool? {
        guard let token = word(node, shape: "yes or no") else { return nil }
        if token.isWord("yes") { return true }
        if token.isWord("no") { return false }
        sink.report(.unknownValue, "`\(node.name)` expects `yes` or `no`, not `\(token.text)`", at: token.span,
                    help: Suggestion.help(for: token.text, in: ["yes", "no"]))
        return nil
    }

    /// Which day of a date written to the month or the year stands for it: the one that errs on
    /// the side of caution for the property. An end or a review (`valid-until`, `next-review`,
    /// `expires`) is read as the period's first day, and so is the day something was last done
    /// (`completed`, `last-reviewed`, `reviewed`); a start or a change (`valid-from`, `decided`,
    /// `changed`) as its last.
    enum PartialDate {
        case earliest
        case latest
    }

    mutating func day(_ token: Token, partial: PartialDate = .earliest) -> Day? {
        if token.kind == .word, let period = Day.period(iso: token.text) {
            return partial == .earliest ? period.lowerBound : period.upperBound
        }
        sink.report(.invalidDate, "`\(token.text)` is not a date; write YYYY-MM-DD, e.g. 2027-09-30 (or YYYY-MM, or YYYY, where the source gives no more)", at: token.span)
        return nil
    }

    mutating func day(_ node: SyntaxNode, partial: PartialDate = .earliest) -> Day? {
        guard let token = singleToken(node, shape: "a date (YYYY-MM-DD, YYYY-MM or YYYY)") else { return nil }
        return day(token, partial: partial)
    }

    /// A date or the word `unknown` (never guessed); a date to the month or year is its first day.
    mutating func knownDate(_ node: SyntaxNode) -> KnownDate? {
        guard let token = singleToken(node, shape: "a date (YYYY-MM-DD, YYYY-MM or YYYY) or `unknown`") else { return nil }
        if token.isWord("unknown") { return .unknown }
        return day(token).map(KnownDate.known)
    }

    mutating func integer(_ token: Token, in range: ClosedRange<Int>) -> Int? {
        if token.kind == .word, let number = Int(token.text), range.contains(number) { return number }
        sink.report(.malformedValue, "expected a whole number from \(range.lowerBound) to \(range.upperBound), found `\(token.text)`", at: token.span)
        return nil
    }

    mutating func integer(_ node: SyntaxNode, in range: ClosedRange<Int>) -> Int? {
        guard let token = singleToken(node, shape: "a number") else { return nil }
        return integer(token, in: range)
    }

    mutating func integers(_ node: SyntaxNode, in range: ClosedRange<Int>) -> [Int] {
        listItems(node, shape: "number, …") { lowerer, tokens, position in lowerer.integer(tokens[position], in: range) }
    }

    // MARK: - Names

    /// A name starts with an ASCII letter; decided from the token's first byte, without the
    /// `String` and the scalar decoding that checking its text cost.
    static func isValidName(_ token: Token) -> Bool {
        token.kind == .word && token.startsWithASCIILetter
    }

    /// `isValidName` for the argument at `position`, read in place.
    static func isValidName(_ tokens: SyntaxTokens, at position: Int) -> Bool {
        tokens.kind(at: position) == .word && tokens.startsWithASCIILetter(at: position)
    }

    /// A name token used as a reference to a declaration of one of `kinds`.
    mutating func reference(_ token: Token, _ kinds: DeclarationKind...) -> Reference? {
        reference(token, kinds: kinds)
    }

    mutating func reference(_ token: Token, kinds: [DeclarationKind]) -> Reference? {
        guard Lowerer.isValidName(token) else { return notAName(token, kinds: kinds) }
        return pending(nameNumber: referenceNames.number(of: token), at: token.span, kinds: kinds)
    }

    mutating func reference(_ tokens: SyntaxTokens, at position: Int, kinds: [DeclarationKind]) -> Reference? {
        guard Lowerer.isValidName(tokens, at: position) else { return notAName(tokens[position], kinds: kinds) }
        return pending(nameNumber: referenceNames.number(of: tokens, at: position), at: tokens.span(at: position), kinds: kinds)
    }

    /// A reference to the file's name `nameNumber`, recorded to be resolved once every file's
    /// names are known.
    private mutating func pending(nameNumber: Int, at span: SourceSpan, kinds: [DeclarationKind]) -> Reference {
        let reference = Reference(name: referenceNames.names[nameNumber], span: span)
        references.append(PendingReference(span: span, kinds: DeclarationKinds(kinds), nameNumber: Int32(nameNumber)))
        return reference
    }

    private mutating func notAName(_ token: Token, kinds: [DeclarationKind]) -> Reference? {
        sink.report(.malformedValue, "expected the name of \(kinds.map(\.withArticle).joined(separator: " or ")), found \(token.kind == .string ? "a string" : "`\(token.text)`")", at: token.span,
                    help: token.kind == .string ? "names are written without quotes" : nil)
        return nil
    }

    mutating func reference(_ node: SyntaxNode, _ kinds: DeclarationKind...) -> Reference? {
        guard let tokens = singleArgument(node, shape: "the name of \(kinds.map(\.withArticle).joined(separator: " or "))") else { return nil }
        return reference(tokens, at: 0, kinds: kinds)
    }

    mutating func references(_ node: SyntaxNode, _ kinds: DeclarationKind...) -> [Reference] {
        listItems(node, shape: "name, name") { lowerer, tokens, position in lowerer.reference(tokens, at: position, kinds: kinds) }
    }

    /// The defining name in a declaration header.
    mutating func definedName(_ token: Token?, in node: SyntaxNode, what: String) -> Token? {
        guard let token else {
            sink.report(.malformedValue, "\(what) needs a name", at: node.keyword.span, help: "write `\(node.name) name \"Title\" { … }`")
            return nil
        }
        guard Lowerer.isValidName(token) else {
            sink.report(.malformedValue, "a name must start with a letter and use letters, digits, `-`, `_` or `.`; found \(token.kind == .string ? "a string" : "`\(token.text)`")", at: token.span)
            return nil
        }
        return token
    }
}
