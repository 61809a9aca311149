import FlowAnalysis
import FlowLanguage
import FlowModel

/// R24: processor without an Art 28 contract, or acting beyond its instructions.
enum FG024 {
    static let rule = Rule(
        code: "FG024",
        slug: "processor-without-contract",
        severity: .error,
        legalSource: "UK GDPR Art 28(1)–(4) and 28(10)",
        summary: "Data goes to a processor with no valid Art 28 contract, or a processor passes data on beyond its controller's instructions.",
        explanation: """
        A controller may use a processor only under a binding contract that sets out the subject \
        matter, duration, nature and purpose of the processing, the types of data, and the processor's \
        duties (Art 28(3)). A processor acts only on the controller's documented instructions; one \
        that decides for itself where the data goes becomes a controller in breach (Art 28(10)).

        Art 28 governs personal data: only flows whose data is personal data in the recipient's hands \
        are checked (an invoice with no one in it, or counts released under disclosure control, need \
        neither a contract nor an instruction). Two things are checked, both as errors:
        1. every flow to a processor — `role processor`, or no role and a recipient that is \
           `processor-for` the sender — is covered by a `contract` with that processor whose \
           controller is the sender or one of the processor's controllers. The contract must be in \
           force on the date of the check (`valid-from`, `valid-until`), and where it lists \
           `purposes` or `datasets` they must cover the flow (a dataset derived from a listed one is \
           covered). The flow may name the contract with `agreement`; otherwise any matching \
           contract in the model counts. Flows from a processor to its own sub-processor are FG025's.
        2. every flow out of data a processor holds as a processor (everything that reached it did \
           so in processor flows) goes back to one of its controllers, to another processor of the \
           same controller, to a sub-processor (FG025), or is documented as instructed: the flow \
           names a contract between the processor and its controller, a data sharing agreement or \
           Art 26 arrangement to which its controller is a party, or rests on an s251 approval that \
           names the processor or its controller (as applicant, controller or processor) and, where \
           it lists controllers or processors, the recipient or a controller the recipient acts \
           for; disclosures a statute or court order requires are accepted too.

        Fix: declare the Art 28 contract (`contract NAME { controller C processor P purposes … \
        datasets … valid-until … }`) and cite it on the flow with `agreement NAME`; renew an expired \
        one. For onward flows from a processor, cite the instruction that covers them (the \
        controller's DSA, contract or approval), or route the data back through the controller.
        """,
        triggeringExamples: [
            """
            org archive-co "Records archiving company" {
              kind archive
            }

            purpose archiving "Archiving of records" {
              category archiving
            }

            flow icb -> archive-co "Records to the archive" {
              data sus
              level identifiable
              purpose archiving
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
            }
            """,
            """
            contract csu-contract "CSU processing contract" {
              controller icb
              processor csu
              valid-until 2024-03-31
            }

            flow icb -> csu "Commissioning data under an expired contract" {
              data sus
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              agreement csu-contract
            }
            """,
            """
            contract csu-contract "CSU processing contract" {
              controller icb
              processor csu
              purposes commissioning
              valid-until 2028-03-31
            }

            flow icb -> csu "Commissioning data" {
              data sus
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              agreement csu-contract
            }

            flow csu -> insurer "Onward disclosure with no instruction" {
              data sus
              level identifiable
              purpose commissioning
              art6 f
              art9 h
            }
            """,
        ],
        passingExamples: [
            """
            contract csu-contract "CSU processing contract" {
              controller icb
              processor csu
              purposes commissioning
              datasets sus
              valid-from 2025-04-01
              valid-until 2028-03-31
              confidentiality-clause yes
            }

            flow icb -> csu "Commissioning data" {
              data sus
              level identifiable
              purpose commissioning
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              agreement csu-contract
            }

            at csu aggregate sus -> activity-counts

            flow csu -> icb "Results back to the controller" {
              data activity-counts
              level aggregate
              purpose commissioning
            }
            """,
        ],
        // It builds the processor roles FG025–FG027 wait for.
        buildsSharedFacts: true
    ) { collector in
        check(&collector)
    }

    static func check(_ collector: inout FindingCollector) {
        let roles = ProcessorRoles.shared(by: collector)
        var coverage = InstrumentCoverage(collector)
        // Art 28 governs processing of personal data: counts under disclosure control, or records
        // with no one in them, need no processor contract or instruction.
        let personal = FlowColumns.shared(by: collector).carriesPersonalData
        for index in collector.model.flows.indices where roles.senders[index] != roles.recipients[index] && personal[index] {
            let isSubProcessing = roles.isSubProcessing[index]
            if roles.isProcessorFlow[index], !isSubProcessing {
                checkContract(index, roles: roles, coverage: &coverage, collector: &collector)
            }
            guard !roles.senderControllers[index].isEmpty, !isSubProcessing else { continue }
            checkInstruction(index, roles: roles, coverage: coverage, collector: &collector)
        }
    }

    // MARK: - Checks

    static func checkContract(_ index: Int, roles: ProcessorRoles, coverage: inout InstrumentCoverage, collector: inout FindingCollector) {
        let flow = collector.model.flows[index]
        let processor = roles.recipients[index]
        // Whose processor it is: the controller the flow names (`role processor for ORG`), else the
        // sender, its controllers, or those the processor declares it serves.
        let named = roles.namedControllers[index]
        let candidates = named.map { [$0] } ?? [roles.senders[index]].mergingIDs(roles.controllersServed[processor]).mergingIDs(roles.senderControllers[index])
        let contracts = relevantContracts(named: roles.instruments.contracts(namedBy: flow), processor: processor, controllers: candidates, in: roles.instruments)
        guard !contracts.isEmpty else {
            let processorName = flow.to.name
            let controller = flow.processorFor?.name ?? flow.from.name
            collector.report(
                flow: index,
                "\(collector.label(flow)) gives `\(flow.dataset.name)` to `\(processorName)` as a processor, but no Art 28 contract binds `\(processorName)` to \(roles.ids.quoted(candidates, separator: " or "))",
                discriminator: "contract",
                help: "declare `contract NAME { controller \(controller) processor \(processorName) purposes … datasets … valid-until … }` and add `agreement NAME` to the flow"
                    + (named == nil && roles.senderControllers[index].isEmpty == false ? "; if `\(processorName)` acts for another controller, say whom: `role processor for ORG`" : "")
            )
            return
        }
        // Worded only when every candidate fails: most flows have a contract that covers them.
        for position in contracts where problem(with: roles.instruments.contracts[position], flow: index, coverage: &coverage) == nil { return }
        let contract = roles.instruments.contracts[contracts[0]].declaration
        let found = problem(with: roles.instruments.contracts[contracts[0]], flow: index, coverage: &coverage)!
        collector.report(
            flow: index,
            "\(collector.label(flow)) gives `\(flow.dataset.name)` to processor `\(flow.to.name)` under Art 28 contract `\(contract.id)`, which \(found.wording(contract: contract, dataset: flow.dataset.name))",
            discriminator: "contract",
            related: [DiagnosticNote("contract `\(contract.id)` is declared here", at: contract.span)],
            help: "renew or extend the contract so that it is in force and covers this flow's purposes and data, and cite it with `agreement \(contract.id)`"
        )
    }

    static func checkInstruction(_ index: Int, roles: ProcessorRoles, coverage: InstrumentCoverage, collector: inout FindingCollector) {
        let controllers = roles.senderControllers[index]
        let recipient = roles.recipients[index]
        if controllers.containsID(recipient) { return }
        if roles.controllersServed[recipient].sharesAnyID(with: controllers) { return }
        let flow = collector.model.flows[index]
        if let basis = collector.analysis.basisForDependentChecks(index), basis == .statutory || basis == .courtOrder { return }
        if isDocumentedInstruction(index, flow: flow, roles: roles, coverage: coverage) { return }
        collector.report(
            flow: index,
            "`\(flow.from.name)` holds `\(flow.dataset.name)` as a processor for \(roles.ids.quoted(controllers, separator: ", ")), but \(collector.label(flow)) sends it to `\(flow.to.name)`, which is neither its controller nor an authorised sub-processor, with no documented instruction (Art 28(10))",
            discriminator: "beyond-instructions",
            witness: collector.analysis.witnessPath(forFlow: index),
            help: "cite the controller's instruction on the flow (`agreement` naming its DSA or the Art 28 contract that covers the disclosure, or an approval naming both), or have the controller make the disclosure"
        )
    }

    static func isDocumentedInstruction(_ index: Int, flow: Flow, roles: ProcessorRoles, coverage: InstrumentCoverage) -> Bool {
        let instruments = roles.instruments
        let processor = roles.senders[index]
        let controllers = roles.senderControllers[index]
        let documentingContract = instruments.contracts(namedBy: flow).contains { position in
            let contract = instruments.contracts[position]
            return contract.processor == processor && controllers.containsID(contract.controller)
                && coverage.coversPurposes(contract.declaration.purposes, flow: index)
        }
        if documentingContract { return true }
        if instruments.agreements(namedBy: flow).contains(where: { instruments.agreements[$0].parties.sharesAny(with: controllers) }) { return true }
        // Few flows get this far: the arrangement is read from the model.
        for reference in flow.agreements {
            if let arrangement = roles.analysis.model.arrangements[reference.name],
               arrangement.controllers.contains(where: { roles.ids.id($0.name).map(controllers.contains) ?? false }) { return true }
        }
        if let name = flow.confidentiality?.instrument?.name, let approval = instruments.approval(named: name) {
            // The approval documents the disclosure when it names the processor or the controller it
            // acts for, and (where it names the parties at all) the recipient or its controller.
            let recipient = roles.recipients[index]
            let recipientSide = [recipient].mergingIDs(roles.controllersServed[recipient])
            if approval.named.contains(processor) || approval.named.sharesAny(with: controllers),
               approval.parties.isEmpty || approval.parties.sharesAny(with: recipientSide) { return true }
        }
        return false
    }

    /// Contracts with `processor` for one of `controllers`: those the flow names first, else any;
    /// positions in `instruments.contracts`.
    static func relevantContracts(named: [Int], processor: Int, controllers: [Int], in instruments: PartyInstruments) -> [Int] {
        func matches(_ position: Int) -> Bool {
            instruments.contracts[position].processor == processor && controllers.containsID(instruments.contracts[position].controller)
        }
        let matchingNamed = named.filter(matches)
        if !matchingNamed.isEmpty { return matchingNamed }
        return instruments.contractsByProcessor[processor].filter(matches)
    }

    /// Why the contract does not cover the flow today, or nil.
    static func problem(with contract: PartyInstruments.Contract, flow index: Int, coverage: inout InstrumentCoverage) -> ContractProblem? {
        let declaration = contract.declaration
        if let from = declaration.validFrom, coverage.asOf < from { return .notYetInForce(from) }
        if let until = declaration.validUntil?.day, until < coverage.asOf { return .expired(until) }
        if !coverage.coversDataset(declaration.datasets, flow: index) { return .dataset }
        if !coverage.coversPurposes(declaration.purposes, flow: index) { return .purposes }
        return nil
    }

    enum ContractProblem {
        case notYetInForce(Day), expired(Day), dataset, purposes

        func wording(contract: ProcessorContract, dataset: String) -> String {
            switch self {
            case .notYetInForce(let from): "is not in force until \(from)"
            case .expired(let until): "expired on \(until)"
            case .dataset: "does not cover `\(dataset)` (it lists \(contract.datasets.map { "`\($0.name)`" }.joined(separator: ", ")))"
            case .purposes: "does not cover the flow's purposes (it lists \(contract.purposes.map { "`\($0.name)`" }.joined(separator: ", ")))"
            }
        }
    }
}
