import FlowLanguage

extension Lowerer {
    static let declarationKeywords = [
        "org", "boundary", "dataset", "at", "purpose", "approval", "agreement", "contract", "arrangement",
        "dpia", "gateway", "opt-out", "key", "notice", "flow", "waiver", "include", "use", "model",
    ]

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

    /// Lowers a whole parsed file.
    static func lower(_ syntax: SyntaxFile) -> LoweredFile {
        var lowerer = Lowerer(path: syntax.path)
        var file = LoweredFile(path: syntax.path)
        for node in syntax.statements {
            switch node.name {
            case "org": lowerer.lowerOrganisation(node).map { file.declarations.append($0) }
            case "boundary": file.declarations += lowerer.lowerBoundary(node, parent: nil)
            case "dataset": lowerer.lowerDataset(node).map { file.declarations.append($0) }
            case "at": lowerer.lowerTransform(node).map { file.declarations.append($0) }
            case "purpose": lowerer.lowerPurpose(node).map { file.declarations.append($0) }
            case "approval": lowerer.lowerApproval(node).map { file.declarations.append($0) }
            case "agreement": lowerer.lowerAgreement(node).map { file.declarations.append($0) }
            case "contract": lowerer.lowerContract(node).map { file.declarations.append($0) }
            case "arrangement": lowerer.lowerArrangement(node).map { file.declarations.append($0) }
            case "dpia": lowerer.lowerDPIA(node).map { file.declarations.append($0) }
            case "gateway": lowerer.lowerGateway(node).map { file.declarations.append($0) }
            case "opt-out": lowerer.lowerOptOut(node).map { file.declarations.append($0) }
            case "key": lowerer.lowerKey(node).map { file.declarations.append($0) }
            case "notice": lowerer.lowerNotice(node).map { file.declarations.append($0) }
            case "flow": lowerer.lowerFlow(node).map { file.declarations.append($0) }
            case "waiver": lowerer.lowerWaiver(node).map { file.declarations.append($0) }
            case "include":
                if lowerer.rejectBlock(node), let token = lowerer.singleToken(node, shape: "\"path/to/file.flow\"") {
                    if token.kind == .string { file.includes.append((token.text, token.span)) } else {
                        lowerer.sink.report(.malformedValue, "an include path is a quoted string", at: token.span, help: "write `include \"\(token.text)\"`")
                    }
                }
            case "use":
                if lowerer.rejectBlock(node), let token = lowerer.word(node, shape: "a library name such as std") {
                    file.uses.append((token.text, token.span))
                }
            case "model":
                lowerer.lowerModel(node, into: &file)
            default:
                lowerer.sink.report(
                    .unknownDeclaration, "`\(node.name)` does not start a declaration", at: node.keyword.span,
                    help: Suggestion.help(for: node.name, in: declarationKeywords)
                        ?? "declarations start with one of: \(declarationKeywords.joined(separator: ", "))"
                )
            }
        }
        file.references = lowerer.references
        file.diagnostics = lowerer.sink.diagnostics
        return file
    }

    mutating func rejectBlock(_ node: SyntaxNode) -> Bool {
        guard let block = node.block else { return true }
        sink.report(.misplacedBlock, "`\(node.name)` does not take a block", at: block.openSpan)
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
