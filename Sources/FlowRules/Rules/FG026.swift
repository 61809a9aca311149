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
        statutory`) — except that NHS England's own disseminations (`nhs-england`, or a body whose \
        `successor` chain leads to it, such as NHS Digital) always need an NHS England DSA.

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
        let analysis = collector.analysis
        let model = collector.model
        let routineExempt: Set<PurposeCategory> = [
            .individualCare, .mandatedCollection, .safeguarding, .complaints, .continuingHealthcare,
            .individualFundingRequests, .emergencyPlanning, .legalProceedings,
        ]
        let nonParties: Set<OrganisationKind> = [.individual, .publicAudience, .court]

        let roles = FG024.Roles.shared(by: collector)
        let instruments = InstrumentIndex.shared(by: collector)
        // Both the sublicensing walk and the agreement check need each flow's share: worked out once.
        let shares = model.flows.indices.map { index in
            model.flows[index].from.name == model.flows[index].to.name ? nil : controllerShare(index, roles: roles)
        }
        let restrictions = sublicensingRestrictions(roles: roles, instruments: instruments, shares: shares)
        var circles: [String: Set<String>] = [:]
        for (index, flow) in collector.flows where flow.from.name != flow.to.name && analysis.carriesPersonalData(index) {
            // Onward sharing against `sublicensing no`, whatever kind of share this is.
            if let governing = restrictions[Holding(flow.from.name, flow.dataset.name)] {
                checkSublicensing(index, governing: governing, circles: &circles, collector: &collector)
            }

            guard let share = shares[index] else { continue }
            if let kind = roles.organisations.kind(of: flow.from.name), nonParties.contains(kind) { continue }
            if let kind = roles.organisations.kind(of: flow.to.name), nonParties.contains(kind) { continue }
            let isNHSEngland = share.senders.contains { isNHSEnglandBody($0, in: model) }
            let categories = Set(analysis.purposeCategories(of: flow))
            if !categories.isEmpty, categories.isSubset(of: routineExempt) { continue }
            if flow.frequency == .oneOff || flow.frequency == .onRequest { continue }
            if flow.confidentiality?.basis == .courtOrder { continue }
            if !isNHSEngland, flow.article6?.basis == .c || flow.confidentiality?.basis == .statutory { continue }

            let agreements = resolveAgreements(for: flow, senders: share.senders, recipients: share.recipients, in: model, index: instruments)
            let parties = "\(partyText(share.senders, acting: flow.from.name)) and \(partyText(share.recipients, acting: flow.to.name))"
            guard !agreements.isEmpty else {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) shares personal data between controllers \(parties) with no \(isNHSEngland ? "NHS England data sharing agreement" : "data sharing agreement")",
                    discriminator: "no-agreement",
                    help: "declare `agreement NAME { kind \(isNHSEngland ? "nhse-dsa" : "dsa") parties … datasets \(flow.dataset.name) purposes … valid-until … }` and cite it on the flow with `agreement NAME`"
                )
                continue
            }
            let candidates = isNHSEngland ? agreements.filter { $0.kind == .nhsEnglandDSA } : agreements
            guard !candidates.isEmpty else {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) disseminates NHS England data under \(agreements.map { "`\($0.id)`" }.joined(separator: ", ")), but NHS England disseminations need an NHS England data sharing agreement (`kind nhse-dsa`)",
                    discriminator: "no-agreement",
                    help: "record the DARS agreement: `agreement NAME { kind nhse-dsa parties … }`, and cite it on the flow"
                )
                continue
            }
            let problems = candidates.map { ($0, problem(with: $0, for: flow, asOf: collector.asOf, in: model)) }
            guard problems.allSatisfy({ $0.1 != nil }), let (agreement, found) = problems.first, let found else { continue }
            let isExpired = found.kind == .expired && agreement.kind == .nhsEnglandDSA
            let named = flow.agreements.contains { $0.name == agreement.id }
            collector.report(
                flow: index,
                named
                    ? "\(collector.label(flow)) is made under agreement `\(agreement.id)`, which \(found.text)"
                    : "\(collector.label(flow)) shares personal data between controllers \(parties), and the agreement between them, `\(agreement.id)`, \(found.text)",
                discriminator: "\(found.kind.rawValue):\(agreement.id)",
                severity: isExpired ? .error : .warning,
                related: [DiagnosticNote("agreement `\(agreement.id)` is declared here", at: agreement.span)],
                help: found.kind == .terms
                    ? "extend the agreement to cover this flow's data and purposes, or stop the flow"
                    : "renew the agreement (a new `valid-until`), or stop the flow until it is in force"
            )
        }
    }

    struct Share {
        var senders: Set<String>
        var recipients: Set<String>
    }

    /// The controllers on each side when the flow is a controller-to-controller share, else nil.
    static func controllerShare(_ index: Int, roles: FG024.Roles) -> Share? {
        let flow = roles.analysis.model.flows[index]
        guard flow.role != .jointController else { return nil }
        let controllers = roles.senderControllers[index]
        if roles.isSubProcessing(flow, senderControllers: controllers) { return nil }
        let recipientControllers = roles.organisations.controllers(servedBy: flow.to.name)
        if roles.organisations.isProcessorFlow[index] || (flow.role == nil && !recipientControllers.isEmpty) {
            // To a processor: only a processor handing data it holds for one controller to a
            // processor of another is a share (between those controllers); a controller's own
            // processor, or another's processor it sends to, is FG024's concern.
            guard !controllers.isEmpty, !recipientControllers.isEmpty, recipientControllers.isDisjoint(with: controllers) else { return nil }
            return Share(senders: controllers, recipients: recipientControllers)
        }
        if controllers.contains(flow.to.name) { return nil }
        let senderControllers = roles.organisations.controllers(servedBy: flow.from.name)
        if senderControllers.contains(flow.to.name) { return nil }
        // Data a declared processor holds without a visible source may be its controllers' data.
        return Share(senders: controllers.isEmpty ? senderControllers.union([flow.from.name]) : controllers, recipients: [flow.to.name])
    }

    /// "`csu` (for `icb`)", "`trust`".
    static func partyText(_ parties: Set<String>, acting organisation: String) -> String {
        let others = parties.subtracting([organisation]).sorted().map { "`\($0)`" }
        if others.isEmpty { return "`\(organisation)`" }
        return "`\(organisation)` (for \(others.joined(separator: ", ")))"
    }

    /// The agreements the flow names, else those in the model between a sender and a recipient.
    static func resolveAgreements(
        for flow: Flow, senders: Set<String>, recipients: Set<String>, in model: SemanticModel, index: InstrumentIndex
    ) -> [Agreement] {
        let named = flow.agreements.compactMap { model.agreements[$0.name] }
        if !named.isEmpty { return named }
        return index.agreements(between: senders, and: recipients)
    }

    struct Problem {
        enum Kind: String { case expired, early, terms }
        var kind: Kind
        var text: String
    }

    static func problem(with agreement: Agreement, for flow: Flow, asOf: Day, in model: SemanticModel) -> Problem? {
        if let until = agreement.validUntil?.day, until < asOf { return Problem(kind: .expired, text: "expired on \(until)") }
        if let from = agreement.validFrom, asOf < from { return Problem(kind: .early, text: "is not in force until \(from)") }
        if !agreement.datasets.isEmpty, !FG024.coversDataset(agreement.datasets, dataset: flow.dataset.name, in: model) {
            return Problem(kind: .terms, text: "does not cover `\(flow.dataset.name)` (it lists \(agreement.datasets.map { "`\($0.name)`" }.joined(separator: ", ")))")
        }
        if !agreement.purposes.isEmpty, !FG024.covers(agreement.purposes, flow: flow, in: model) {
            return Problem(kind: .terms, text: "does not cover the flow's purposes (it lists \(agreement.purposes.map { "`\($0.name)`" }.joined(separator: ", ")))")
        }
        return nil
    }

    /// NHS England, or a body whose successor it is (NHS Digital).
    static func isNHSEnglandBody(_ id: String, in model: SemanticModel) -> Bool {
        var current: String? = id
        var seen: Set<String> = []
        while let name = current, seen.insert(name).inserted {
            if name == "nhs-england" { return true }
            current = model.organisations[name]?.successor?.name
        }
        return false
    }

    /// Onward sharing of data received under an agreement that forbids sublicensing: `governing`
    /// maps each such agreement to the flow that delivered data under it.
    static func checkSublicensing(_ index: Int, governing: [String: Int], circles: inout [String: Set<String>], collector: inout FindingCollector) {
        let model = collector.model
        let flow = model.flows[index]
        for (id, deliveryIndex) in governing.sorted(by: { $0.key < $1.key }) {
            guard let agreement = model.agreements[id] else { continue }
            let circle = circles[id] ?? circle(of: Set(agreement.parties.map(\.name)), in: model)
            circles[id] = circle
            if circle.contains(flow.to.name) { continue }
            if OrganisationIndex.shared(by: collector).isProcessorFlow[index], circle.contains(flow.from.name) { continue }
            let delivery = model.flows[deliveryIndex]
            collector.report(
                flow: index,
                "\(collector.label(flow)) passes on `\(flow.dataset.name)` to `\(flow.to.name)`, but the data came under agreement `\(id)` (in \(collector.label(delivery))), which does not allow sublicensing; `\(flow.to.name)` is not a party to it",
                discriminator: "sublicensing:\(id)",
                severity: .error,
                related: [DiagnosticNote("agreement `\(id)` forbids onward sharing", at: agreement.span)],
                witness: collector.analysis.witnessPath(forFlow: index),
                help: "stop the onward flow, share only aggregate data with disclosure control, or ask the original discloser to share with `\(flow.to.name)` under its own agreement"
            )
        }
    }

    /// For each holding, the agreements forbidding sublicensing that govern the data there, each with
    /// the (first, in model order) flow that delivered data under it. Propagated forward along flows
    /// and transforms with a worklist, so it costs one pass over the lineage graph.
    static func sublicensingRestrictions(roles: FG024.Roles, instruments: InstrumentIndex, shares: [Share?]) -> [Holding: [String: Int]] {
        let analysis = roles.analysis
        let model = analysis.model
        guard model.agreements.values.contains(where: { $0.allowsSublicensing == false }) else { return [:] }
        var result: [Holding: [String: Int]] = [:]
        var worklist: [Holding] = []
        func merge(_ entries: [String: Int], into holding: Holding) {
            var changed = false
            for (id, delivery) in entries where (result[holding]?[id]).map({ delivery < $0 }) ?? true {
                result[holding, default: [:]][id] = delivery
                changed = true
            }
            if changed { worklist.append(holding) }
        }
        for (index, delivery) in model.flows.enumerated() where delivery.from.name != delivery.to.name {
            guard let share = shares[index] ?? processorShare(index, roles: roles) else { continue }
            let named = delivery.agreements.contains { model.agreements[$0.name] != nil }
            let ids = resolveAgreements(for: delivery, senders: share.senders, recipients: share.recipients, in: model, index: instruments).filter { agreement in
                // An agreement found only by its parties governs this delivery if it covers the data.
                agreement.allowsSublicensing == false
                    && (named || agreement.datasets.isEmpty || FG024.coversDataset(agreement.datasets, dataset: delivery.dataset.name, in: model))
            }.map(\.id)
            if !ids.isEmpty { merge(Dictionary(ids.map { ($0, index) }, uniquingKeysWith: { first, _ in first }), into: Holding(delivery.to.name, delivery.dataset.name)) }
        }
        while let holding = worklist.popLast() {
            guard let entries = result[holding] else { continue }
            for index in analysis.graph.readers[holding] ?? [] where model.flows[index].from.name != model.flows[index].to.name {
                merge(entries, into: Holding(model.flows[index].to.name, model.flows[index].dataset.name))
            }
            for index in analysis.graph.transformReaders[holding] ?? [] {
                merge(entries, into: Holding(model.transforms[index].holder.name, model.transforms[index].output))
            }
        }
        return result
    }

    /// A controller handing its own data to a processor of another controller (a trust sending
    /// local flows to NHS England's DSCRO): between the sender and that processor's controllers.
    static func processorShare(_ index: Int, roles: FG024.Roles) -> Share? {
        let flow = roles.analysis.model.flows[index]
        guard roles.organisations.isProcessorFlow[index],
              roles.senderControllers[index].isEmpty else { return nil }
        let recipients = roles.organisations.controllers(servedBy: flow.to.name).subtracting([flow.from.name])
        return recipients.isEmpty ? nil : Share(senders: [flow.from.name], recipients: recipients)
    }

    /// The parties, and everyone acting for them as a processor (transitively).
    static func circle(of parties: Set<String>, in model: SemanticModel) -> Set<String> {
        var result = parties
        var changed = true
        while changed {
            changed = false
            for org in model.organisations.values where !result.contains(org.id) {
                if org.processorFor.contains(where: { result.contains($0.name) }) {
                    result.insert(org.id)
                    changed = true
                }
            }
        }
        return result
    }
}
