import FlowLanguage

extension Lowerer {
    /// Handlers write the fields directly, as for flows, not through the key-path members.
    static let datasetTable: PropertyTable<Dataset.Fields> = {
        var table = PropertyTable<Dataset.Fields>("a dataset")
        table.required = ["origin"]
        table.on("origin") { lowerer, node, dataset in dataset.origins = lowerer.values(node, as: DataOrigin.self) }
        table.on("special-category") { lowerer, node, dataset in dataset.specialCategories = lowerer.values(node, as: SpecialCategory.self) }
        table.on("criminal-offence-data") { lowerer, node, dataset in dataset.hasCriminalOffenceData = lowerer.flag(node) ?? false }
        table.on("identifiers") { lowerer, node, dataset in dataset.identifiers = lowerer.values(node, as: Identifier.self) }
        table.on("subjects") { lowerer, node, dataset in dataset.subjects = lowerer.values(node, as: DataSubject.self) }
        table.on("level") { lowerer, node, dataset in lowerer.value(node, as: IdentifiabilityLevel.self).map { dataset.level = $0 } }
        table.on("key") { lowerer, node, dataset in dataset.key = lowerer.reference(node, .key) }
        table.on("source") { lowerer, node, dataset in dataset.sources = lowerer.references(node, .organisation) }
        table.on("kind-of") { lowerer, node, dataset in dataset.kindOf = lowerer.references(node, .dataset) }
        table.on("items") { lowerer, node, dataset in dataset.items = lowerer.text(node) }
        table.on("description") { lowerer, node, dataset in dataset.description = lowerer.text(node) }
        return table
    }()

    mutating func lowerDataset(_ node: SyntaxNode) -> Declaration? {
        guard let (name, title) = namedHeader(node, what: "a dataset") else { return nil }
        let dataset = Dataset(fields: Dataset.Fields(id: name.text, title: title, span: node.headerSpan))
        // In place in the new box, as for flows.
        lowerProperties(of: node, into: &dataset.storage.fields, using: Self.datasetTable)
        return .dataset(dataset)
    }

    static let transformTable: PropertyTable<Transform.Fields> = {
        var table = PropertyTable<Transform.Fields>("a transform")
        table.on("key") { lowerer, node, transform in transform.key = lowerer.reference(node, .key) }
        table.on("suppress-below") { lowerer, node, transform in transform.suppressBelow = lowerer.integer(node, in: 1...1_000_000) }
        table.on("round-to") { lowerer, node, transform in transform.roundTo = lowerer.integer(node, in: 1...1_000_000) }
        table.on("opt-out") { lowerer, node, transform in transform.optOuts = lowerer.references(node, .optOut) }
        table.on("assessment") { lowerer, node, transform in transform.anonymisationAssessment = lowerer.text(node) }
        table.on("level") { lowerer, node, transform in transform.level = lowerer.value(node, as: IdentifiabilityLevel.self) }
        table.on("identifiers") { lowerer, node, transform in transform.identifiers = lowerer.values(node, as: Identifier.self) }
        table.on("purpose") { lowerer, node, transform in transform.purposes = lowerer.references(node, .purpose) }
        table.on("cohort") { lowerer, node, transform in transform.cohort = lowerer.reference(node, .dataset) }
        table.on("inferred") { lowerer, node, transform in
            transform.inferred = lowerer.text(node)
            transform.inferredSpan = node.headerSpan
        }
        table.on("description") { lowerer, node, transform in transform.description = lowerer.text(node) }
        return table
    }()

    /// `at HOLDER OPERATION INPUT[, INPUT…] -> OUTPUT ["Title"] { … }`
    mutating func lowerTransform(_ node: SyntaxNode) -> Declaration? {
        let shape = "at ORGANISATION OPERATION INPUT[, INPUT] -> OUTPUT [\"Title\"]"
        let arguments = node.arguments
        guard let arrow = arguments.firstIndex(ofKind: .arrow), arrow >= 3,
              arguments[0].kind == .word, arguments[1].kind == .word else {
            sink.report(.malformedValue, "a transform is written `\(shape)`", at: node.headerSpan)
            return nil
        }
        guard let holder = reference(arguments[0], .organisation),
              let operation = value(arguments[1], as: TransformOperation.self) else { return nil }
        var inputs: [Reference] = []
        var expectName = true
        for token in arguments[2..<arrow] {
            if expectName, token.kind != .comma {
                // `reference` reports a token that is not a name itself.
                guard let input = reference(token, .dataset) else { return nil }
                inputs.append(input)
            } else if expectName || token.kind != .comma {
                sink.report(.malformedValue, "inputs are dataset names separated by commas", at: token.span)
                return nil
            }
            expectName.toggle()
        }
        if expectName {
            sink.report(.malformedValue, "inputs are dataset names separated by commas", at: arguments[arrow - 1].span,
                        help: "remove the comma before `->`")
            return nil
        }
        let rest = arguments[(arrow + 1)...]
        guard let outputToken = definedName(rest.first, in: node, what: "a transform's output") else { return nil }
        var title: String?
        if rest.count == 2, rest.last!.kind == .string { title = rest.last!.text } else if rest.count > 1 {
            sink.report(.unexpectedToken, "after the output dataset only a quoted title may follow", at: rest.dropFirst().first!.span)
        }
        if operation != .link, inputs.count > 1 {
            sink.report(.malformedValue, "only `link` takes more than one input; `\(operation.rawValue)` takes one", at: arguments[2].span.union(arguments[arrow - 1].span))
        }
        if operation == .link, inputs.count < 2 {
            sink.report(.malformedValue, "`link` joins two or more datasets", at: arguments[2].span)
        }
        let transform = Transform(fields: Transform.Fields(output: outputToken.text, title: title, span: node.headerSpan, holder: holder, operation: operation, inputs: inputs))
        // In place in the new box, as for flows.
        lowerProperties(of: node, into: &transform.storage.fields, using: Self.transformTable)
        if operation == .pseudonymise || operation == .reidentify, transform.key == nil {
            sink.report(.missingProperty, "`\(operation.rawValue)` needs the pseudonymisation key it uses", at: node.headerSpan,
                        help: "add `key KEY` inside the block")
        }
        if let cohort = transform.cohort, operation != .link || !inputs.contains(where: { $0.name == cohort.name }) {
            sink.report(.malformedValue, "`cohort` names the input of a `link` whose people the output keeps; `\(cohort.name)` is not one of its inputs", at: cohort.span)
        }
        if operation == .filter, transform.optOuts.isEmpty {
            sink.report(.missingProperty, "`filter` needs the opt-outs it applies", at: node.headerSpan, help: "add `opt-out ndoo, type1`")
        }
        return .transform(transform)
    }

    static let purposeTable: PropertyTable<Purpose> = {
        var table = PropertyTable<Purpose>("a purpose")
        table.required = ["category"]
        table.on("category") { lowerer, node, purpose in lowerer.value(node, as: PurposeCategory.self).map { purpose.category = $0 } }
        table.on("statutory-function") { lowerer, node, purpose in purpose.isStatutoryFunction = lowerer.flag(node) ?? true }
        table.on("kind-of") { lowerer, node, purpose in purpose.kindOf = lowerer.references(node, .purpose) }
        table.on("description") { lowerer, node, purpose in purpose.description = lowerer.text(node) }
        return table
    }()

    mutating func lowerPurpose(_ node: SyntaxNode) -> Declaration? {
        guard let (name, title) = namedHeader(node, what: "a purpose") else { return nil }
        var purpose = Purpose(id: name.text, title: title, span: node.headerSpan, category: .individualCare)
        lowerProperties(of: node, into: &purpose, using: Self.purposeTable)
        return .purpose(purpose)
    }

    static let optOutTable: PropertyTable<OptOut> = {
        var table = PropertyTable<OptOut>("an opt-out")
        table.required = ["kind"]
        table.on("kind") { lowerer, node, optOut in lowerer.value(node, as: OptOutKind.self).map { optOut.kind = $0 } }
        table.on("recorded-at") { lowerer, node, optOut in optOut.recordedAt = lowerer.references(node, .organisation) }
        table.on("purposes") { lowerer, node, optOut in optOut.purposes = lowerer.references(node, .purpose) }
        table.on("code") { lowerer, node, optOut in optOut.code = lowerer.text(node) }
        table.on("description") { lowerer, node, optOut in optOut.description = lowerer.text(node) }
        return table
    }()

    mutating func lowerOptOut(_ node: SyntaxNode) -> Declaration? {
        guard let (name, title) = namedHeader(node, what: "an opt-out") else { return nil }
        var optOut = OptOut(id: name.text, title: title, span: node.headerSpan, kind: .programme)
        lowerProperties(of: node, into: &optOut, using: Self.optOutTable)
        // `programme` is also the placeholder when `kind` is missing or invalid (already reported).
        let declaresProgramme = node.statements.first { $0.keyword.isWord("kind") }?.arguments.first?.text == OptOutKind.programme.rawValue
        if declaresProgramme, optOut.kind == .programme, optOut.purposes.isEmpty {
            sink.report(.missingProperty, "a programme opt-out needs the purposes it covers", at: node.headerSpan,
                        help: "add `purposes PURPOSE, …`")
        }
        return .optOut(optOut)
    }
}
