import FlowModel

/// The instruments between parties — Art 28 contracts, data sharing agreements and s251
/// approvals — with their parties as organisation ids, each kind in id order, so FG024–FG027 test a flow against them without copying
/// declarations or hashing party names.
struct PartyInstruments: Sendable {
    struct Contract: Sendable {
        let declaration: ProcessorContract
        let controller: Int
        let processor: Int
        let subProcessors: [Int]
    }

    struct SharingAgreement: Sendable {
        let declaration: Agreement
        /// In declaration order, as written.
        let parties: [Int]
    }

    struct ApprovalParties: Sendable {
        /// Controllers, processors and applicant.
        let named: [Int]
        /// Controllers and processors.
        let parties: [Int]
    }

    let contracts: [Contract]
    private let contractNamed: NameIndex
    /// Per processor id, positions in `contracts`.
    let contractsByProcessor: [[Int]]

    let agreements: [SharingAgreement]
    private let agreementNamed: NameIndex
    /// Per party id, positions in `agreements`.
    private let agreementsByParty: [[Int]]

    private let approvals: [String: ApprovalParties]

    /// Every organisation name the instruments mention, for `OrganisationIDs`.
    static func mentionedOrganisations(in model: SemanticModel) -> [String] {
        var names: [String] = []
        for contract in model.contracts.values {
            names.append(contract.controller.name)
            names.append(contract.processor.name)
            names += contract.subProcessors.map(\.name)
        }
        for agreement in model.agreements.values { names += agreement.parties.map(\.name) }
        for approval in model.approvals.values {
            names += (approval.controllers + approval.processors + [approval.applicant].compactMap { $0 }).map(\.name)
        }
        return names
    }

    init(model: SemanticModel, ids: OrganisationIDs) {
        func idsOf(_ references: [Reference]) -> [Int] { references.map { ids.id($0.name)! } }
        func grouped(_ members: [[Int]]) -> [[Int]] {
            var result = [[Int]](repeating: [], count: ids.count)
            for (position, group) in members.enumerated() {
                for member in group.idSet { result[member].append(position) }
            }
            return result
        }

        contracts = model.contracts.values.sorted { $0.id < $1.id }.map { contract in
            Contract(
                declaration: contract, controller: ids.id(contract.controller.name)!, processor: ids.id(contract.processor.name)!,
                subProcessors: idsOf(contract.subProcessors)
            )
        }
        contractNamed = NameIndex(contracts.map(\.declaration.id))
        contractsByProcessor = grouped(contracts.map { [$0.processor] })

        agreements = model.agreements.values.sorted { $0.id < $1.id }.map { agreement in
            SharingAgreement(declaration: agreement, parties: idsOf(agreement.parties))
        }
        agreementNamed = NameIndex(agreements.map(\.declaration.id))
        agreementsByParty = grouped(agreements.map(\.parties))

        approvals = model.approvals.mapValues { approval in
            let parties = idsOf(approval.controllers + approval.processors)
            return ApprovalParties(named: parties + idsOf([approval.applicant].compactMap { $0 }), parties: parties)
        }
    }

    /// The contracts the flow names with `agreement`, in the order written.
    func contracts(namedBy flow: Flow) -> [Int] {
        flow.agreements.isEmpty ? [] : flow.agreements.compactMap { contractNamed.position(of: $0.name) }
    }

    /// The agreements the flow names with `agreement`, in the order written.
    func agreements(namedBy flow: Flow) -> [Int] {
        flow.agreements.isEmpty ? [] : flow.agreements.compactMap { agreementNamed.position(of: $0.name) }
    }

    func contract(named name: String) -> Int? { contractNamed.position(of: name) }
    func agreement(named name: String) -> Int? { agreementNamed.position(of: name) }
    func approval(named name: String) -> ApprovalParties? { approvals[name] }

    /// Agreements naming one of `senders` and one of `recipients`, in id order
    /// (`InstrumentIndex.agreements(between:and:)` over ids).
    func agreements(between senders: [Int], and recipients: [Int]) -> [Int] {
        var result: [Int] = []
        for sender in senders {
            for position in agreementsByParty[sender] where agreements[position].parties.sharesAny(with: recipients) {
                result.append(position)
            }
        }
        return senders.count > 1 ? result.idSet : result
    }
}
