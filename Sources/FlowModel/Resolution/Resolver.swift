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
        // Checking references needs only the names, and building the model only the declarations:
        // the two run at once, one on each core. The references are handed over on their own, so
        // moving declarations out of the files below copies nothing the checker still holds.
        let references = files.map(\.references)
        let checking = Parallel.start { [names] in Self.unresolvedReferences(in: references, names: names) }
        let reportedBeforeBuilding = diagnostics.count
        counts.reserve(in: &model)
        for position in kept {
            // Taken before the call: evaluating a method of `self` first would hold a copy of
            // `files` while the declaration is moved out, and force a copy of the whole estate.
            let declaration = takeDeclaration(at: position)
            Self.add(declaration, to: &model)
        }
        // The lists hold only placeholders now; freed here, their memory serves the later stages.
        for index in files.indices { files[index].declarations = [] }
        SpanOrder.sort(&model.flows) { $0.span }
        SpanOrder.sort(&model.transforms) { $0.span }
        model.derivationInputs.reserveCapacity(model.transforms.count)
        for transform in model.transforms {
            model.derivationInputs[transform.output, default: []] += transform.inputs.map(\.name)
        }
        SpanOrder.sort(&model.waivers) { $0.span }
        deriveDatasets(in: &model)
        checkConsistency(of: model)
        // Reported in the order they always were: references before the model's consistency.
        let foundWhileBuilding = diagnostics[reportedBeforeBuilding...]
        diagnostics.removeSubrange(reportedBeforeBuilding...)
        for (fileReferences, unresolved) in zip(references, checking.wait()) {
            for index in unresolved { check(fileReferences[index]) }
        }
        diagnostics += foundWhileBuilding
        return model
    }

    /// The positions of each file's references that do not name a declaration of a right kind,
    /// found once the names are all known (most references resolve). One core does this while
    /// the other builds the model.
    private static func unresolvedReferences(in files: [[PendingReference]], names: [String: NameEntry]) -> [[Int]] {
        files.map { file in
            file.withUnsafeBufferPointer { references in
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
        // Problems are rare: organisations are visited in any order and only those with one are
        // put in name order, rather than sorting every organisation.
        var problems: [(id: String, diagnostics: [Diagnostic])] = []
        for org in model.organisations.values {
            let found = Self.consistencyProblems(of: org, in: model.organisations)
            if !found.isEmpty { problems.append((org.id, found)) }
        }
        for problem in problems.sorted(by: { $0.id < $1.id }) { diagnostics += problem.diagnostics }
        for approval in model.approvals.values.sorted(by: { $0.id < $1.id }) {
            if let from = approval.validFrom, let until = approval.validUntil?.day, until < from {
                report(.inconsistentDeclaration, "approval `\(approval.id)` ends (\(until)) before it starts (\(from))", at: approval.span)
            }
        }
        for transform in model.transforms where transform.inputs.contains(where: { $0.name == transform.output }) {
            report(.inconsistentDeclaration, "a transform cannot write to its own input `\(transform.output)`", at: transform.span)
        }
    }

    private static func consistencyProblems(of org: Organisation, in organisations: [String: Organisation]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if org.processorFor.contains(where: { $0.name == org.id }) {
            found.append(Diagnostic(.inconsistentDeclaration, "`\(org.id)` cannot be a processor for itself", at: org.span))
        }
        if let from = org.validFrom, let until = org.validUntil, until < from {
            found.append(Diagnostic(.inconsistentDeclaration, "`\(org.id)` is valid until \(until), before it is valid from \(from)", at: org.span))
        }
        guard var next = org.successor?.name else { return found }
        var seen: Set<String> = [org.id]
        while let successor = organisations[next] {
            if seen.contains(next) {
                found.append(Diagnostic(.inconsistentDeclaration, "`\(org.id)` is its own successor through a chain of successors", at: org.span))
                break
            }
            seen.insert(next)
            guard let following = successor.successor?.name else { break }
            next = following
        }
        return found
    }
}
