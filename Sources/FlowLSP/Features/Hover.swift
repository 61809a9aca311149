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
        guard let index = context.argumentIndex else { return nil }
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

/// An approval's, agreement's, contract's or gateway's reference, scope and validity on a date.
struct InstrumentSummary {
    let model: SemanticModel
    let asOf: Day

    func lines(for name: String) -> [String] {
        if let approval = model.approvals[name] {
            var lines = [approval.reference.map { "Reference: `\($0)`" }, approval.regulation.map { "s251 support under COPI Regulations 2002 reg \($0)" }].compactMap { $0 }
            lines += scope(purposes: approval.purposes, datasets: approval.datasets)
            lines.append("National Data Opt-out: \(approval.ndoo.rawValue)")
            lines.append(validity(from: approval.validFrom, until: approval.validUntil))
            return lines
        }
        if let agreement = model.agreements[name] {
            var lines = ["\(LegalWording.agreementKind(agreement.kind))" + (agreement.reference.map { ", reference `\($0)`" } ?? "")]
            if !agreement.parties.isEmpty { lines.append("Parties: \(names(agreement.parties))") }
            lines += scope(purposes: agreement.purposes, datasets: agreement.datasets)
            lines.append(validity(from: agreement.validFrom, until: agreement.validUntil))
            return lines
        }
        if let contract = model.contracts[name] {
            var lines = ["Art 28 contract: controller `\(contract.controller.name)`, processor `\(contract.processor.name)`" + (contract.reference.map { ", reference `\($0)`" } ?? "")]
            lines += scope(purposes: contract.purposes, datasets: contract.datasets)
            lines.append(validity(from: contract.validFrom, until: contract.validUntil))
            return lines
        }
        if let gateway = model.gateways[name] {
            var lines = ["\(gateway.kind.rawValue): \(gateway.citation)"]
            lines += scope(purposes: gateway.purposes, datasets: [])
            lines.append(validity(from: gateway.validFrom, until: gateway.validUntil.map(KnownDate.known)))
            return lines
        }
        if let arrangement = model.arrangements[name] {
            return ["Art 26 arrangement between \(names(arrangement.controllers))"] + scope(purposes: arrangement.purposes, datasets: [])
                + [validity(from: nil, until: arrangement.validUntil)]
        }
        if let organisation = model.organisations[name] {
            return ["Kind: \(organisation.kind.rawValue)" + (organisation.odsCode.map { ", ODS code `\($0)`" } ?? "")]
        }
        if let purpose = model.purposes[name] {
            return ["Category: \(purpose.category.rawValue)"]
        }
        return []
    }

    private func scope(purposes: [Reference], datasets: [Reference]) -> [String] {
        var lines: [String] = []
        if !purposes.isEmpty { lines.append("Purposes: \(names(purposes))") }
        if !datasets.isEmpty { lines.append("Datasets: \(names(datasets))") }
        return lines
    }

    private func names(_ references: [Reference]) -> String {
        references.map { "`\($0.name)`" }.joined(separator: ", ")
    }

    /// In force, expired, not yet in force or of unknown end, on the as-of date.
    private func validity(from start: Day?, until end: KnownDate?) -> String {
        let span = [start.map { "from \($0)" }, end.map { "until \($0.day?.description ?? "unknown")" }].compactMap { $0 }.joined(separator: " ")
        let state: String
        if let start, asOf < start {
            state = "not yet in force"
        } else if case .known(let day)? = end, day < asOf {
            state = "expired"
        } else if case .unknown? = end {
            state = "end date unknown"
        } else {
            state = "in force"
        }
        return "Valid \(span.isEmpty ? "(no dates recorded)" : span): **\(state) on \(asOf)**"
    }
}
