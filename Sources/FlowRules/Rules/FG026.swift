import FlowAnalysis
import FlowLanguage
import FlowModel

/// R26: controller-to-controller sharing without an agreement, or outside its terms.
enum FG026 {
    static let rule = Rule(
        code: "FG026",
        slug: "sharing-without-agreement",
        severity: .warning,
        legalSource: "ICO Data Sharing Code of Practice (statutory code under DPA 2018 s121); NHS England data sharing agreement (DARS) conditions; UK GDPR Art 5(2) (accountability)",
        summary: "Personal data is shared routinely between controllers with no data sharing agreement in force that covers it, or shared onward against an agreement that forbids it.",
        explanation: """
        When one controller routinely shares personal data with another, the ICO's statutory Data \
        Sharing Code expects a data sharing agreement that records the parties, the purpose, the data, \
        the lawful basis, retention and review. NHS England goes further: every dissemination it makes \
        is under a data sharing agreement (DARS) with start and end dates, the datasets and purposes \
        allowed, and usually "sublicensing: no" — the recipient may not pass the data on.

        A flow is a controller-to-controller share when its recipient is not acting as a processor \
        (and not as a joint controller, FG027's concern), and it does not return data to the \
        controller a processor holds it for. A processor that passes data it holds for one controller \
        to a processor of a different controller counts as a share between those controllers (the \
        DSCRO releasing NHS England's data to the ICB's CSU, for example). Shares that are not \
        routine sharing in the Code's sense are left alone: individual care, mandated collections, \
        safeguarding, complaints, continuing healthcare, individual funding requests, emergency \
        planning and legal proceedings; one-off and on-request flows; court orders; flows to or from \
        individuals, the public or a court; and flows a statute requires (`art6 c` or `confidentiality \
        statutory`) — except that NHS England's own disseminations (an organisation declared \
        `statutory-collector yes`, as the standard library's `nhs-england` is, or a body whose \
        `successor` chain leads to one, such as NHS Digital) always need an NHS England DSA.

        The agreements are those the flow names with `agreement`, or else any in the model with the \
        sender and the recipient among its `parties`. Reported:
        - no agreement, or (for NHS England data) no agreement of kind `nhse-dsa` — warning;
        - an expired agreement — error for an NHS England DSA, warning otherwise; one not yet in \
          force — warning;
        - an agreement whose `datasets` or `purposes` do not cover the flow — warning;
        - onward sharing of personal data received under an agreement with `sublicensing no`, to \
          anyone outside that agreement's parties and their processors — error.

        Fix: record the agreement (`agreement NAME { kind dsa parties A, B datasets … purposes … \
        valid-until … }`) and cite it on the flow; renew an expired one; and do not pass on data an \
        NHS England DSA forbids you to sublicense (aggregate it with disclosure control, or ask NHS \
        England to disseminate to the other party directly).
        """,
        triggeringExamples: [
            """
            purpose audit "Clinical audit" {
              category audit
            }

            flow trust -> university "Routine audit extract with no agreement" {
              data sus
              level identifiable
              purpose audit
              art6 e "NHS Act 2006 s43"
              art9 h
              sch1 part1 para2
              confidentiality explicit-consent
              frequency monthly
            }
            """,
            """
            at nhs-england pseudonymise sus -> sus-pseudo {
              key dscro-key
            }

            agreement icb-dsa "NHS England DSA" {
              kind nhse-dsa
              parties nhs-england, icb
              datasets sus-pseudo
              purposes commissioning
              valid-until 2025-03-31
              sublicensing no
            }

            flow nhs-england -> icb "Pseudonymised SUS under an expired DSA" {
              data sus-pseudo
              level pseudonymised
              purpose commissioning
              art6 e "HSCA 2012 s261"
              art9 h
              sch1 part1 para2
              agreement icb-dsa
            }
            """,
            """
            org icb-2 "Neighbouring ICB" {
              kind icb
              public-authority yes
              apd yes
            }

            at nhs-england pseudonymise sus -> sus-pseudo {
              key dscro-key
            }

            agreement icb-dsa "NHS England DSA" {
              kind nhse-dsa
              parties nhs-england, icb
              datasets sus-pseudo
              purposes commissioning
              valid-until 2028-03-31
              sublicensing no
            }

            agreement icb-mou "ICB collaboration memorandum" {
              kind memorandum
              parties icb, icb-2
              valid-until 2028-03-31
            }

            flow nhs-england -> icb "Pseudonymised SUS" {
              data sus-pseudo
              level pseudonymised
              purpose commissioning
              art6 e "HSCA 2012 s261"
              art9 h
              sch1 part1 para2
              agreement icb-dsa
            }

            flow icb -> icb-2 "Re-shared with the neighbouring ICB" {
              data sus-pseudo
              level pseudonymised
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              agreement icb-mou
            }
            """,
        ],
        passingExamples: [
            """
            at nhs-england pseudonymise sus -> sus-pseudo {
              key dscro-key
            }

            agreement icb-dsa "NHS England DSA" {
              kind nhse-dsa
              parties nhs-england, icb
              datasets sus
              purposes commissioning
              valid-from 2025-04-01
              valid-until 2028-03-31
              sublicensing no
            }

            flow nhs-england -> icb "Pseudonymised SUS" {
              data sus-pseudo
              level pseudonymised
              purpose commissioning
              art6 e "HSCA 2012 s261"
              art9 h
              sch1 part1 para2
              agreement icb-dsa
            }

            flow icb -> csu "To the ICB's own processor" {
              data sus-pseudo
              level pseudonymised
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
            }
            """,
            """
            flow trust -> nhs-england "SUS submission (a legal requirement)" {
              data sus
              level identifiable
              purpose collection
              art6 c "HSCA 2012 s259"
              art9 h
              sch1 part1 para2
              confidentiality statutory hsca-s259
              frequency monthly
            }
            """,
        ]
    ) { collector in
        check(&collector)
    }

    static let routineExempt = PurposeCategorySet([
        .individualCare, .mandatedCollection, .safeguarding, .complaints, .continuingHealthcare,
        .individualFundingRequests, .emergencyPlanning, .legalProceedings,
    ])
    static let nonParties: Set<OrganisationKind> = [.individual, .publicAudience, .court]

    static func check(_ collector: inout FindingCollector) {
        let carriesPersonalData = FlowColumns.shared(by: collector).carriesPersonalData
        let analysis = collector.analysis
        let model = collector.model
        let roles = ProcessorRoles.shared(by: collector)
        let instruments = roles.instruments
        let purposes = PurposeCategorySet.PerFlow.shared(by: collector)
        var coverage = InstrumentCoverage(collector)
        let parties = PartyLists(roles: roles)
        // Both the sublicensing walk and the agreement check need each flow's share: worked out once.
        let shares = model.flows.indices.map { index in
            roles.senders[index] == roles.recipients[index] ? nil : controllerShare(index, roles: roles, parties: parties)
        }
        let restrictions = sublicensingRestrictions(roles: roles, shares: shares, parties: parties, coverage: &coverage)
        var circles: [Int: Set<Int>] = [:]
        var isNHSEnglandByID = [Bool?](repeating: nil, count: roles.ids.count)
        let nationalBodies = NationalSafeHaven.shared(by: collector).bodies
        // By organisation id: a set of kinds hashes the kind's name at every lookup.
        let isNonParty = roles.kinds.map { $0.map(nonParties.contains) ?? false }
        let senderHoldings = analysis.graph.senderHoldings
        // Flows within one legal person are internal uses: no sharing agreement between its parts.
        let isInternal = InternalFlows.shared(by: collector).isInternal
        for index in model.flows.indices where roles.senders[index] != roles.recipients[index] && carriesPersonalData[index] && !isInternal[index] {
            // Onward sharing against `sublicensing no`, whatever kind of share this is.
            if let governing = restrictions?[senderHoldings[index]], !governing.isEmpty {
                checkSublicensing(index, governing: governing, roles: roles, circles: &circles, collector: &collector)
            }

            guard let share = shares[index] else { continue }
            if isNonParty[roles.senders[index]] || isNonParty[roles.recipients[index]] { continue }
            let categories = purposes[index]
            if !categories.isEmpty, routineExempt.isSuperset(of: categories) { continue }
            let flow = model.flows[index]
            if flow.frequency == .oneOff || flow.frequency == .onRequest { continue }
            let counted = analysis.basisForDependentChecks(index)
            if counted == .courtOrder { continue }
            let isNHSEngland = share.senders.contains { sender in
                if let known = isNHSEnglandByID[sender] { return known }
                let answer = nationalBodies.contains(roles.ids.names[sender])
                isNHSEnglandByID[sender] = answer
                return answer
            }
            if !isNHSEngland, flow.article6?.basis == .c || counted == .statutory { continue }

            let agreements = resolveAgreements(for: flow, share: share, roles: roles)
            func partiesText() -> String {
                "\(partyText(share.senders, acting: roles.senders[index], ids: roles.ids)) and \(partyText(share.recipients, acting: roles.recipients[index], ids: roles.ids))"
            }
            guard !agreements.isEmpty else {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) shares personal data between controllers \(partiesText()) with no \(isNHSEngland ? "NHS England data sharing agreement" : "data sharing agreement")",
                    discriminator: "no-agreement",
                    help: "declare `agreement NAME { kind \(isNHSEngland ? "nhse-dsa" : "dsa") parties … datasets \(flow.dataset.name) purposes … valid-until … }` and cite it on the flow with `agreement NAME`"
                )
                continue
            }
            let candidates = isNHSEngland ? agreements.filter { instruments.agreements[$0].declaration.kind == .nhsEnglandDSA } : agreements
            guard !candidates.isEmpty else {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) disseminates NHS England data under \(agreements.map { "`\(instruments.agreements[$0].declaration.id)`" }.joined(separator: ", ")), but NHS England disseminations need an NHS England data sharing agreement (`kind nhse-dsa`)",
                    discriminator: "no-agreement",
                    help: "record the DARS agreement: `agreement NAME { kind nhse-dsa parties … }`, and cite it on the flow"
                )
                continue
            }
            // Worded only when every candidate fails: most flows have an agreement that covers them.
            guard candidates.allSatisfy({ problem(with: instruments.agreements[$0], flow: index, coverage: &coverage) != nil }) else { continue }
            let agreement = instruments.agreements[candidates[0]].declaration
            let found = problem(with: instruments.agreements[candidates[0]], flow: index, coverage: &coverage)!
            let isExpired = found.kind == .expired && agreement.kind == .nhsEnglandDSA
            let named = flow.agreements.contains { $0.name == agreement.id }
            let text = found.wording(agreement: agreement, dataset: flow.dataset.name)
            collector.report(
                flow: index,
                named
                    ? "\(collector.label(flow)) is made under agreement `\(agreement.id)`, which \(text)"
                    : "\(collector.label(flow)) shares personal data between controllers \(partiesText()), and the agreement between them, `\(agreement.id)`, \(text)",
                discriminator: "\(found.kind.rawValue):\(agreement.id)",
                severity: isExpired ? .error : .warning,
                related: [DiagnosticNote("agreement `\(agreement.id)` is declared here", at: agreement.span)],
                help: found.kind == .terms
                    ? "extend the agreement to cover this flow's data and purposes, or stop the flow"
                    : "renew the agreement (a new `valid-until`), or stop the flow until it is in force"
            )
        }
    }

    /// The controllers on each side of a share, as organisation ids (ascending).
    struct Share {
        var senders: [Int]
        var recipients: [Int]
    }

    /// Each organisation alone, and with the controllers it acts for: the sides of most shares,
    /// made once per run rather than once per flow.
    struct PartyLists {
        let alone: [[Int]]
        let withControllersServed: [[Int]]

        init(roles: ProcessorRoles) {
            alone = (0..<roles.ids.count).map { [$0] }
            withControllersServed = (0..<roles.ids.count).map { roles.controllersServed[$0].mergingIDs([$0]) }
        }
    }

    /// The controllers on each side when the flow is a controller-to-controller share, else nil.
    static func controllerShare(_ index: Int, roles: ProcessorRoles, parties: PartyLists) -> Share? {
        let role = roles.flowRoles[index]
        guard role != .jointController else { return nil }
        if roles.isSubProcessing[index] { return nil }
        let controllers = roles.senderControllers[index]
        let sender = roles.senders[index]
        let recipient = roles.recipients[index]
        let recipientControllers = roles.controllersServed[recipient]
        if roles.isProcessorFlow[index] || (role == nil && !recipientControllers.isEmpty) {
            // To a processor: only a processor handing data it holds for one controller to a
            // processor of another is a share (between those controllers); a controller's own
            // processor, or another's processor it sends to, is FG024's concern.
            guard !controllers.isEmpty, !recipientControllers.isEmpty, !recipientControllers.sharesAnyID(with: controllers) else { return nil }
            return Share(senders: controllers, recipients: recipientControllers)
        }
        if controllers.containsID(recipient) { return nil }
        if roles.controllersServed[sender].containsID(recipient) { return nil }
        // Data a declared processor holds without a visible source may be its controllers' data.
        return Share(senders: controllers.isEmpty ? parties.withControllersServed[sender] : controllers, recipients: parties.alone[recipient])
    }

    /// "`csu` (for `icb`)", "`trust`".
    static func partyText(_ parties: [Int], acting organisation: Int, ids: OrganisationIDs) -> String {
        let others = parties.filter { $0 != organisation }
        if others.isEmpty { return "`\(ids.names[organisation])`" }
        return "`\(ids.names[organisation])` (for \(ids.quoted(others, separator: ", ")))"
    }

    /// The agreements the flow names, else those in the model between a sender and a recipient;
    /// positions in `instruments.agreements`.
    static func resolveAgreements(for flow: Flow, share: Share, roles: ProcessorRoles) -> [Int] {
        let named = roles.instruments.agreements(namedBy: flow)
        if !named.isEmpty { return named }
        return roles.instruments.agreements(between: share.senders, and: share.recipients)
    }

    struct Problem {
        enum Kind: String { case expired, early, terms }
        enum Detail { case date(Day), dataset, purposes }
        var kind: Kind
        var detail: Detail

        func wording(agreement: Agreement, dataset: String) -> String {
            switch (kind, detail) {
            case (.expired, .date(let until)): "expired on \(until)"
            case (_, .date(let from)): "is not in force until \(from)"
            case (_, .dataset): "does not cover `\(dataset)` (it lists \(agreement.datasets.map { "`\($0.name)`" }.joined(separator: ", ")))"
            case (_, .purposes): "does not cover the flow's purposes (it lists \(agreement.purposes.map { "`\($0.name)`" }.joined(separator: ", ")))"
            }
        }
    }

    static func problem(with agreement: PartyInstruments.SharingAgreement, flow index: Int, coverage: inout InstrumentCoverage) -> Problem? {
        let declaration = agreement.declaration
        if let until = declaration.validUntil?.day, until < coverage.asOf { return Problem(kind: .expired, detail: .date(until)) }
        if let from = declaration.validFrom, coverage.asOf < from { return Problem(kind: .early, detail: .date(from)) }
        if !coverage.coversDataset(declaration.datasets, flow: index) { return Problem(kind: .terms, detail: .dataset) }
        if !coverage.coversPurposes(declaration.purposes, flow: index) { return Problem(kind: .terms, detail: .purposes) }
        return nil
    }

    /// Onward sharing of data received under an agreement that forbids sublicensing: `governing`
    /// maps each such agreement (its position) to the flow that delivered data under it.
    static func checkSublicensing(
        _ index: Int, governing: [Int: Int], roles: ProcessorRoles, circles: inout [Int: Set<Int>], collector: inout FindingCollector
    ) {
        let model = collector.model
        let flow = model.flows[index]
        for (position, deliveryIndex) in governing.sorted(by: { $0.key < $1.key }) {
            let agreement = roles.instruments.agreements[position]
            let circle = circles[position] ?? circle(of: agreement.parties, roles: roles)
            circles[position] = circle
            if circle.contains(roles.recipients[index]) { continue }
            if roles.isProcessorFlow[index], circle.contains(roles.senders[index]) { continue }
            let delivery = model.flows[deliveryIndex]
            let id = agreement.declaration.id
            collector.report(
                flow: index,
                "\(collector.label(flow)) passes on `\(flow.dataset.name)` to `\(flow.to.name)`, but the data came under agreement `\(id)` (in \(collector.label(delivery))), which does not allow sublicensing; `\(flow.to.name)` is not a party to it",
                discriminator: "sublicensing:\(id)",
                severity: .error,
                related: [DiagnosticNote("agreement `\(id)` forbids onward sharing", at: agreement.declaration.span)],
                witness: collector.analysis.witnessPath(forFlow: index),
                help: "stop the onward flow, share only aggregate data with disclosure control, or ask the original discloser to share with `\(flow.to.name)` under its own agreement"
            )
        }
    }

    /// Per holding id, the agreements forbidding sublicensing that govern the data there (by
    /// position), each with the (first, in model order) flow that delivered data under it; nil
    /// when no agreement forbids it, and no entry (or an empty one) where no such data arrives. Propagated forward along flows and transforms with a worklist,
    /// so it costs one pass over the lineage graph.
    static func sublicensingRestrictions(roles: ProcessorRoles, shares: [Share?], parties: PartyLists, coverage: inout InstrumentCoverage) -> DenseMemo<[Int: Int]>? {
        let analysis = roles.analysis
        let graph = analysis.graph
        let model = analysis.model
        let instruments = roles.instruments
        guard instruments.agreements.contains(where: { $0.declaration.allowsSublicensing == false }) else { return nil }
        // Only holdings that restricted data reaches get a table: a table per holding cost more to
        // make and free than the walk.
        var result = DenseMemo<[Int: Int]>(count: graph.holdingCount)
        var worklist: [Int] = []
        func merge(_ entries: [Int: Int], into holding: Int) {
            let changed = result.update(holding, startingWith: [:]) { current in
                var changed = false
                for (position, delivery) in entries where current[position].map({ delivery < $0 }) ?? true {
                    current[position] = delivery
                    changed = true
                }
                return changed
            }
            if changed { worklist.append(holding) }
        }
        let recipientHoldings = graph.recipientHoldings
        for index in model.flows.indices where roles.senders[index] != roles.recipients[index] {
            guard let share = shares[index] ?? processorShare(index, roles: roles, parties: parties) else { continue }
            let delivery = model.flows[index]
            let named = !instruments.agreements(namedBy: delivery).isEmpty
            var governing: [Int: Int] = [:]
            for position in resolveAgreements(for: delivery, share: share, roles: roles) where instruments.agreements[position].declaration.allowsSublicensing == false {
                // An agreement found only by its parties governs this delivery if it covers the data.
                if named || coverage.coversDataset(instruments.agreements[position].declaration.datasets, flow: index) { governing[position] = index }
            }
            if !governing.isEmpty { merge(governing, into: recipientHoldings[index]) }
        }
        let outputHoldings = graph.outputHoldings
        while let holding = worklist.popLast() {
            let entries = result[holding] ?? [:]
            for index in graph.readers(ofHolding: holding) where roles.senders[index] != roles.recipients[index] {
                merge(entries, into: recipientHoldings[index])
            }
            for index in graph.transformReaders(ofHolding: holding) {
                merge(entries, into: outputHoldings[index])
            }
        }
        return result
    }

    /// A controller handing its own data to a processor of another controller (a trust sending
    /// local flows to NHS England's DSCRO): between the sender and that processor's controllers.
    static func processorShare(_ index: Int, roles: ProcessorRoles, parties: PartyLists) -> Share? {
        guard roles.isProcessorFlow[index], roles.senderControllers[index].isEmpty else { return nil }
        let sender = roles.senders[index]
        let recipients = roles.controllersServed[roles.recipients[index]].removingID(sender)
        return recipients.isEmpty ? nil : Share(senders: parties.alone[sender], recipients: recipients)
    }

    /// The parties, and everyone acting for them as a processor (transitively).
    static func circle(of parties: [Int], roles: ProcessorRoles) -> Set<Int> {
        var processorsOf: [Int: [Int]] = [:]
        for (processor, controllers) in roles.controllersServed.enumerated() {
            for controller in controllers { processorsOf[controller, default: []].append(processor) }
        }
        var result = Set(parties)
        var pending = parties
        while let controller = pending.popLast() {
            for processor in processorsOf[controller] ?? [] where result.insert(processor).inserted { pending.append(processor) }
        }
        return result
    }
}
