import FlowLanguage

/// Merges lowered files into one namespace, checks every reference and the consistency of the
/// declarations, and builds the `SemanticModel`.
struct Resolver {
    private var files: [LoweredFile]
    let libraryFiles: Set<String>
    private(set) var diagnostics: [Diagnostic] = []
    private var names = DeclaredNames()

    /// Where, in the files' declaration lists, a declaration that goes into the model is.
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
        // Each declaration's place in declaration order, file by file.
        var firstOrder = [Int](repeating: 0, count: files.count)
        var order = 0
        for fileIndex in ordered {
            firstOrder[fileIndex] = order
            order += files[fileIndex].declarations.count
        }
        // The names are entered on both cores, a shard each; what each declaration turned out to be
        // is then applied here in declaration order, without hashing anything again.
        let shardResults = Self.enterNames(
            files: files, ordered: ordered, firstOrder: firstOrder, declarationCount: declarationCount, libraryFiles: libraryFiles
        )
        names = DeclaredNames(shards: shardResults.map(\.shard))
        let outcomes = shardResults.map(\.outcomes)
        let duplicates = shardResults.map(\.duplicates)
        var nextDuplicate = [Int](repeating: 0, count: DeclaredNames.shardCount)
        var kept: [Position] = []
        kept.reserveCapacity(declarationCount)
        var keptIndexByOrder = [Int32](repeating: -1, count: declarationCount)
        var counts = DeclarationCounts()
        var settingsSpan: SourceSpan?
        var nextOutcome = [Int](repeating: 0, count: DeclaredNames.shardCount)
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
                let order = firstOrder[fileIndex] + index
                let shard = DeclaredNames.shard(of: file.nameHashes[index])
                guard nextOutcome[shard] < outcomes[shard].count, outcomes[shard][nextOutcome[shard]].order == order else {
                    // Entered by neither shard: a waiver, which defines no name.
                    kept.append(position)
                    counts.waivers += 1
                    continue
                }
                let outcome = outcomes[shard][nextOutcome[shard]]
                nextOutcome[shard] += 1
                switch outcome.kind {
                case .new(let kind, let isTransform):
                    keptIndexByOrder[order] = Int32(kept.count)
                    kept.append(position)
                    counts.count(kind, isTransform: isTransform)
                case .replacesLibrary(let previous):
                    let keptIndex = keptIndexByOrder[previous]
                    kept[Int(keptIndex)] = position
                    keptIndexByOrder[order] = keptIndex
                case .duplicate:
                    diagnostics.append(duplicates[shard][nextDuplicate[shard]])
                    nextDuplicate[shard] += 1
                }
            }
        }
        // Checking references needs only the names, and building the model only the declarations:
        // the two run at once.
        var references = files.map(\.references)
        let referenceNames = files.map(\.referenceNames)
        let checking = Parallel.start { [names, references] in Self.unresolvedReferences(in: references, naming: referenceNames, names: names) }
        // The declarations are shared out in one pass between the two halves of the model that are
        // then built at once, one per core: datasets with the transforms that derive more of them,
        // and everything else.
        var lineage: [Declaration] = []
        var rest: [Declaration] = []
        lineage.reserveCapacity(counts.lineage)
        rest.reserveCapacity(kept.count - counts.lineage)
        // Every payload is one reference (a copy-on-write box or an indirect case), so copying a
        // declaration costs one reference count. The files' lists are taken whole, and freed once
        // their declarations are shared out, so their memory serves the later stages.
        var declarations: [[Declaration]] = []
        declarations.reserveCapacity(files.count)
        for index in files.indices {
            declarations.append(files[index].declarations)
            files[index].declarations = []
        }
        for position in kept {
            let declaration = declarations[position.file][position.index]
            if declaration.isLineage { lineage.append(declaration) } else { rest.append(declaration) }
        }
        Parallel.discard(&declarations, leaving: [])
        let (derived, others) = Parallel.both({ [lineage, counts, names] in
            Self.buildLineage(from: lineage, counts: counts, names: names)
        }, { [rest, counts, model] in
            Self.buildRest(from: rest, counts: counts, into: model)
        })
        model = others.model
        model.datasets = derived.datasets
        model.transforms = derived.transforms
        model.derivationInputs = derived.derivationInputs
        for ((fileReferences, fileNames), unresolved) in zip(zip(references, referenceNames), checking.wait()) {
            for index in unresolved {
                let pending = fileReferences[index]
                check(Reference(name: fileNames[Int(pending.nameNumber)], span: pending.span), kinds: pending.kinds)
            }
        }
        // Everything the files still hold (their references, above all) is freed off this thread.
        Parallel.discard(&references, leaving: [])
        Parallel.discard(&files, leaving: [])
        Parallel.discard(&names, leaving: DeclaredNames())
        // In the order they always were: references, derivations, organisations and approvals,
        // transforms.
        diagnostics += derived.derivationProblems + others.problems + derived.transformProblems
        return model
    }

    /// What entering one declaration's name found.
    private struct NameOutcome: Sendable {
        enum Kind: Sendable {
            /// The first declaration of the name.
            case new(DeclarationKind, isTransform: Bool)
            /// A user's declaration of a name the library declares, with the same kind: it takes
            /// the place of the library's (at `previous` in declaration order).
            case replacesLibrary(previous: Int)
            /// Reported: the shard's diagnostics hold why, in the same order.
            case duplicate
        }

        let order: Int
        let kind: Kind
    }

    /// Each shard of the namespace, filled on a core of its own, with what entering each of its
    /// declarations found, in declaration order.
    private static func enterNames(
        files: [LoweredFile], ordered: [Int], firstOrder: [Int], declarationCount: Int, libraryFiles: Set<String>
    ) -> [(shard: DeclaredNames.Shard, outcomes: [NameOutcome], duplicates: [Diagnostic])] {
        let capacity = declarationCount / DeclaredNames.shardCount + 16
        return Parallel.map(Array(0..<DeclaredNames.shardCount)) { shardIndex in
            var shard = DeclaredNames.Shard(capacity: capacity)
            var outcomes: [NameOutcome] = []
            outcomes.reserveCapacity(capacity)
            var duplicates: [Diagnostic] = []
            for fileIndex in ordered {
                let file = files[fileIndex]
                for index in file.nameHashes.indices where DeclaredNames.shard(of: file.nameHashes[index]) == shardIndex {
                    guard let defined = file.declarations[index].definedName else { continue }
                    let hash = file.nameHashes[index]
                    let order = firstOrder[fileIndex] + index
                    let entry = DeclaredNames.Entry(kind: defined.kind, span: defined.span, order: order)
                    let (number, earlier) = shard.add(defined.name, hash: hash, entry)
                    guard let previous = earlier else {
                        outcomes.append(NameOutcome(order: order, kind: .new(defined.kind, isTransform: file.declarations[index].isTransform)))
                        continue
                    }
                    if libraryFiles.contains(previous.span.path), !libraryFiles.contains(defined.span.path), previous.kind == defined.kind {
                        shard.replace(number, with: entry)
                        outcomes.append(NameOutcome(order: order, kind: .replacesLibrary(previous: previous.order)))
                        continue
                    }
                    duplicates.append(Diagnostic(
                        .duplicateDeclaration, "`\(defined.name)` is already declared", at: defined.span,
                        notes: [DiagnosticNote("\(previous.kind.withArticle) `\(defined.name)` is declared here", at: previous.span)]
                    ))
                    outcomes.append(NameOutcome(order: order, kind: .duplicate))
                }
            }
            return (shard, outcomes, duplicates)
        }
    }

    /// The positions of each file's references that do not name a declaration of a right kind,
    /// found once the names are all known (most references resolve). One core does this while
    /// the other builds the model. Each file's distinct names are looked up once, not each time
    /// one is written.
    private static func unresolvedReferences(in files: [[PendingReference]], naming fileNames: [[String]], names: DeclaredNames) -> [[Int]] {
        zip(files, fileNames).map { file, fileNames in
            let declaredKinds = fileNames.map { names[$0]?.kind }
            return file.withUnsafeBufferPointer { references in
                references.indices.filter { index in
                    // Decided in place, without copying the reference out of the file.
                    guard let kind = declaredKinds[Int(references[index].nameNumber)] else { return true }
                    return !references[index].kinds.contains(kind)
                }
            }
        }
    }

    private mutating func report(_ code: LanguageCode, _ message: String, at span: SourceSpan?, notes: [DiagnosticNote] = [], help: String? = nil) {
        diagnostics.append(Diagnostic(code, message, at: span, notes: notes, help: help))
    }

    private mutating func check(_ reference: Reference, kinds: DeclarationKinds) {
        if let found = names[reference.name], kinds.contains(found.kind) { return }
        let expected = kinds.members.map(\.withArticle).joined(separator: " or ")
        guard let found = names[reference.name] else {
            let candidates = names.names { kinds.contains($0.kind) }
            report(.unknownReference, "unknown name `\(reference.name)`: expected \(expected)", at: reference.span,
                   help: Suggestion.help(for: reference.name, in: candidates))
            return
        }
        guard kinds.contains(found.kind) else {
            report(.wrongKindOfReference, "`\(reference.name)` is \(found.kind.withArticle), but \(expected) is expected here", at: reference.span,
                   notes: [DiagnosticNote("`\(reference.name)` is declared here", at: found.span)])
            return
        }
    }

    private static func add(_ declaration: consuming Declaration, to model: inout SemanticModel) {
        switch consume declaration {
        case .organisation(let value): model.organisations[value.id] = value
        case .boundary(let value): model.boundaries[value.id] = value
        case .dataset, .transform: preconditionFailure("datasets and transforms are built with the lineage")
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

    /// The datasets, the transforms in source order, and what each derived dataset is made from.
    private struct Lineage: Sendable {
        var datasets: [String: Dataset] = [:]
        var transforms: [Transform] = []
        var derivationInputs: [String: [String]] = [:]
        var derivationProblems: [Diagnostic] = []
        var transformProblems: [Diagnostic] = []
    }

    private static func buildLineage(from declarations: [Declaration], counts: DeclarationCounts, names: DeclaredNames) -> Lineage {
        var lineage = Lineage()
        counts.reserve(datasets: &lineage.datasets, transforms: &lineage.transforms)
        for declaration in declarations {
            switch declaration {
            case .dataset(let value): lineage.datasets[value.id] = value
            case .transform(let value): lineage.transforms.append(value)
            default: preconditionFailure("only datasets and transforms are lineage")
            }
        }
        SpanOrder.sort(&lineage.transforms) { $0.span }
        // What each output is made from, and the transforms that write to their own input, are
        // worked out on another core while the datasets are derived here: deriving is the longest
        // part of resolving, and the other core is otherwise left with little to do by then.
        let inputsAndProblems = Parallel.start { [transforms = lineage.transforms] in Self.derivationInputs(of: transforms) }
        lineage.derivationProblems = deriveDatasets(in: &lineage.datasets, from: lineage.transforms, names: names)
        (lineage.derivationInputs, lineage.transformProblems) = inputsAndProblems.wait()
        return lineage
    }

    private static func derivationInputs(of transforms: [Transform]) -> (inputs: [String: [String]], problems: [Diagnostic]) {
        var inputs: [String: [String]] = [:]
        inputs.reserveCapacity(transforms.count)
        var problems: [Diagnostic] = []
        for transform in transforms {
            inputs[transform.output, default: []] += transform.inputs.map(\.name)
            if transform.inputs.contains(where: { $0.name == transform.output }) {
                problems.append(Diagnostic(
                    .inconsistentDeclaration, "a transform cannot write to its own input `\(transform.output)`", at: transform.span
                ))
            }
        }
        return (inputs, problems)
    }

    /// Gives each transform's output a dataset entry, in lineage order (inputs before outputs), so
    /// derived datasets inherit origins, categories and subjects from what they are made of.
    ///
    /// Depth first from each transform in source order: a transform whose input another one makes
    /// waits while that one is derived. Sweeping the list until nothing changed looked up every
    /// input of every transform again on each sweep, and an estate's files name the datasets of
    /// files that sort after them, so most transforms were visited two or three times.
    private static func deriveDatasets(in datasets: inout [String: Dataset], from transforms: [Transform], names: DeclaredNames) -> [Diagnostic] {
        var producers: [String: Int] = [:]
        producers.reserveCapacity(transforms.count)
        for index in transforms.indices { producers[transforms[index].output] = index }
        var states = [DerivationState](repeating: .waiting, count: transforms.count)
        var stack: [Int] = []
        transforms.withUnsafeBufferPointer { transforms in
            for root in transforms.indices where states[root] == .waiting {
                stack.append(root)
                states[root] = .deriving
                while let index = stack.last {
                    switch nextStep(for: transforms[index], datasets: datasets, producers: producers, states: states) {
                    case .derive(let inputs):
                        datasets[transforms[index].output] = DerivedDataset.make(from: inputs, by: transforms[index])
                        states[index] = .derived
                        stack.removeLast()
                    case .first(let producer):
                        states[producer] = .deriving
                        stack.append(producer)
                    case .never:
                        states[index] = .underivable
                        stack.removeLast()
                    }
                }
            }
        }
        return transforms.indices.filter { states[$0] == .underivable }.map { transforms[$0] }
            .filter { $0.inputs.allSatisfy { names[$0.name]?.kind == .dataset } }.map { transform in
                Diagnostic(.inconsistentDeclaration, "dataset `\(transform.output)` is derived from itself", at: transform.span,
                           notes: [DiagnosticNote("its inputs \(transform.inputs.map { "`\($0.name)`" }.joined(separator: ", ")) depend on it in turn")])
            }
    }

    private enum DerivationState {
        case waiting, deriving, derived, underivable
    }

    private enum DerivationStep {
        /// Every input is known.
        case derive([Dataset])
        /// An input is the output of this transform, which must be derived first.
        case first(Int)
        /// An input is neither declared nor derivable (it is missing, or depends on itself).
        case never
    }

    private static func nextStep(for transform: Transform, datasets: [String: Dataset], producers: [String: Int], states: [DerivationState]) -> DerivationStep {
        var inputs: [Dataset] = []
        inputs.reserveCapacity(transform.inputs.count)
        for input in transform.inputs {
            if let dataset = datasets[input.name] {
                inputs.append(dataset)
                continue
            }
            guard let producer = producers[input.name], states[producer] == .waiting else { return .never }
            return .first(producer)
        }
        return .derive(inputs)
    }

    /// Every declaration but datasets and transforms, added to `model`, with the consistency
    /// problems of organisations and approvals.
    private static func buildRest(from declarations: [Declaration], counts: DeclarationCounts, into model: SemanticModel) -> (model: SemanticModel, problems: [Diagnostic]) {
        var model = model
        counts.reserve(in: &model)
        for declaration in declarations { add(declaration, to: &model) }
        SpanOrder.sort(&model.flows) { $0.span }
        SpanOrder.sort(&model.waivers) { $0.span }
        return (model, consistencyProblems(of: model))
    }

    private static func consistencyProblems(of model: SemanticModel) -> [Diagnostic] {
        // Problems are rare: organisations are visited in any order and only those with one are
        // put in name order, rather than sorting every organisation.
        var problems: [(id: String, diagnostics: [Diagnostic])] = []
        for org in model.organisations.values {
            let found = consistencyProblems(of: org, in: model.organisations)
            if !found.isEmpty { problems.append((org.id, found)) }
        }
        var found = problems.sorted(by: { $0.id < $1.id }).flatMap(\.diagnostics)
        for approval in model.approvals.values.sorted(by: { $0.id < $1.id }) {
            if let from = approval.validFrom, let until = approval.validUntil?.day, until < from {
                found.append(Diagnostic(.inconsistentDeclaration, "approval `\(approval.id)` ends (\(until)) before it starts (\(from))", at: approval.span))
            }
        }
        return found
    }

    private static func consistencyProblems(of org: Organisation, in organisations: [String: Organisation]) -> [Diagnostic] {
        var found: [Diagnostic] = []
        if org.processorFor.contains(where: { $0.name == org.id }) {
            found.append(Diagnostic(.inconsistentDeclaration, "`\(org.id)` cannot be a processor for itself", at: org.span))
        }
        if let parent = org.partOf?.name {
            var seen: Set<String> = [org.id]
            var next: String? = parent
            while let current = next {
                guard seen.insert(current).inserted else {
                    found.append(Diagnostic(.inconsistentDeclaration, "`\(org.id)` is part of itself through a chain of `part-of`", at: org.span))
                    break
                }
                next = organisations[current]?.partOf?.name
            }
            if org.processorFor.contains(where: { $0.name == parent }) {
                found.append(Diagnostic(.inconsistentDeclaration, "`\(org.id)` is part of `\(parent)`, so it cannot also be its processor: one legal person is not its own processor", at: org.span))
            }
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
