import FlowLanguage

/// Turns one file's syntax tree into declarations: checks every keyword, property and value
/// against the language's schema, and records the names it must later resolve.
struct Lowerer {
    var sink = DiagnosticSink()
    var references: [PendingReference] = []
    let path: String
    /// `lowerProperties`' "first given here" spans, kept between declarations so that lowering one
    /// does not allocate an array.
    var seenBuffer: [SourceSpan?] = []

    typealias Handler<Target> = @Sendable (inout Lowerer, SyntaxNode, inout Target) -> Void

    /// The schema of one declaration's block: handlers by property name. Each property has an
    /// index so that a block's "given before?" bookkeeping is an array, not a dictionary per block.
    struct PropertyTable<Target>: Sendable {
        let what: String
        /// Each property's name and its index into `handlers`.
        private(set) var indices = SpellingIndex<Int>()
        private(set) var handlers: [Handler<Target>] = []
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
                handlers[index] = handler
                isRepeatable[index] = isRepeatable[index] || repeatable
                return
            }
            indices.insert(name, handlers.count)
            handlers.append(handler)
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
        seen.removeAll(keepingCapacity: true)
        seen.append(contentsOf: repeatElement(nil, count: table.handlers.count))
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
        table.handlers[index](&self, statement, &target)
    }

    // MARK: - Arguments

    /// Calls `body` with each run of `tokens` between commas (one empty run when there are none),
    /// as slices of the arguments: an array per item cost an allocation and a copy of its tokens.
    static func forEachItem(of tokens: SyntaxTokens, _ body: (Slice<SyntaxTokens>) -> Void) {
        var itemStart = 0
        for index in 0...tokens.count where index == tokens.count || tokens[index].kind == .comma {
            body(tokens[itemStart..<index])
            itemStart = index + 1
        }
    }

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
        singleToken(node, shape: "\"text\"")?.text
    }

    mutating func textList(_ node: SyntaxNode, shape: @autoclosure () -> String = "\"text\", \"text\"") -> [String] {
        listItems(node, shape: shape()) { _, token in token.text }
    }

    /// The items of a comma-separated list of single tokens, each converted by `convert` (nil
    /// drops it: `convert` reports why). Every malformed item is reported before any is converted,
    /// as when the items were gathered into an array first; scanning the arguments twice in place
    /// costs less than that array.
    mutating func listItems<Item>(
        _ node: SyntaxNode, shape: @autoclosure () -> String, _ convert: (inout Lowerer, Token) -> Item?
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
            if isSingleToken, let value = convert(&self, tokens[item.lowerBound]) { result.append(value) }
        }
        return result
    }

    /// Calls `body` with the positions of each run of `tokens` between commas, and whether it is
    /// one token other than `->` (a well-formed list item).
    private static func forEachListItem(of tokens: SyntaxTokens, _ body: (Range<Int>, Bool) -> Void) {
        var itemStart = 0
        for index in 0...tokens.count where index == tokens.count || tokens.kind(at: index) == .comma {
            body(itemStart..<index, index - itemStart == 1 && tokens.kind(at: itemStart) != .arrow)
            itemStart = index + 1
        }
    }

    mutating func value<V: IndexedVocabulary>(_ token: Token, as type: V.Type) -> V? {
        if token.kind == .word, let value = V.spellingIndex[token] { return value }
        sink.report(
            .unknownValue, "unknown \(V.vocabularyName) `\(token.text)`", at: token.span,
            notes: [DiagnosticNote("valid values: \(V.spellings.joined(separator: ", "))")],
            help: Suggestion.help(for: token.text, in: V.spellings)
        )
        return nil
    }

    mutating func value<V: IndexedVocabulary>(_ node: SyntaxNode, as type: V.Type) -> V? {
        guard let token = singleToken(node, shape: "one \(V.vocabularyName)") else { return nil }
        return value(token, as: type)
    }

    mutating func values<V: IndexedVocabulary>(_ node: SyntaxNode, as type: V.Type) -> [V] {
        listItems(node, shape: "\(V.vocabularyName), …") { lowerer, token in lowerer.value(token, as: type) }
    }

    mutating func flag(_ node: SyntaxNode) -> Bool? {
        guard let token = word(node, shape: "yes or no") else { return nil }
        if token.isWord("yes") { return true }
        if token.isWord("no") { return false }
        sink.report(.unknownValue, "`\(node.name)` expects `yes` or `no`, not `\(token.text)`", at: token.span,
                    help: Suggestion.help(for: token.text, in: ["yes", "no"]))
        return nil
    }

    mutating func day(_ token: Token) -> Day? {
        if let day = Day(iso: token.text), token.kind == .word { return day }
        sink.report(.invalidDate, "`\(token.text)` is not a date; write YYYY-MM-DD, e.g. 2027-09-30", at: token.span)
        return nil
    }

    mutating func day(_ node: SyntaxNode) -> Day? {
        guard let token = singleToken(node, shape: "a date (YYYY-MM-DD)") else { return nil }
        return day(token)
    }

    /// A date or the word `unknown` (never guessed).
    mutating func knownDate(_ node: SyntaxNode) -> KnownDate? {
        guard let token = singleToken(node, shape: "a date (YYYY-MM-DD) or `unknown`") else { return nil }
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
        listItems(node, shape: "number, …") { lowerer, token in lowerer.integer(token, in: range) }
    }

    // MARK: - Names

    static func isValidName(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return false }
        return (first >= "a" && first <= "z") || (first >= "A" && first <= "Z")
    }

    /// A name token used as a reference to a declaration of one of `kinds`.
    mutating func reference(_ token: Token, _ kinds: DeclarationKind...) -> Reference? {
        reference(token, kinds: kinds)
    }

    mutating func reference(_ token: Token, kinds: [DeclarationKind]) -> Reference? {
        let name = token.text
        guard token.kind == .word, Lowerer.isValidName(name) else {
            sink.report(.malformedValue, "expected the name of \(kinds.map(\.withArticle).joined(separator: " or ")), found \(token.kind == .string ? "a string" : "`\(token.text)`")", at: token.span,
                        help: token.kind == .string ? "names are written without quotes" : nil)
            return nil
        }
        let reference = Reference(name: name, span: token.span)
        references.append(PendingReference(reference: reference, kinds: DeclarationKinds(kinds)))
        return reference
    }

    mutating func reference(_ node: SyntaxNode, _ kinds: DeclarationKind...) -> Reference? {
        guard let token = singleToken(node, shape: "the name of \(kinds.map(\.withArticle).joined(separator: " or "))") else { return nil }
        return reference(token, kinds: kinds)
    }

    mutating func references(_ node: SyntaxNode, _ kinds: DeclarationKind...) -> [Reference] {
        listItems(node, shape: "name, name") { lowerer, token in lowerer.reference(token, kinds: kinds) }
    }

    /// The defining name in a declaration header.
    mutating func definedName(_ token: Token?, in node: SyntaxNode, what: String) -> Token? {
        guard let token else {
            sink.report(.malformedValue, "\(what) needs a name", at: node.keyword.span, help: "write `\(node.name) name \"Title\" { … }`")
            return nil
        }
        guard token.kind == .word, Lowerer.isValidName(token.text) else {
            sink.report(.malformedValue, "a name must start with a letter and use letters, digits, `-`, `_` or `.`; found \(token.kind == .string ? "a string" : "`\(token.text)`")", at: token.span)
            return nil
        }
        return token
    }
}
