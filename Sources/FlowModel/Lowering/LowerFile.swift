import FlowLanguage

extension Lowerer {
    /// The keywords that start a top-level statement, in the order the help text lists them.
    enum DeclarationKeyword: String, CaseIterable, Sendable {
        case org, boundary, dataset, at, purpose, approval, agreement, contract, arrangement
        case dpia, gateway, optOut = "opt-out", key, notice, flow, waiver, include, use, model
    }

    static let declarationKeywords = DeclarationKeyword.allCases.map(\.rawValue)
    /// Matched against the keyword's bytes, not a `String` of it.
    static let declarationKeywordIndex = SpellingIndex(DeclarationKeyword.allCases.map { ($0.rawValue, $0) })

    static let settingsTable: PropertyTable<ModelSettings> = {
        var table = PropertyTable<ModelSettings>("the model")
        table.on("type1-on-legal-collections") { lowerer, node, settings in
            lowerer.flag(node).map { settings.type1OnLegalCollections = $0 }
        }
        table.on("suppress-below") { lowerer, node, settings in
            lowerer.integer(node, in: 1...1_000).map { settings.minimumSuppressBelow = $0 }
        }
        table.on("round-to") { lowerer, node, settings in
            lowerer.integer(node, in: 1...1_000).map { settings.minimumRounding = $0 }
        }
        table.on("commissioner-identifiable-channels") { lowerer, node, settings in
            settings.commissionerIdentifiableChannels = lowerer.values(node, as: PurposeCategory.self)
        }
        table.on("unknown-ndoo-status") { lowerer, node, settings in
            guard let token = lowerer.word(node, shape: "applies or exempt") else { return }
            switch token.text {
            case "applies": settings.unknownNDOOStatusApplies = true
            case "exempt": settings.unknownNDOOStatusApplies = false
            default: lowerer.sink.report(.unknownValue, "expected `applies` or `exempt`", at: token.span)
            }
        }
        return table
    }()

    /// Parses and lowers a file one top-level statement at a time (`Parser.parse(_:eachStatement:)`):
    /// each declaration's syntax is lowered while it is still in the cache and then freed, where
    /// walking a whole file's tree after parsing it missed the cache on nearly every node.
    /// Diagnostics are the parser's followed by the lowerer's.
    static func parseAndLower(_ source: SourceFile) -> LoweredFile {
        var lowerer = Lowerer(path: source.path)
        // Estates average a reference per 60-odd bytes (a property line naming something): grown
        // from empty, a large file's list was copied a dozen times over.
        lowerer.references.reserveCapacity(source.bytes.count / 64)
        var file = LoweredFile(path: source.path)
        let (_, syntaxDiagnostics) = Parser.parse(source) { node in lowerer.lowerStatement(node, into: &file) }
        file.references = lowerer.references
        file.referenceNames = lowerer.referenceNames.names
        file.diagnostics = syntaxDiagnostics + lowerer.sink.diagnostics
        return file
    }

    /// Lowers one top-level statement into `file`.
    mutating func lowerStatement(_ node: SyntaxNode, into file: inout LoweredFile) {
        let firstNew = file.declarations.count
        lowerDeclarations(node, into: &file)
        for index in firstNew..<file.declarations.count {
            file.nameHashes.append(file.declarations[index].definedName.map { ByteHash.hash(of: $0.name) } ?? 0)
        }
    }

    private mutating func lowerDeclarations(_ node: SyntaxNode, into file: inout LoweredFile) {
        guard let keyword = Self.declarationKeywordIndex[keywordOf: node] else {
            sink.report(
                .unknownDeclaration, "`\(node.name)` does not start a declaration", at: node.keyword.span,
                help: Suggestion.help(for: node.name, in: Self.declarationKeywords)
                    ?? "declarations start with one of: \(Self.declarationKeywords.joined(separator: ", "))"
            )
            return
        }
        switch keyword {
        case .org: lowerOrganisation(node).map { file.declarations.append($0) }
        case .boundary: file.declarations += lowerBoundary(node, parent: nil)
        case .dataset: lowerDataset(node).map { file.declarations.append($0) }
        case .at: lowerTransform(node).map { file.declarations.append($0) }
        case .purpose: lowerPurpose(node).map { file.declarations.append($0) }
        case .approval: lowerApproval(node).map { file.declarations.append($0) }
        case .agreement: lowerAgreement(node).map { file.declarations.append($0) }
        case .contract: lowerContract(node).map { file.declarations.append($0) }
        case .arrangement: lowerArrangement(node).map { file.declarations.append($0) }
        case .dpia: lowerDPIA(node).map { file.declarations.append($0) }
        case .gateway: lowerGateway(node).map { file.declarations.append($0) }
        case .optOut: lowerOptOut(node).map { file.declarations.append($0) }
        case .key: lowerKey(node).map { file.declarations.append($0) }
        case .notice: lowerNotice(node).map { file.declarations.append($0) }
        case .flow: lowerFlow(node).map { file.declarations.append($0) }
        case .waiver: lowerWaiver(node).map { file.declarations.append($0) }
        case .include:
            if rejectBlock(node), let token = singleToken(node, shape: "\"path/to/file.flow\"") {
                if token.kind == .string { file.includes.append((token.text, token.span)) } else {
                    sink.report(.malformedValue, "an include path is a quoted string", at: token.span, help: "write `include \"\(token.text)\"`")
                }
            }
        case .use:
            if rejectBlock(node), let token = word(node, shape: "a library name such as std") {
                file.uses.append((token.text, token.span))
            }
        case .model:
            lowerModel(node, into: &file)
        }
    }

    mutating func rejectBlock(_ node: SyntaxNode) -> Bool {
        guard let openSpan = node.blockOpenSpan else { return true }
        sink.report(.misplacedBlock, "`\(node.name)` does not take a block", at: openSpan)
        return false
    }

    mutating func lowerModel(_ node: SyntaxNode, into file: inout LoweredFile) {
        // A second `model` would silently rename the model and reset its settings.
        if let first = file.modelSpan {
            sink.report(.duplicateDeclaration, "the model is already declared in this file", at: node.headerSpan,
                        notes: [DiagnosticNote("first declared here", at: first)])
            return
        }
        if let token = singleToken(node, shape: "\"Model name\"") { file.modelName = token.text }
        file.modelSpan = node.headerSpan
        var settings = ModelSettings()
        lowerProperties(of: node, into: &settings, using: Self.settingsTable)
        // Only a block with settings gives settings: `model "Name"` alone must not reset the
        // settings another file gives.
        if !node.statements.isEmpty { file.settings = settings }
    }
}
