import FlowLanguage
import FlowModel

extension LanguageServer {
    /// Properties valid in the block, the closed vocabulary of the property being written, and
    /// declared names of the kind it expects.
    func completion(_ params: TextDocumentPositionParams) throws -> CompletionList? {
        let (session, file) = try file(params.textDocument.uri)
        let offset = TextPositions.offset(of: params.position, in: file)
        let lineStart = file.lineStarts[min(params.position.line, file.lineStarts.count - 1)]
        let before = String(decoding: file.bytes[lineStart..<max(lineStart, offset)], as: UTF8.self)
        // Nothing to offer inside a string or a comment.
        if let comment = before.firstIndex(of: "#"), before[..<comment].filter({ $0 == "\"" }).count % 2 == 0 { return CompletionList(items: []) }
        if before.filter({ $0 == "\"" }).count % 2 == 1 { return CompletionList(items: []) }
        // The words before the one being typed (which may be empty).
        var words = before.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map(String.init)
        if let last = before.last, last != " ", last != "\t", last != ",", !words.isEmpty { words.removeLast() }
        let context = CursorContext(file, offset: offset)
        var items: [CompletionItem] = []
        if let declaration = context.declaration, offset > declaration.headerSpan.end, declaration.hasBlock {
            if words.isEmpty {
                items = (LanguageSchema.properties(of: declaration.name) ?? []).map { property in
                    let required = LanguageSchema.requiredProperties(of: declaration.name).contains(property)
                    return CompletionItem(label: property, kind: 10, detail: required ? "required" : nil)
                }
            } else {
                let property = words[0]
                if words.count == 1, let vocabulary = LanguageSchema.vocabulary(of: property, in: declaration.name) {
                    items = vocabulary.values.map { CompletionItem(label: $0, kind: 12, detail: vocabulary.name) }
                }
                if let kinds = Self.nameKinds[property], words.count > 1 || LanguageSchema.vocabulary(of: property, in: declaration.name) == nil {
                    items += names(of: kinds, in: session)
                }
            }
        } else if words.isEmpty {
            items = LanguageSchema.declarationKeywords.map { CompletionItem(label: $0, kind: 14, detail: nil) }
        } else if words[0] == "flow", words.count >= 2 {
            // `flow ID FROM -> TO`: organisations on either side of the arrow.
            items = names(of: [.organisation, .boundary], in: session)
        } else if words[0] == "at", words.count == 1 {
            items = names(of: [.organisation], in: session)
        } else if words[0] == "at", words.count >= 3 {
            items = names(of: [.dataset], in: session)
        }
        return CompletionList(items: items)
    }

    /// What each property names, where its value is a declared name.
    static let nameKinds: [String: [DeclarationKind]] = [
        "data": [.dataset], "datasets": [.dataset], "purpose": [.purpose], "purposes": [.purpose], "kind-of": [.purpose],
        "applies": [.optOut], "exempt": [.optOut], "agreement": [.agreement, .contract, .arrangement],
        "confidentiality": [.approval, .gateway], "art6": [.gateway], "controller": [.organisation], "processor": [.organisation],
        "controllers": [.organisation], "processors": [.organisation], "parties": [.organisation], "applicant": [.organisation],
        "members": [.organisation], "recorded-at": [.organisation], "held-by": [.organisation], "sub-processors": [.organisation],
        "processor-for": [.organisation], "flows": [.flow], "key": [.key],
    ]

    /// The declared names of `kinds` in the model, each once, sorted.
    private func names(of kinds: [DeclarationKind], in session: ModelSession) -> [CompletionItem] {
        var seen: Set<String> = []
        var items: [CompletionItem] = []
        for symbols in session.allSymbols() {
            for symbol in symbols.allDeclarations where symbol.kind.map(kinds.contains) == true && seen.insert(symbol.name).inserted {
                items.append(CompletionItem(label: symbol.name, kind: 6, detail: [symbol.kind?.rawValue, symbol.title].compactMap { $0 }.joined(separator: ": ")))
            }
        }
        return items.sorted { $0.label < $1.label }
    }

    /// The whole document in the `fmt` layout; no edits when it does not parse.
    func formatting(_ params: DocumentParams) throws -> [TextEdit]? {
        let (_, file) = try file(params.textDocument.uri)
        guard let formatted = Formatter.format(file), formatted.utf8.elementsEqual(file.bytes) == false else { return [] }
        let end = TextPositions.position(of: file.bytes.count, in: file)
        return [TextEdit(range: TextRange(start: Position(line: 0, character: 0), end: end), newText: formatted)]
    }
}
