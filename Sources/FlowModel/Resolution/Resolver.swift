import FlowLanguage

/// Merges lowered files into one namespace, checks every reference and the consistency of the
/// declarations, and builds the `SemanticModel`.
struct Resolver {
    private var files: [LoweredFile]
    let libraryFiles: Set<String>
    private(set) var diagnostics: [Diagnostic] = []
    private var names: [String: NameEntry] = [:]

    /// A declared name: its kind, where it is declared, and its slot in `kept`.
    private struct NameEntry {
        let kind: DeclarationKind
        let span: SourceSpan
        let kept: Int
    }

    /// Where a declaration that goes into the model is: declarations are large values, so they
    /// are copied once, into the model, rather than through intermediate arrays.
    private struct Position {
        let file: Int
        let index: Int
    }

    init(files: [LoweredFile], libraryFiles: Set<String>) {
        self.files = files
        self.libraryFiles = libraryFiles
    }

    mutating func resolve() -> SemanticModel {
        var model = SemanticModel()
        // Library files first so a user's declaration of the same name replaces the library's.
        let ordered = files.indices.filter { libraryFiles.contains(files[$0].path) }
            + files.indices.filter { !libraryFiles.contains(files[$0].path) }
        let declarationCount = files.reduce(0) { $0 + $1.declarations.count }
        names.reserveCapacity(declarationCount)
        var kept: [Position] = []
        kept.reserveCapacity(declarationCount)
        var counts = DeclarationCounts()
        var settingsSpan: SourceSpan?
        for fileIndex in ordered {
            let file = files[fileIndex]
            if let name = file.modelName {
                if let existing = model.name, existing != name, let span = file.modelSpan {
                    report(.duplicateDeclaration, "the model is already named \"\(existing)\"", at: span)
                }
                model.name = name
            }
            if let settings = file.settings {
                // Settings given twice are reported, not silently replaced by the later file's.
                if let first = settingsSpan {
                    report(.duplicateDeclaration, "the model's settings are already given", at: file.modelSpan,
                           notes: [DiagnosticNote("first given here", at: first)])
                } else {
                    model.settings = settings
                    settingsSpan = file.modelSpan
                }
            }
            for index in file.declarations.indices {
                let position = Position(file: fileIndex, index: index)
                guard let defined = file.declarations[index].definedName else {
                    kept.append(position)
                    counts.waivers += 1
                    continue
                }
                // Inserted first and put right in the rare clash: one hash of the name, not two.
                if let previous = names.updateValue(NameEntry(kind: defined.kind, span: defined.span, kept: kept.count), forKey: defined.name) {
                    if libraryFiles.contains(previous.span.path), !libraryFiles.contains(defined.span.path),
                       previous.kind == defined.kind {
                        kept[previous.kept] = position
                        names[defined.name] = NameEntry(kind: defined.kind, span: defined.span, kept: previous.kept)
                        continue
                    }
                    names[defined.name] = previous
                    report(.duplicateDeclaration, "`\(defined.name)` is already declared", at: defined.span,
                           notes: [DiagnosticNote("\(previous.kind.withArticle) `\(defined.name)` is declared here", at: previous.span)])
                    continue
                }
                kept.append(position)
                counts.count(defined.kind, isTransform: file.declarations[index].isTransform)
            }
        }
        for (file, unresolved) in zip(files, Self.unresolvedReferences(in: files, names: names)) {
            for index in unresolved { check(file.references[index]) }
        }
        counts.reserve(in: &model)
        for position in kept {
            // Taken before the call: evaluating a method of `self` first would hold a copy of
            // `files` while the declaration is moved out, and force a copy of the whole estate.
            let declaration = takeDeclaration(at: position)
            Self.add(declaration, to: &model)
        }
        SpanOrder.sort(&model.flows) { $0.span }
        SpanOrder.sort(&model.transforms) { $0.span }
        model.derivationInputs.reserveCapacity(model.transforms.count)
        for transform in model.transforms {
            model.derivationInputs[transform.output, default: []] += transform.inputs.map(\.name)
        }
        SpanOrder.sort(&model.waivers) { $0.span }
        deriveDatasets(in: &model)
        checkConsistency(of: model)
        return model
    }

    /// The positions of each file's references that do not name a declaration of a right kind,
    /// found for all files at once: the names are all known by now, and most references resolve.
    private static func unresolvedReferences(in files: [LoweredFile], names: [String: NameEntry]) -> [[Int]] {
        Parallel.map(files) { file in
            file.references.withUnsafeBufferPointer { references in
                references.indices.filter { index in
                    // Decided in place, without copying the reference out of the file.
                    guard let found = names[references[index].reference.name] else { return true }
                    return !references[index].kinds.contains(found.kind)
                }
            }
        }
    }

    /// Moves a declaration out of its file, leaving an empty placeholder: a copy would retain
    /// each of its strings and arrays once more, and every declaration is added exactly once.
    private mutating func takeDeclaration(at position: Position) -> Declaration {
        var declaration = Declaration.placeholder
        swap(&declaration, &files[position.file].declarations[position.index])
        return declaration
    }

    private mutating func report(_ code: LanguageCode, _ message: String, at span: SourceSpan?, notes: [DiagnosticNote] = [], help: String? = nil) {
        diagnostics.append(Diagnostic(code, message, at: span, notes: notes, help: help))
    }

    private mutating func check(_ pending: PendingReference) {
        if let found = names[pending.reference.name], pending.kinds.contains(found.kind) { return }
        let reference = pending.reference
        let expected = pending.kinds.members.map(\.withArticle).joined(separator: " or ")
        guard let found = names[reference.name] else {
            let candidates = names.filter { pending.kinds.contains($0.value.kind) }.keys
            report(.unknownReference, "unknown name `\(reference.name)`: expected \(expected)", at: reference.span,
                   help: Suggestion.help(for: reference.name, in: candidates))
            return
        }
        guard pending.kinds.contains(found.kind) else {
            report(.wrongKindOfReference, "`\(reference.name)` is \(found.kind.withArticle), but \(expected) is expected here", at: reference.span,
                   notes: [DiagnosticNote("`\(reference.name)` is declared here", at: found.span)])
            return
        }
    }

    private static func add(_ declaration: consuming Declaration, to model: inout SemanticModel) {
        switch consume declaration {
        case .organisation(let value): model.organisations[value.id] = value
        case .boundary(let value): model.boundaries[value.id] = value
        case .dataset(let value): model.datasets[value.id] = value
        case .transform(let value): model.transforms.append(value)
        case .purpose(let value): model.purposes[value.id] = value
        case .approval(let value): model.approvals[value.id] = value
        case .agreement(let value): model.agreements[value.id] = value
        case .contract(let value): model.contracts[value.id] = value
        case .arrangement(let value): model.arrangements[value.id] = value
        case .dpia(let value): model.impactAssessments[value.id] = value
        case .gateway(let value): model.gateways[value.id] = value
        case .optOut(let value): model.optOuts[value.id] = value
        case .key(let value): model.keys[value.id] = value
        case .notice(let value): model.notices[value.id] = value
        case .flow(let value): model.flows.append(value)
        case .waiver(let value): model.waivers.append(value)
        }
    }

    /// Gives each transform's output a dataset entry, in lineage order (inputs before outputs), so
    /// derived datasets inherit origins, categories and subjects from what they are made of.
    private mutating func deriveDatasets(in model: inout SemanticModel) {
        var pending = Array(model.transforms.indices)
        let transforms = model.transforms
        var progress = true
        transforms.withUnsafeBufferPointer { transforms in
            while !pending.isEmpty, progress {
                progress = false
                pending.removeAll { index in
                    // Each input looked up once; a copy of a dataset is one reference count.
                    let inputs = transforms[index].inputs.compactMap { model.datasets[$0.name] }
                    guard inputs.count == transforms[index].inputs.count else { return false }
                    model.datasets[transforms[index].output] = DerivedDataset.make(from: inputs, by: transforms[index])
                    progress = true
                    return true
                }
            }
        }
        for transform in pending.map({ model.transforms[$0] }) where transform.inputs.allSatisfy({ names[$0.name]?.kind == .dataset }) {
            report(.inconsistentDeclaration, "dataset `\(transform.output)` is derived from itself", at: transform.span,
                   notes: [DiagnosticNote("its inputs \(transform.inputs.map { "`\($0.name)`" }.joined(separator: ", ")) depend on it in turn")])
        }
    }

    private mutating func checkConsistency(of model: SemanticModel) {
        for org in model.sortedOrganisations {
            if org.processorFor.contains(where: { $0.name == org.id }) {
                report(.inconsistentDeclaration, "`\(org.id)` cannot be a processor for itself", at: org.span)
            }
            if let from = org.validFrom, let until = org.validUntil, until < from {
                report(.inconsistentDeclaration, "`\(org.id)` is valid until \(until), before it is valid from \(from)", at: org.span)
            }
            var seen: Set<String> = [org.id]
            var next = org.successor?.name
            while let current = next, let successor = model.organisations[current] {
                if seen.contains(current) {
                    report(.inconsistentDeclaration, "`\(org.id)` is its own successor through a chain of successors", at: org.span)
                    break
                }
                seen.insert(current)
                next = successor.successor?.name
            }
        }
        for approval in model.approvals.values.sorted(by: { $0.id < $1.id }) {
            if let from = approval.validFrom, let until = approval.validUntil?.day, until < from {
                report(.inconsistentDeclaration, "approval `\(approval.id)` ends (\(until)) before it starts (\(from))", at: approval.span)
            }
        }
        for transform in model.transforms where transform.inputs.contains(where: { $0.name == transform.output }) {
            report(.inconsistentDeclaration, "a transform cannot write to its own input `\(transform.output)`", at: transform.span)
        }
    }
}
