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

        Two things are checked, both as errors:
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
        let roles = Roles.shared(by: collector)
        for (index, flow) in collector.flows where flow.from.name != flow.to.name {
            let controllers = roles.senderControllers[index]
            let isSubProcessing = roles.isSubProcessing(flow, senderControllers: controllers)
            if roles.organisations.isProcessorFlow[index], !isSubProcessing {
                checkContract(index, senderControllers: controllers, roles: roles, collector: &collector)
            }
            guard !controllers.isEmpty, !isSubProcessing else { continue }
            checkInstruction(index, controllers: controllers, organisations: roles.organisations, collector: &collector)
        }
    }

    // MARK: - Checks

    static func checkContract(_ index: Int, senderControllers: Set<String>, roles: Roles, collector: inout FindingCollector) {
        let model = collector.model
        let flow = model.flows[index]
        let processor = flow.to.name
        var candidates: Set<String> = [flow.from.name]
        candidates.formUnion(roles.organisations.controllers(servedBy: processor))
        candidates.formUnion(senderControllers)
        let contracts = roles.relevantContracts(for: flow, processor: processor, controllers: candidates)
        guard !contracts.isEmpty else {
            collector.report(
                flow: index,
                "\(collector.label(flow)) gives `\(flow.dataset.name)` to `\(processor)` as a processor, but no Art 28 contract binds `\(processor)` to \(candidates.sorted().map { "`\($0)`" }.joined(separator: " or "))",
                discriminator: "contract",
                help: "declare `contract NAME { controller \(flow.from.name) processor \(processor) purposes … datasets … valid-until … }` and add `agreement NAME` to the flow"
            )
            return
        }
        let problems = contracts.map { ($0, contractProblem($0, for: flow, asOf: collector.asOf, in: model)) }
        guard problems.allSatisfy({ $0.1 != nil }), let (contract, problem) = problems.first else { return }
        collector.report(
            flow: index,
            "\(collector.label(flow)) gives `\(flow.dataset.name)` to processor `\(processor)` under Art 28 contract `\(contract.id)`, which \(problem!)",
            discriminator: "contract",
            related: [DiagnosticNote("contract `\(contract.id)` is declared here", at: contract.span)],
            help: "renew or extend the contract so that it is in force and covers this flow's purposes and data, and cite it with `agreement \(contract.id)`"
        )
    }

    static func checkInstruction(_ index: Int, controllers: Set<String>, organisations: OrganisationIndex, collector: inout FindingCollector) {
        let model = collector.model
        let flow = model.flows[index]
        let processor = flow.from.name
        let recipient = flow.to.name
        if controllers.contains(recipient) { return }
        if !organisations.controllers(servedBy: recipient).isDisjoint(with: controllers) { return }
        if let basis = flow.confidentiality?.basis, basis == .statutory || basis == .courtOrder { return }
        if isDocumentedInstruction(flow, processor: processor, controllers: controllers, in: model) { return }
        collector.report(
            flow: index,
            "`\(processor)` holds `\(flow.dataset.name)` as a processor for \(controllers.sorted().map { "`\($0)`" }.joined(separator: ", ")), but \(collector.label(flow)) sends it to `\(recipient)`, which is neither its controller nor an authorised sub-processor, with no documented instruction (Art 28(10))",
            discriminator: "beyond-instructions",
            witness: collector.analysis.witnessPath(forFlow: index),
            help: "cite the controller's instruction on the flow (`agreement` naming its DSA or the Art 28 contract that covers the disclosure, or an approval naming both), or have the controller make the disclosure"
        )
    }

    static func isDocumentedInstruction(_ flow: Flow, processor: String, controllers: Set<String>, in model: SemanticModel) -> Bool {
        for reference in flow.agreements {
            if let contract = model.contracts[reference.name], contract.processor.name == processor, controllers.contains(contract.controller.name) {
                if contract.purposes.isEmpty || covers(contract.purposes, flow: flow, in: model) { return true }
            }
            if let agreement = model.agreements[reference.name], agreement.parties.contains(where: { controllers.contains($0.name) }) { return true }
            if let arrangement = model.arrangements[reference.name], arrangement.controllers.contains(where: { controllers.contains($0.name) }) { return true }
        }
        if let name = flow.confidentiality?.instrument?.name, let approval = model.approvals[name] {
            // The approval documents the disclosure when it names the processor or the controller it
            // acts for, and (where it names the parties at all) the recipient or its controller.
            let named = Set((approval.controllers + approval.processors + [approval.applicant].compactMap { $0 }).map(\.name))
            let parties = Set((approval.controllers + approval.processors).map(\.name))
            let recipientSide = Set([flow.to.name] + (model.organisations[flow.to.name]?.processorFor.map(\.name) ?? []))
            if !named.isDisjoint(with: controllers.union([processor])),
               parties.isEmpty || !parties.isDisjoint(with: recipientSide) { return true }
        }
        return false
    }

    // MARK: - Shared with FG025, FG026 and FG027

    /// Processor relationships in one model, worked out once per rule run.
    struct Roles: Sendable {
        let analysis: Analysis
        private let controllersByHolding: [Holding: Set<String>]
        private let contractsByProcessor: [String: [ProcessorContract]]
        let organisations: OrganisationIndex
        /// Per flow (model order): `processorControllers(of:)` of the sender's copy, which FG024–FG027
        /// all ask of every flow.
        let senderControllers: [Set<String>]

        init(analysis: Analysis, organisations: OrganisationIndex) {
            self.analysis = analysis
            self.organisations = organisations
            let model = analysis.model
            contractsByProcessor = Dictionary(grouping: model.contracts.values.sorted { $0.id < $1.id }, by: \.processor.name)
            var table: [Holding: Set<String>] = [:]
            table.reserveCapacity(analysis.graph.contributions.count)
            for (holding, contributions) in analysis.graph.contributions where !contributions.isEmpty {
                // Most holdings have a controller flow among their sources: the walk stops at the first.
                guard let arriving = ArrivingFlows.walk(from: holding, feeding: contributions, in: analysis, while: { organisations.isProcessorFlow[$0] }),
                      !arriving.isEmpty else { continue }
                var result = organisations.controllers(servedBy: holding.organisation)
                for index in arriving { result.insert(model.flows[index].from.name) }
                result.remove(holding.organisation)
                if !result.isEmpty { table[holding] = result }
            }
            controllersByHolding = table
            senderControllers = model.flows.map { table[Holding($0.from.name, $0.dataset.name)] ?? [] }
        }

        /// Computed once per run for FG024–FG027.
        static func shared(by collector: FindingCollector) -> Roles {
            collector.facts.value(Roles.self) { Roles(analysis: collector.analysis, organisations: OrganisationIndex.shared(by: collector)) }
        }

        /// The controllers for which the holder holds this data as a processor: non-empty only when
        /// everything that brought the data to it (through its own transforms) was a processor flow.
        func processorControllers(of holding: Holding) -> Set<String> {
            controllersByHolding[holding] ?? []
        }

        /// A processor engaging another processor for the same processing (Art 28(2), (4)).
        func isSubProcessing(_ flow: Flow, senderControllers: Set<String>) -> Bool {
            guard !senderControllers.isEmpty, flow.role != .controller, flow.role != .jointController,
                  !senderControllers.contains(flow.to.name) else { return false }
            let recipientControllers = organisations.controllers(servedBy: flow.to.name)
            if recipientControllers.contains(flow.from.name) { return true }
            // A processor the controller engaged directly (its own contract) is not a sub-processor.
            let direct = (contractsByProcessor[flow.to.name] ?? []).contains { senderControllers.contains($0.controller.name) }
            if direct { return false }
            if flow.role == .processor { return recipientControllers.isEmpty || !recipientControllers.isDisjoint(with: senderControllers) }
            return !recipientControllers.isDisjoint(with: senderControllers)
        }

        /// Contracts with `processor` for one of `controllers`: those the flow names first, else any.
        func relevantContracts(for flow: Flow, processor: String, controllers: Set<String>) -> [ProcessorContract] {
            let model = analysis.model
            func matches(_ contract: ProcessorContract) -> Bool {
                contract.processor.name == processor && controllers.contains(contract.controller.name)
            }
            let named = flow.agreements.compactMap { model.contracts[$0.name] }.filter(matches)
            if !named.isEmpty { return named }
            return (contractsByProcessor[processor] ?? []).filter(matches)
        }

        /// Contracts in the model with this processor, by id.
        func contracts(withProcessor processor: String) -> [ProcessorContract] {
            contractsByProcessor[processor] ?? []
        }
    }

    /// Why the contract does not cover the flow today, or nil.
    static func contractProblem(_ contract: ProcessorContract, for flow: Flow, asOf: Day, in model: SemanticModel) -> String? {
        if let from = contract.validFrom, asOf < from { return "is not in force until \(from)" }
        if let until = contract.validUntil?.day, until < asOf { return "expired on \(until)" }
        if !contract.datasets.isEmpty, !coversDataset(contract.datasets, dataset: flow.dataset.name, in: model) {
            return "does not cover `\(flow.dataset.name)` (it lists \(contract.datasets.map { "`\($0.name)`" }.joined(separator: ", ")))"
        }
        if !contract.purposes.isEmpty, !covers(contract.purposes, flow: flow, in: model) {
            return "does not cover the flow's purposes (it lists \(contract.purposes.map { "`\($0.name)`" }.joined(separator: ", ")))"
        }
        return nil
    }

    /// Whether the listed purposes cover every purpose of the flow (by category); purposes that act
    /// for someone else (processing support, archiving, destruction) need no listing.
    static func covers(_ purposes: [Reference], flow: Flow, in model: SemanticModel) -> Bool {
        let listed = Set(purposes.compactMap { model.purposes[$0.name]?.category })
        let needed = Set(flow.purposes.compactMap { model.purposes[$0.name]?.category }).subtracting(FG020.passThrough)
        return needed.isSubset(of: listed)
    }

    /// Whether the dataset, or one it is derived from, is listed.
    static func coversDataset(_ datasets: [Reference], dataset: String, in model: SemanticModel) -> Bool {
        let listed = Set(datasets.map(\.name))
        if listed.contains(dataset) { return true }
        return !listed.isDisjoint(with: Lineage.ancestors(of: dataset, in: model))
    }
}
