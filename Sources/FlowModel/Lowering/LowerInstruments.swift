import FlowLanguage

extension Lowerer {
    static let approvalTable: PropertyTable<Approval> = {
        var table = PropertyTable<Approval>("an approval")
        table.required = ["regulation"]
        table.on("reference") { lowerer, node, approval in
            approval.reference = lowerer.text(node)
            let arguments = node.arguments
            approval.referenceSpan = arguments.isEmpty ? nil : arguments.span(at: 0)
        }
        table.on("regulation") { lowerer, node, approval in
            guard let token = lowerer.singleToken(node, shape: "2, 3 or 5") else { return }
            if let number = Int(token.text), [2, 3, 5].contains(number) { approval.regulation = number } else {
                lowerer.sink.report(.unknownValue, "COPI regulation must be 2, 3 or 5, not `\(token.text)`", at: token.span)
            }
        }
        table.on("decision-maker") { lowerer, node, approval in approval.decisionMaker = lowerer.value(node, as: DecisionMaker.self) }
        table.on("applicant") { lowerer, node, approval in approval.applicant = lowerer.reference(node, .organisation) }
        table.on("purposes") { lowerer, node, approval in approval.purposes = lowerer.references(node, .purpose) }
        table.on("datasets") { lowerer, node, approval in approval.datasets = lowerer.references(node, .dataset) }
        table.on("controllers") { lowerer, node, approval in approval.controllers = lowerer.references(node, .organisation) }
        table.on("processors") { lowerer, node, approval in approval.processors = lowerer.references(node, .organisation) }
        table.on("classes") { lowerer, node, approval in approval.classes = lowerer.integers(node, in: 1...6) }
        table.on("excludes-origin") { lowerer, node, approval in approval.excludedOrigins = lowerer.values(node, as: DataOrigin.self) }
        table.on("ndoo") { lowerer, node, approval in
            guard let tokens = lowerer.arguments(node, count: 1...2, shape: "applies|exempt|unknown [\"evidence\"]") else { return }
            approval.ndoo = lowerer.value(tokens[0], as: NDOOStatus.self) ?? .unknown
            if tokens.count == 2 { approval.ndooEvidence = tokens[1].text }
        }
        table.on("conditions") { lowerer, node, approval in approval.conditions = lowerer.textList(node) }
        table.on("requires-evidence") { lowerer, node, approval in approval.requiredEvidence = lowerer.textList(node, shape: "name, …") }
        table.on("valid-from") { lowerer, node, approval in approval.validFrom = lowerer.day(node, partial: .latest) }
        table.on("valid-until") { lowerer, node, approval in approval.validUntil = lowerer.knownDate(node) }
        table.on("next-review") { lowerer, node, approval in approval.nextReview = lowerer.knownDate(node) }
        table.on("last-reviewed") { lowerer, node, approval in approval.lastReviewed = lowerer.day(node) }
        table.on("covers-linkage") { lowerer, node, approval in approval.coversLinkage = lowerer.flag(node) }
        table.on("description") { lowerer, node, approval in approval.description = lowerer.text(node) }
        return table
    }()

    mutating func lowerApproval(_ node: SyntaxNode) -> Declaration? {
        guard let (name, title) = namedHeader(node, what: "an approval") else { return nil }
        var approval = Approval(id: name.text, title: title, span: node.headerSpan)
        lowerProperties(of: node, into: &approval, using: Self.approvalTable)
        return .approval(approval)
    }

    static let agreementTable: PropertyTable<Agreement> = {
        var table = PropertyTable<Agreement>("an agreement")
        table.required = ["kind"]
        table.on("kind") { lowerer, node, agreement in lowerer.value(node, as: AgreementKind.self).map { agreement.kind = $0 } }
        table.on("reference") { lowerer, node, agreement in agreement.reference = lowerer.text(node) }
        table.on("parties") { lowerer, node, agreement in agreement.parties = lowerer.references(node, .organisation) }
        table.on("datasets") { lowerer, node, agreement in agreement.datasets = lowerer.references(node, .dataset) }
        table.on("purposes") { lowerer, node, agreement in agreement.purposes = lowerer.references(node, .purpose) }
        table.on("valid-from") { lowerer, node, agreement in agreement.validFrom = lowerer.day(node, partial: .latest) }
        table.on("valid-until") { lowerer, node, agreement in agreement.validUntil = lowerer.knownDate(node) }
        table.on("next-review") { lowerer, node, agreement in agreement.nextReview = lowerer.day(node) }
        table.on("sublicensing") { lowerer, node, agreement in agreement.allowsSublicensing = lowerer.flag(node) }
        table.on("retention") { lowerer, node, agreement in agreement.retention = lowerer.text(node) }
        table.on("description") { lowerer, node, agreement in agreement.description = lowerer.text(node) }
        return table
    }()

    mutating func lowerAgreement(_ node: SyntaxNode) -> Declaration? {
        guard let (name, title) = namedHeader(node, what: "an agreement") else { return nil }
        var agreement = Agreement(id: name.text, title: title, span: node.headerSpan, kind: .dataSharingAgreement)
        lowerProperties(of: node, into: &agreement, using: Self.agreementTable)
        return .agreement(agreement)
    }

    static let contractTable: PropertyTable<ProcessorContract> = {
        var table = PropertyTable<ProcessorContract>("an Art 28 contract")
        table.required = ["controller", "processor"]
        table.on("reference") { lowerer, node, contract in contract.reference = lowerer.text(node) }
        table.on("controller") { lowerer, node, contract in lowerer.reference(node, .organisation).map { contract.controller = $0 } }
        table.on("processor") { lowerer, node, contract in lowerer.reference(node, .organisation).map { contract.processor = $0 } }
        table.on("purposes") { lowerer, node, contract in contract.purposes = lowerer.references(node, .purpose) }
        table.on("datasets") { lowerer, node, contract in contract.datasets = lowerer.references(node, .dataset) }
        table.on("valid-from") { lowerer, node, contract in contract.validFrom = lowerer.day(node, partial: .latest) }
        table.on("valid-until") { lowerer, node, contract in contract.validUntil = lowerer.knownDate(node) }
        table.on("confidentiality-clause") { lowerer, node, contract in contract.hasConfidentialityClause = lowerer.flag(node) }
        table.on("sub-processing") { lowerer, node, contract in contract.subProcessing = lowerer.value(node, as: SubProcessingAuthorisation.self) }
        table.on("sub-processors") { lowerer, node, contract in contract.subProcessors = lowerer.references(node, .organisation) }
        table.on("description") { lowerer, node, contract in contract.description = lowerer.text(node) }
        return table
    }()

    mutating func lowerContract(_ node: SyntaxNode) -> Declaration? {
        guard let (name, title) = namedHeader(node, what: "an Art 28 contract") else { return nil }
        let placeholder = Reference(name: "", span: node.keyword.span)
        var contract = ProcessorContract(id: name.text, title: title, span: node.headerSpan, controller: placeholder, processor: placeholder)
        lowerProperties(of: node, into: &contract, using: Self.contractTable)
        return .contract(contract)
    }

    static let arrangementTable: PropertyTable<JointArrangement> = {
        var table = PropertyTable<JointArrangement>("an Art 26 arrangement")
        table.required = ["controllers"]
        table.on("reference") { lowerer, node, arrangement in arrangement.reference = lowerer.text(node) }
        table.on("controllers") { lowerer, node, arrangement in arrangement.controllers = lowerer.references(node, .organisation) }
        table.on("purposes") { lowerer, node, arrangement in arrangement.purposes = lowerer.references(node, .purpose) }
        table.on("essence-published") { lowerer, node, arrangement in arrangement.essencePublished = lowerer.flag(node) }
        table.on("valid-until") { lowerer, node, arrangement in arrangement.validUntil = lowerer.knownDate(node) }
        table.on("description") { lowerer, node, arrangement in arrangement.description = lowerer.text(node) }
        return table
    }()

    mutating func lowerArrangement(_ node: SyntaxNode) -> Declaration? {
        guard let (name, title) = namedHeader(node, what: "an Art 26 arrangement") else { return nil }
        var arrangement = JointArrangement(id: name.text, title: title, span: node.headerSpan)
        lowerProperties(of: node, into: &arrangement, using: Self.arrangementTable)
        return .arrangement(arrangement)
    }

    static let dpiaTable: PropertyTable<ImpactAssessment> = {
        var table = PropertyTable<ImpactAssessment>("a DPIA")
        table.on("reference") { lowerer, node, dpia in dpia.reference = lowerer.text(node) }
        table.on("controller") { lowerer, node, dpia in dpia.controller = lowerer.reference(node, .organisation) }
        table.on("purposes") { lowerer, node, dpia in dpia.purposes = lowerer.references(node, .purpose) }
        table.on("completed") { lowerer, node, dpia in dpia.completed = lowerer.day(node) }
        table.on("next-review") { lowerer, node, dpia in dpia.nextReview = lowerer.day(node) }
        table.on("signed-off-by") { lowerer, node, dpia in dpia.signedOffBy = lowerer.textList(node) }
        table.on("description") { lowerer, node, dpia in dpia.description = lowerer.text(node) }
        return table
    }()

    mutating func lowerDPIA(_ node: SyntaxNode) -> Declaration? {
        guard let (name, title) = namedHeader(node, what: "a DPIA") else { return nil }
        var dpia = ImpactAssessment(id: name.text, title: title, span: node.headerSpan)
        lowerProperties(of: node, into: &dpia, using: Self.dpiaTable)
        return .dpia(dpia)
    }

    static let gatewayTable: PropertyTable<StatutoryGateway> = {
        var table = PropertyTable<StatutoryGateway>("a statutory gateway")
        table.required = ["kind", "citation"]
        table.on("kind") { lowerer, node, gateway in lowerer.value(node, as: GatewayKind.self).map { gateway.kind = $0 } }
        table.on("citation") { lowerer, node, gateway in lowerer.text(node).map { gateway.citation = $0 } }
        table.on("purposes") { lowerer, node, gateway in gateway.purposes = lowerer.references(node, .purpose) }
        table.on("flows") { lowerer, node, gateway in gateway.flows = lowerer.references(node, .flow) }
        table.on("decided-by") { lowerer, node, gateway in gateway.decidedBy = lowerer.text(node) }
        table.on("decided") { lowerer, node, gateway in gateway.decided = lowerer.day(node, partial: .latest) }
        table.on("valid-from") { lowerer, node, gateway in gateway.validFrom = lowerer.day(node, partial: .latest) }
        table.on("valid-until") { lowerer, node, gateway in gateway.validUntil = lowerer.day(node) }
        table.on("description") { lowerer, node, gateway in gateway.description = lowerer.text(node) }
        return table
    }()

    mutating func lowerGateway(_ node: SyntaxNode) -> Declaration? {
        guard let (name, title) = namedHeader(node, what: "a statutory gateway") else { return nil }
        var gateway = StatutoryGateway(id: name.text, title: title, span: node.headerSpan, kind: .statute, citation: "")
        lowerProperties(of: node, into: &gateway, using: Self.gatewayTable)
        return .gateway(gateway)
    }
}
