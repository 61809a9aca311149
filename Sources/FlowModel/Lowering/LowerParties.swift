import FlowLanguage

extension Lowerer {
    /// `KEYWORD name ["Title"]`.
    mutating func namedHeader(_ node: SyntaxNode, what: String) -> (name: Token, title: String?)? {
        let arguments = node.arguments
        guard let name = definedName(arguments.first, in: node, what: what) else { return nil }
        var title: String?
        if arguments.count >= 2 {
            if arguments[1].kind == .string, arguments.count == 2 {
                title = arguments[1].text
            } else {
                sink.report(.unexpectedToken, "after the name of \(what) only a quoted title may follow", at: arguments[1].span.union(arguments.last!.span),
                            help: "write `\(node.name) \(name.text) \"Title\" { … }`")
            }
        }
        return (name, title)
    }

    /// Handlers write the fields directly, as for flows, not through the key-path members.
    static let organisationTable: PropertyTable<Organisation.Fields> = {
        var table = PropertyTable<Organisation.Fields>("an organisation")
        table.required = ["kind"]
        table.on("kind") { lowerer, node, org in lowerer.value(node, as: OrganisationKind.self).map { org.kind = $0 } }
        table.on("public-authority") { lowerer, node, org in org.isPublicAuthority = lowerer.flag(node) }
        table.on("ods") { lowerer, node, org in org.odsCode = lowerer.text(node) }
        table.on("ico") { lowerer, node, org in org.icoRegistration = lowerer.text(node) }
        table.on("country") { lowerer, node, org in
            guard let token = lowerer.word(node, shape: "an ISO 3166 country code such as GB") else { return }
            let isCode = token.text.count == 2 && token.text.unicodeScalars.allSatisfy { $0 >= "A" && $0 <= "Z" }
            if token.text == "UK" || token.text == "EU" {
                lowerer.sink.report(.unknownValue, "`\(token.text)` is not an ISO 3166-1 country code", at: token.span,
                                    help: token.text == "UK" ? "the United Kingdom's code is `GB`" : "name the country, e.g. `IE` or `DE`")
            } else if isCode {
                org.country = token.text
                org.isCountryDeclared = true
            } else {
                lowerer.sink.report(.unknownValue, "`\(token.text)` is not an ISO 3166-1 alpha-2 country code", at: token.span,
                                    help: "use two capital letters: GB for the United Kingdom, IE, FR, US, IN…")
            }
        }
        table.on("dspt") { lowerer, node, org in
            guard let tokens = lowerer.arguments(node, count: 1...2, shape: "STATUS [\"YEAR\"]") else { return }
            org.dspt = lowerer.value(tokens[0], as: DSPTStatus.self)
            if tokens.count == 2 { org.dsptYear = tokens[1].text }
        }
        table.on("apd") { lowerer, node, org in org.hasAppropriatePolicyDocument = lowerer.flag(node) }
        table.on("confidentiality-duty") { lowerer, node, org in org.hasConfidentialityDuty = lowerer.flag(node) }
        table.on("statutory-collector") { lowerer, node, org in org.isStatutoryCollector = lowerer.flag(node) ?? false }
        table.on("accountable") { lowerer, node, org in org.isAccountable = lowerer.flag(node) ?? false }
        table.on("valid-from") { lowerer, node, org in org.validFrom = lowerer.day(node, partial: .latest) }
        table.on("valid-until") { lowerer, node, org in org.validUntil = lowerer.day(node) }
        table.on("successor") { lowerer, node, org in org.successor = lowerer.reference(node, .organisation) }
        table.on("processor-for") { lowerer, node, org in org.processorFor = lowerer.references(node, .organisation) }
        table.on("part-of") { lowerer, node, org in org.partOf = lowerer.reference(node, .organisation) }
        table.on("joint-controller-with") { lowerer, node, org in org.jointControllerWith = lowerer.references(node, .organisation) }
        table.on("evidence") { lowerer, node, org in org.evidence = lowerer.textList(node, shape: "name, …") }
        table.on("security") { lowerer, node, org in org.security = lowerer.text(node) }
        table.on("dpo") { lowerer, node, org in org.dataProtectionOfficer = lowerer.text(node) }
        table.on("description") { lowerer, node, org in org.description = lowerer.text(node) }
        return table
    }()

    mutating func lowerOrganisation(_ node: SyntaxNode) -> Declaration? {
        guard let (name, title) = namedHeader(node, what: "an organisation") else { return nil }
        let org = Organisation(fields: Organisation.Fields(id: name.text, title: title, span: node.headerSpan, kind: .other))
        // In place in the new box, as for flows.
        lowerProperties(of: node, into: &org.storage.fields, using: Self.organisationTable)
        return .organisation(org)
    }

    static let boundaryTable: PropertyTable<Boundary> = {
        var table = PropertyTable<Boundary>("a boundary")
        table.on("kind") { lowerer, node, boundary in lowerer.value(node, as: BoundaryKind.self).map { boundary.kind = $0 } }
        table.on("contains", repeatable: true) { lowerer, node, boundary in boundary.members += lowerer.references(node, .organisation) }
        table.on("promise", repeatable: true) { lowerer, node, boundary in boundary.promises += lowerer.values(node, as: BoundaryPromise.self) }
        table.on("description") { lowerer, node, boundary in boundary.description = lowerer.text(node) }
        // Nested boundaries are lowered by lowerBoundary itself; the entry makes them known here.
        table.on("boundary", repeatable: true) { _, _, _ in }
        return table
    }()

    /// A boundary and, recursively, the boundaries nested in it (depth bounded by the parser).
    mutating func lowerBoundary(_ node: SyntaxNode, parent: String?) -> [Declaration] {
        guard let (name, title) = namedHeader(node, what: "a boundary") else { return [] }
        var boundary = Boundary(id: name.text, title: title, span: node.headerSpan, parent: parent)
        lowerProperties(of: node, into: &boundary, using: Self.boundaryTable)
        var result: [Declaration] = [.boundary(boundary)]
        for child in node.statements where child.keyword.isWord("boundary") {
            result += lowerBoundary(child, parent: boundary.id)
        }
        return result
    }

    static let noticeTable: PropertyTable<PrivacyNotice> = {
        var table = PropertyTable<PrivacyNotice>("a privacy notice")
        table.required = ["controller"]
        table.on("controller") { lowerer, node, notice in lowerer.reference(node, .organisation).map { notice.controller = $0 } }
        table.on("flows", repeatable: true) { lowerer, node, notice in notice.flows += lowerer.references(node, .flow) }
        table.on("purposes") { lowerer, node, notice in notice.purposes = lowerer.references(node, .purpose) }
        table.on("reviewed") { lowerer, node, notice in notice.reviewed = lowerer.day(node) }
        table.on("url") { lowerer, node, notice in notice.url = lowerer.link(node) }
        table.on("states") { lowerer, node, notice in
            notice.statements = lowerer.values(node, as: NoticeStatement.self)
            notice.statementsSpan = node.headerSpan
        }
        table.on("opt-outs") { lowerer, node, notice in notice.optOuts = lowerer.references(node, .optOut) }
        table.on("quotes", repeatable: true) { lowerer, node, notice in
            if let text = lowerer.text(node) { notice.quotes.append(NoticeQuote(text: text, span: node.headerSpan)) }
        }
        table.on("description") { lowerer, node, notice in notice.description = lowerer.text(node) }
        return table
    }()

    mutating func lowerNotice(_ node: SyntaxNode) -> Declaration? {
        guard let (name, title) = namedHeader(node, what: "a privacy notice") else { return nil }
        let placeholder = Reference(name: "", span: node.keyword.span)
        var notice = PrivacyNotice(id: name.text, title: title, span: node.headerSpan, controller: placeholder)
        lowerProperties(of: node, into: &notice, using: Self.noticeTable)
        return .notice(notice)
    }

    static let keyTable: PropertyTable<KeyDomain> = {
        var table = PropertyTable<KeyDomain>("a pseudonymisation key")
        table.on("held-by", repeatable: true) { lowerer, node, key in key.heldBy += lowerer.references(node, .organisation) }
        table.on("description") { lowerer, node, key in key.description = lowerer.text(node) }
        return table
    }()

    mutating func lowerKey(_ node: SyntaxNode) -> Declaration? {
        guard let (name, title) = namedHeader(node, what: "a pseudonymisation key") else { return nil }
        var key = KeyDomain(id: name.text, title: title, span: node.headerSpan)
        lowerProperties(of: node, into: &key, using: Self.keyTable)
        return .key(key)
    }
}
