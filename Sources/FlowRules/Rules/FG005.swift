import FlowLanguage
import FlowModel

/// R5: Art 9(2)(h) relied on for a recipient with no duty of secrecy.
enum FG005 {
    static let rule = Rule(
        code: "FG005",
        slug: "art9h-recipient-without-secrecy-duty",
        severity: .warning,
        legalSource: "UK GDPR Art 9(3); DPA 2018 s11(1)",
        summary: "Health data goes under Art 9(2)(h) to a recipient not shown to owe a duty of confidentiality.",
        explanation: """
        Article 9(2)(h) — health or social care purposes, the usual condition for NHS care, commissioning, \
        invoice validation and risk stratification — is only available when the data is processed by or \
        under the responsibility of a health or social work professional, or by another person who owes a \
        duty of confidentiality under an enactment or rule of law (Art 9(3), DPA 2018 s11(1)). A recipient \
        relying on it must therefore be a clinical or IG body with such a duty, or a processor bound to \
        confidentiality by its contract with the controller.

        For every flow of personal data that cites `art9 h`, the recipient passes when:
        • it records `confidentiality-duty yes`; or
        • it records nothing, and is a care provider (GP practice, trust, community or independent \
        provider) whose professionals owe the duty, or an NHS body whose staff are bound by it (ICB, \
        CCG, CSU, DSCRO, national body), or a local authority receiving the data for individual \
        (social) care or safeguarding, where its social work professionals owe it; or
        • it receives the data as a processor (`role processor`, or `processor-for` the discloser) under \
        an Art 28 contract with `confidentiality-clause yes` — one the flow cites with `agreement`, or \
        else a contract between it and the discloser, a controller the discloser acts for, or a \
        controller it acts for.
        Anything else is reported: `confidentiality-duty no`, or an analytics company, local authority, \
        university or other body with no duty recorded and no contract clause.

        Fix: record the recipient's duty (`confidentiality-duty yes`) when it has one (for example staff \
        contracts with confidentiality terms under NHS terms and conditions); for a processor, declare the \
        Art 28 contract with `confidentiality-clause yes` and cite it on the flow (`agreement CONTRACT`); \
        otherwise choose a condition the recipient can actually rely on (9(2)(g) with a Part 2 \
        condition for safeguarding, say).
        """,
        triggeringExamples: [
            """
            org analytics "Analytics supplier" {
              kind supplier
              processor-for icb
            }

            at icb pseudonymise sus -> sus-for-analytics {
              key dscro-key
            }

            flow icb -> analytics "Pseudonymised SUS for dashboards" {
              data sus-for-analytics
              level pseudonymised
              purpose commissioning
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
            }
            """,
            """
            org housing "Housing association" {
              kind other
              confidentiality-duty no
            }

            flow trust -> housing "Discharge list for housing adaptations" {
              data sus
              level identifiable
              purpose care
              art6 e "NHS Act 2006 s43"
              art9 h
              sch1 part1 para2
              confidentiality explicit-consent
            }
            """,
        ],
        passingExamples: [
            """
            org analytics "Analytics supplier" {
              kind supplier
              processor-for icb
            }

            contract analytics-contract "Analytics services contract" {
              controller icb
              processor analytics
              confidentiality-clause yes
            }

            at icb pseudonymise sus -> sus-for-analytics {
              key dscro-key
            }

            flow icb -> analytics "Pseudonymised SUS for dashboards" {
              data sus-for-analytics
              level pseudonymised
              purpose commissioning
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              agreement analytics-contract
            }
            """,
            """
            flow trust -> gp "Discharge summary" {
              data sus
              level identifiable
              purpose care
              art6 e "NHS Act 2006 s43"
              art9 h
              sch1 part1 para2
              confidentiality implied-consent
            }
            """,
        ]
    ) { collector in
        let carriesPersonalData = FlowColumns.shared(by: collector).carriesPersonalData
        let model = collector.model
        let instruments = InstrumentIndex.shared(by: collector)
        // The parties' declarations by id: looking them up by name hashes the names for every flow.
        let declarations = DeclarationsByID.shared(by: collector)
        for (index, flow) in collector.flows where flow.article9Conditions.contains(.h) && carriesPersonalData[index] {
            guard flow.from.name != flow.to.name, let recipient = declarations.organisations[declarations.recipients[index]] else { continue }
            if recipient.hasConfidentialityDuty == true { continue }
            if recipient.hasConfidentialityDuty == nil, owesDutyByKind(recipient, flow: flow, in: model) { continue }
            let contracts = processorContracts(
                for: flow, recipient: recipient, sender: declarations.organisations[declarations.senders[index]], in: model, index: instruments
            )
            if contracts.contains(where: { $0.hasConfidentialityClause == true }) { continue }
            let duty = recipient.hasConfidentialityDuty == false ? "records `confidentiality-duty no`" : "has no duty of confidentiality recorded"
            let contractState: String
            if isProcessor(flow, recipient: recipient) {
                contractState = contracts.isEmpty
                    ? " and no Art 28 contract with a confidentiality clause is recorded"
                    : " and its Art 28 contract \(contracts.map { "`\($0.id)`" }.joined(separator: ", ")) has no `confidentiality-clause yes`"
            } else {
                contractState = ""
            }
            collector.report(
                flow: index,
                "\(collector.label(flow)) relies on Art 9(2)(h), but the recipient `\(recipient.id)` \(duty)\(contractState) (Art 9(3), DPA 2018 s11(1))",
                related: [DiagnosticNote("`\(recipient.id)` is declared here", at: recipient.span)]
                    + contracts.map { DiagnosticNote("Art 28 contract `\($0.id)`", at: $0.span) },
                help: isProcessor(flow, recipient: recipient)
                    ? "record `confidentiality-clause yes` on the Art 28 contract with `\(recipient.id)` and cite it with `agreement CONTRACT`, or `confidentiality-duty yes` on `\(recipient.id)`"
                    : "record `confidentiality-duty yes` on `\(recipient.id)` if it owes the duty, or rely on a condition it can meet"
            )
        }
    }

    /// Health and care providers whose professionals owe a duty of confidentiality, and NHS bodies whose
    /// staff are bound by it (Art 9(3)), when the model records nothing.
    static let dutyKinds: Set<OrganisationKind> = [
        .gpPractice, .trust, .communityProvider, .independentProvider, .icb, .ccg, .csu, .dscro, .nationalBody,
    ]

    /// A local authority counts for social care and safeguarding (its social work professionals), not
    /// for other purposes.
    static func owesDutyByKind(_ recipient: Organisation, flow: Flow, in model: SemanticModel) -> Bool {
        if dutyKinds.contains(recipient.kind) { return true }
        guard recipient.kind == .localAuthority else { return false }
        let categories = flow.purposes.compactMap { model.purposes[$0.name]?.category }
        return !categories.isEmpty && categories.allSatisfy { $0.isDirectCare || $0 == .safeguarding }
    }

    static func isProcessor(_ flow: Flow, recipient: Organisation) -> Bool {
        switch flow.role {
        case .processor: true
        case .controller, .jointController: false
        case nil: !recipient.processorFor.isEmpty
        }
    }

    /// The Art 28 contracts that bind the recipient as a processor for this flow: those the flow cites,
    /// or else those between the recipient and the discloser, a controller the discloser acts for, or a
    /// controller the recipient acts for.
    static func processorContracts(
        for flow: Flow, recipient: Organisation, sender: Organisation?, in model: SemanticModel, index: InstrumentIndex
    ) -> [ProcessorContract] {
        guard isProcessor(flow, recipient: recipient) else { return [] }
        let cited = flow.agreements.compactMap { model.contracts[$0.name] }.filter { $0.processor.name == recipient.id }
        if !cited.isEmpty { return cited }
        var controllers: Set<String> = [flow.from.name]
        controllers.formUnion(recipient.processorFor.map(\.name))
        if let sender {
            controllers.formUnion(sender.processorFor.map(\.name))
        }
        return (index.contractsByProcessor[recipient.id] ?? []).filter { controllers.contains($0.controller.name) }
    }
}
