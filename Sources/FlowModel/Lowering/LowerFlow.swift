import FlowLanguage

extension Lowerer {
    /// Handlers write a flow's fields directly: through `Flow`'s key-path members every property
    /// cost a key-path projection and a uniqueness check.
    static let flowTable: PropertyTable<Flow.Fields> = {
        var table = PropertyTable<Flow.Fields>("a flow")
        table.required = ["data", "level", "purpose"]
        table.on("data") { lowerer, node, flow in lowerer.reference(node, .dataset).map { flow.dataset = $0 } }
        table.on("level") { lowerer, node, flow in
            lowerer.value(node, as: IdentifiabilityLevel.self).map { flow.level = $0 }
            let arguments = node.arguments
            flow.levelSpan = arguments.isEmpty ? nil : arguments.span(at: 0)
        }
        table.on("purpose") { lowerer, node, flow in flow.purposes = lowerer.references(node, .purpose) }
        table.on("role") { lowerer, node, flow in
            // `role processor for ORG`: whose processor the recipient is on this flow.
            guard let tokens = lowerer.arguments(node, count: 1...3, shape: "ROLE | processor for ORGANISATION") else { return }
            guard let role = lowerer.value(tokens, at: 0, as: RecipientRole.self) else { return }
            flow.role = role
            guard tokens.count > 1 else { return }
            guard role == .processor, tokens.count == 3, tokens.kind(at: 1) == .word, tokens.text(at: 1) == "for" else {
                lowerer.sink.report(.malformedValue, "only a processor names whom it acts for: `role processor for ORGANISATION`", at: tokens[1].span)
                return
            }
            flow.processorFor = lowerer.reference(tokens, at: 2, kinds: [.organisation])
        }
        table.on("art6") { lowerer, node, flow in
            guard let tokens = lowerer.arguments(node, count: 1...2, shape: "BASIS [\"law\" | GATEWAY] | unknown \"reason\" | contested \"reason\""),
                  !lowerer.lowerUnresolved(tokens, gate: .article6, node: node, into: &flow),
                  let basis = lowerer.value(tokens, at: 0, as: Article6Basis.self) else { return }
            var claim = Article6Claim(basis: basis, span: node.headerSpan)
            if tokens.count == 2 {
                if tokens.kind(at: 1) == .string { claim.citation = tokens.text(at: 1) } else { claim.gateway = lowerer.reference(tokens, at: 1, kinds: [.gateway]) }
            }
            flow.article6 = claim
        }
        table.on("art9") { lowerer, node, flow in
            flow.article9Conditions = lowerer.values(node, as: Article9Condition.self)
            flow.article9Span = node.headerSpan
        }
        table.on("sch1") { lowerer, node, flow in flow.schedule1 = lowerer.schedule1Conditions(node) }
        table.on("art10") { lowerer, node, flow in flow.article10 = lowerer.value(node, as: Article10Route.self) }
        table.on("confidentiality") { lowerer, node, flow in
            guard let tokens = lowerer.arguments(node, count: 1...2, shape: "BASIS [APPROVAL | GATEWAY] | unknown \"reason\" | contested \"reason\""),
                  !lowerer.lowerUnresolved(tokens, gate: .confidentiality, node: node, into: &flow),
                  let basis = lowerer.value(tokens, at: 0, as: ConfidentialityBasis.self) else { return }
            var claim = ConfidentialityClaim(basis: basis, span: node.headerSpan)
            if tokens.count == 2 { claim.instrument = lowerer.reference(tokens, at: 1, kinds: [.approval, .gateway]) }
            flow.confidentiality = claim
        }
        table.on("applies") { lowerer, node, flow in flow.appliedOptOuts = lowerer.references(node, .optOut) }
        table.on("exempt", repeatable: true) { lowerer, node, flow in
            let shape = "OPT-OUT [NDOP-EXEMPTION | APPROVAL] [\"evidence\"]"
            guard let tokens = lowerer.arguments(node, count: 1...3, shape: shape),
                  let optOut = lowerer.reference(tokens[0], .optOut) else { return }
            var exemption = OptOutExemption(optOut: optOut, span: node.headerSpan)
            var position = 1
            if position < tokens.count, tokens.kind(at: position) == .word {
                let word = tokens[position]
                if let entry = NDOPExemption.spellingIndex[word] {
                    exemption.ground = .policy(entry)
                } else if let approval = lowerer.reference(word, .approval) {
                    exemption.ground = .approval(approval)
                }
                position += 1
            }
            if position < tokens.count {
                guard tokens.kind(at: position) == .string, position == tokens.count - 1 else {
                    lowerer.sink.report(.malformedValue, "expected \(shape)", at: tokens[position].span)
                    return
                }
                exemption.evidence = tokens.text(at: position)
            }
            flow.exemptions.append(exemption)
        }
        table.on("agreement") { lowerer, node, flow in flow.agreements = lowerer.references(node, .agreement, .contract, .arrangement) }
        table.on("dpia") { lowerer, node, flow in flow.dpia = lowerer.reference(node, .dpia) }
        table.on("retention", repeatable: true) { lowerer, node, flow in
            guard let tokens = lowerer.arguments(node, count: 1...2, shape: "\"period and trigger\" [ACTION]") else { return }
            guard tokens.kind(at: 0) == .string else {
                lowerer.sink.report(.malformedValue, "retention is described in a quoted string", at: tokens[0].span,
                                    help: "write `retention \"6 years after closure\" destroy`")
                return
            }
            let action = tokens.count == 2 ? lowerer.value(tokens, at: 1, as: RetentionAction.self) : nil
            flow.retention.append(RetentionStatement(text: tokens.text(at: 0), action: action, span: node.headerSpan))
        }
        table.on("transfer") { lowerer, node, flow in flow.transfer = lowerer.value(node, as: TransferMechanism.self) }
        table.on("frequency") { lowerer, node, flow in flow.frequency = lowerer.value(node, as: Frequency.self) }
        table.on("status") { lowerer, node, flow in
            guard let tokens = lowerer.arguments(node, count: 1...2, shape: "planned|paused|live|ended [DATE]") else { return }
            flow.status = lowerer.value(tokens, at: 0, as: FlowStatus.self)
            if tokens.count == 2 { flow.statusSince = lowerer.day(tokens[1]) }
        }
        table.on("suppress-below") { lowerer, node, flow in flow.suppressBelow = lowerer.integer(node, in: 1...1_000_000) }
        table.on("round-to") { lowerer, node, flow in flow.roundTo = lowerer.integer(node, in: 1...1_000_000) }
        table.on("assessment") { lowerer, node, flow in flow.anonymisationAssessment = lowerer.text(node) }
        table.on("reidentification-by") { lowerer, node, flow in flow.reidentificationAllowedBy = lowerer.references(node, .organisation) }
        table.on("needs") { lowerer, node, flow in flow.neededIdentifiers = lowerer.values(node, as: Identifier.self) }
        table.on("items") { lowerer, node, flow in flow.items = lowerer.text(node) }
        table.on("changed") { lowerer, node, flow in flow.changed = lowerer.day(node, partial: .latest) }
        table.on("siro-approval") { lowerer, node, flow in flow.siroApproval = lowerer.text(node) }
        table.on("description") { lowerer, node, flow in flow.description = lowerer.text(node) }
        return table
    }()

    static let unresolvedStates = SpellingIndex<UnresolvedBasis.State>([("unknown", .unknown), ("contested", .contested)])

    /// `unknown "reason"` or `contested "reason"` for a gate: true when the tokens were that form
    /// (recorded, or reported when the reason is missing), false when they are a basis to read.
    mutating func lowerUnresolved(_ tokens: SyntaxTokens, gate: UnresolvedBasis.Gate, node: SyntaxNode, into flow: inout Flow.Fields) -> Bool {
        // Matched in place from the token's bytes: every art6 and confidentiality line asks.
        guard tokens.kind(at: 0) == .word, let state = Self.unresolvedStates[tokens, at: 0] else { return false }
        guard tokens.count == 2, tokens.kind(at: 1) == .string, !tokens.text(at: 1).allSatisfy(\.isWhitespace) else {
            sink.report(.malformedValue, "`\(gate.rawValue) \(state.rawValue)` needs the reason in quotes: `\(gate.rawValue) \(state.rawValue) \"what the sources say\"`", at: tokens[0].span)
            return true
        }
        flow.unresolved.append(UnresolvedBasis(gate: gate, state: state, reason: tokens.text(at: 1), span: node.headerSpan))
        return true
    }

    /// `part1 para2[, part2 para18…]`, read from the tokens' bytes: through a `Token` and a
    /// `String` per word, with `Int` parsing a `Substring`, this was the costliest property of a flow.
    mutating func schedule1Conditions(_ node: SyntaxNode) -> [Schedule1Condition] {
        var result: [Schedule1Condition] = []
        let tokens = node.arguments
        Self.forEachListItem(of: tokens) { item, _ in
            guard item.count == 2, tokens.kind(at: item.lowerBound) == .word, tokens.kind(at: item.lowerBound + 1) == .word else {
                reportMalformedSchedule1Condition(tokens[item], in: node)
                return
            }
            guard let part = tokens.withUTF8(at: item.lowerBound, { Self.number(after: Self.partPrefix, in: $0) }),
                  let paragraph = tokens.withUTF8(at: item.lowerBound + 1, { Self.number(after: Self.paragraphPrefix, in: $0) }) else {
                reportMalformedSchedule1Condition(tokens[item], in: node)
                return
            }
            guard let condition = Schedule1Condition(part: part, paragraph: paragraph) else {
                let (first, second) = (tokens[item.lowerBound], tokens[item.lowerBound + 1])
                let valid = Schedule1Condition.validParagraphs.sorted { $0.key < $1.key }
                    .map { "part\($0.key) para\($0.value.lowerBound)–para\($0.value.upperBound)" }.joined(separator: ", ")
                sink.report(.unknownValue, "DPA 2018 Schedule 1 has no condition `\(first.text) \(second.text)`", at: first.span.union(second.span),
                            notes: [DiagnosticNote("valid conditions: \(valid)")])
                return
            }
            result.append(condition)
        }
        return result
    }

    private static let partPrefix = Array("part".utf8)
    private static let paragraphPrefix = Array("para".utf8)

    /// The number after `prefix` in `bytes` (`part1` → 1), as `Int` reads it (an optional sign,
    /// then decimal digits, nil on overflow), or nil.
    static func number(after prefix: [UInt8], in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count > prefix.count, bytes.starts(with: prefix) else { return nil }
        var position = prefix.count
        let isNegative = bytes[position] == UInt8(ascii: "-")
        if isNegative || bytes[position] == UInt8(ascii: "+") { position += 1 }
        guard position < bytes.count else { return nil }
        var value = 0
        while position < bytes.count {
            let digit = bytes[position] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (shifted, overflowed) = value.multipliedReportingOverflow(by: 10)
            // Gathered negatively when negative, so that `Int.min` reads as `Int` reads it.
            let (next, alsoOverflowed) = isNegative ? shifted.subtractingReportingOverflow(Int(digit)) : shifted.addingReportingOverflow(Int(digit))
            guard !overflowed, !alsoOverflowed else { return nil }
            value = next
            position += 1
        }
        return value
    }

    private mutating func reportMalformedSchedule1Condition(_ item: Slice<SyntaxTokens>, in node: SyntaxNode) {
        let span = item.first.map { $0.span.union(item.last!.span) } ?? node.keyword.span
        sink.report(.malformedValue, "a Schedule 1 condition is written `partN paraM`, e.g. `part1 para2`", at: span)
    }

    /// `flow [ID] FROM -> TO ["Title"] { … }`
    mutating func lowerFlow(_ node: SyntaxNode) -> Declaration? {
        let arguments = node.arguments
        let shape = "flow [NAME] FROM -> TO [\"Title\"]"
        guard let arrow = arguments.firstIndex(ofKind: .arrow), (1...2).contains(arrow),
              arrow + 1 < arguments.count else {
            sink.report(.malformedValue, "a flow is written `\(shape)`", at: node.headerSpan)
            return nil
        }
        var explicitID: Token?
        if arrow == 2 {
            guard let id = definedName(arguments[0], in: node, what: "a flow") else { return nil }
            explicitID = id
        }
        guard let from = reference(arguments[arrow - 1], .organisation),
              let to = reference(arguments[arrow + 1], .organisation) else { return nil }
        var title: String?
        let rest = arguments[(arrow + 2)...]
        if rest.count == 1, rest.first!.kind == .string { title = rest.first!.text } else if !rest.isEmpty {
            sink.report(.unexpectedToken, "after `\(from.name) -> \(to.name)` only a quoted title may follow", at: rest.first!.span)
        }
        let placeholder = Reference(name: "", span: node.keyword.span)
        let flow = Flow(fields: Flow.Fields(
            id: explicitID?.text ?? "", hasExplicitID: explicitID != nil, title: title, span: node.headerSpan,
            from: from, to: to, dataset: placeholder, level: .identifiable
        ))
        // Written in place in the flow's new box, which nothing else holds yet: built in a local
        // and then boxed, the fields were copied once per flow.
        lowerProperties(of: node, into: &flow.storage.fields, using: Self.flowTable)
        if explicitID == nil {
            // A writable name (waivers can target it): from.to.dataset.purpose…
            flow.storage.fields.id = ([from.name, to.name, flow.dataset.name] + flow.purposes.map(\.name)).joined(separator: ".")
        }
        return .flow(flow)
    }

    static let waiverTable: PropertyTable<Waiver> = {
        var table = PropertyTable<Waiver>("a waiver")
        table.required = ["justification", "owner", "reference", "expires"]
        table.on("justification") { lowerer, node, waiver in waiver.justification = lowerer.text(node) }
        table.on("owner") { lowerer, node, waiver in waiver.owner = lowerer.text(node) }
        table.on("reference") { lowerer, node, waiver in waiver.reference = lowerer.text(node) }
        table.on("expires") { lowerer, node, waiver in waiver.expires = lowerer.day(node) }
        table.on("finding") { lowerer, node, waiver in waiver.finding = lowerer.text(node) }
        return table
    }()

    /// `waiver CODE TARGET { … }`
    mutating func lowerWaiver(_ node: SyntaxNode) -> Declaration? {
        let arguments = node.arguments
        guard arguments.count == 2, arguments.allSatisfy({ $0.kind == .word }) else {
            sink.report(.malformedValue, "a waiver is written `waiver FG0NN TARGET { … }`", at: node.headerSpan)
            return nil
        }
        let code = arguments[0]
        guard code.text.count == 5, code.text.hasPrefix("FG"), code.text.dropFirst(2).allSatisfy(\.isNumber) else {
            sink.report(.malformedValue, "`\(code.text)` is not a finding code; codes look like FG015", at: code.span)
            return nil
        }
        guard let target = reference(arguments[1], kinds: DeclarationKind.allCases) else { return nil }
        var waiver = Waiver(code: code.text, codeSpan: code.span, target: target, span: node.headerSpan)
        lowerProperties(of: node, into: &waiver, using: Self.waiverTable)
        return .waiver(waiver)
    }
}
