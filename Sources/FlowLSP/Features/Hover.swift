import FlowLanguage
import FlowModel
import FlowRules

extension LanguageServer {
    func hover(_ params: TextDocumentPositionParams) throws -> Hover? {
        let (session, file) = try file(params.textDocument.uri)
        let offset = TextPositions.offset(of: params.position, in: file)
        let context = CursorContext(file, offset: offset)
        guard let token = context.token, let statement = context.statement else { return nil }
        let range = TextPositions.range(of: token.span, in: file)
        let text = token.text
        if let rule = Self.ruleDescription(text) { return Hover(contents: MarkupContent(value: rule), range: range) }
        guard let index = context.argumentIndex else {
            return Self.keywordDescription(statement.name, in: context.property == nil ? nil : context.declaration?.name)
                .map { Hover(contents: MarkupContent(value: $0), range: range) }
        }
        let arguments = statement.arguments
        let texts = (0..<arguments.count).map { arguments.text(at: $0) }
        let keyword = context.declaration?.name ?? statement.name
        if context.property != nil,
           let meaning = VocabularyMeaning.describe(property: statement.name, keyword: keyword, arguments: texts, index: index) {
            return Hover(contents: MarkupContent(value: meaning), range: range)
        }
        guard token.kind == .word, let declared = declaration(named: text, in: session) else { return nil }
        return Hover(contents: MarkupContent(value: describe(declared, in: session)), range: range)
    }

    /// A declaration keyword (`in` nil), or a property of the declaration starting with `keyword`.
    static func keywordDescription(_ name: String, in keyword: String?) -> String? {
        guard let keyword else {
            return LanguageSchema.description(of: name).map { what in
                let required = LanguageSchema.requiredProperties(of: name)
                return "**\(name)** declares \(what)" + (required.isEmpty ? "" : "\n\nRequired: \(required.map { "`\($0)`" }.joined(separator: ", "))")
            }
        }
        guard let what = LanguageSchema.description(of: keyword), LanguageSchema.properties(of: keyword)?.contains(name) == true else { return nil }
        var text = "**\(name)** — a property of \(what)" + (LanguageSchema.requiredProperties(of: keyword).contains(name) ? " (required)" : "")
        if let vocabulary = LanguageSchema.vocabulary(of: name, in: keyword) {
            text += "\n\nOne of (\(vocabulary.name)): \(vocabulary.values.map { "`\($0)`" }.joined(separator: ", "))"
        }
        return text
    }

    /// A rule code's (FG0nn) or language code's (FG1nn) summary.
    static func ruleDescription(_ code: String) -> String? {
        if let rule = RuleCatalog.rule(code), code.uppercased() == rule.code {
            return "**\(rule.code)** `\(rule.slug)` (\(rule.severity.rawValue))\n\n\(rule.summary)\n\n*Legal source:* \(rule.legalSource)\n\n`flowgate explain \(rule.code)` for the full page."
        }
        if let language = LanguageCode(rawValue: code.uppercased()) {
            return "**\(language.rawValue)** `\(RuleDocumentation.slug(language))` (\(language.severity.rawValue))\n\n\(language.summary)"
        }
        return nil
    }

    /// The declaration of `name` in the model's files; the user's wins over the standard library's.
    func declaration(named name: String, in session: ModelSession) -> (symbol: DeclaredSymbol, path: String)? {
        var found: (symbol: DeclaredSymbol, path: String)?
        for symbols in session.allSymbols() {
            guard let symbol = symbols.allDeclarations.first(where: { $0.name == name }) else { continue }
            if !StandardLibrary.isLibraryPath(symbols.file.path) { return (symbol, symbols.file.path) }
            found = found ?? (symbol, symbols.file.path)
        }
        return found
    }

    private func describe(_ declared: (symbol: DeclaredSymbol, path: String), in session: ModelSession) -> String {
        let symbol = declared.symbol
        let kind = symbol.kind?.rawValue ?? symbol.keyword
        var lines = ["**\(symbol.name)** — \(kind)" + (symbol.title.map { ": \($0)" } ?? "")]
        if let model = session.model {
            lines += InstrumentSummary(model: model, asOf: asOf).lines(for: symbol.name)
        }
        let place = session.source(declared.path).map { "\(declared.path):\($0.location(of: symbol.nameSpan.start).line)" } ?? declared.path
        lines.append("*Declared in* `\(place)`")
        return lines.joined(separator: "\n\n")
    }
}
