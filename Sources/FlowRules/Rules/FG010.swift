import FlowLanguage
import FlowModel

/// R10: implied consent relied on outside individual care or outside the care team.
enum FG010 {
    static let rule = Rule(
        code: "FG010",
        slug: "implied-consent-misused",
        severity: .error,
        legalSource: "Common law duty of confidentiality; National Data Guardian and GMC confidentiality guidance; Caldicott principle 7",
        summary: "Implied consent is claimed for a flow that is not individual care, or for a recipient outside the patient's care team.",
        explanation: """
        Implied consent sets aside the common law duty of confidentiality only for sharing within the \
        patient's care team, for the patient's own individual (direct) care, where the patient would \
        reasonably expect it and has not objected. It never covers planning, commissioning, invoice \
        validation, risk stratification for commissioning, research, audit by outsiders or any other \
        secondary purpose: those need explicit consent, s251 support, a statutory gateway or another \
        basis.

        For every flow of confidential patient information between two organisations that records \
        `confidentiality implied-consent`, two situations are reported as errors:
        1. a purpose of the flow is not individual care (its category is not `individual-care`);
        2. the purpose is individual care, but the recipient is not part of a care team: a \
        commissioner (ICB, CCG), NHS England or another national body, a DSCRO or CSU, a supplier, \
        research body, registry, government department, regulator, auditor, court, police, archive, \
        destruction contractor or the public — unless it receives the data as a processor for the \
        discloser or for a care provider (a GP system supplier, say), which is not a disclosure.
        Care providers (GP practices, trusts, community and independent providers), local authorities \
        (adult social care), charities, individuals and organisations of kind `other` are accepted as \
        care-team recipients. Data that is not confidential in the recipient's hands, and information \
        people give about themselves (flows from an `individual` or the `public`), is not checked.

        Fix: if the flow is for a secondary purpose, record the basis it really has — `confidentiality \
        s251-reg5 APPROVAL`, `confidentiality statutory GATEWAY`, `confidentiality explicit-consent` — \
        or de-identify the data so that it is not confidential to the recipient. If the recipient \
        acts for a care provider, mark it (`processor-for`, `role processor`).
        """,
        triggeringExamples: [
            """
            flow trust -> icb "A&E data for planning" {
              data sus
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality implied-consent
            }
            """,
            """
            flow gp -> icb "Care plans sent to the commissioner" {
              data gp-extract
              level identifiable
              purpose care
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality implied-consent
            }
            """,
        ],
        passingExamples: [
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
            """
            org gp-system "GP clinical system supplier" {
              kind supplier
              processor-for gp
              confidentiality-duty yes
            }

            flow gp -> gp-system "Hosted clinical record" {
              data gp-extract
              level identifiable
              purpose care
              role processor
              art6 e "NHS Act 2006 s83"
              art9 h
              sch1 part1 para2
              confidentiality implied-consent
            }
            """,
        ]
    ) { collector in
        let carriesConfidentialInformation = FlowColumns.shared(by: collector).carriesConfidentialInformation
        let model = collector.model
        // The parties' declarations by id and the purposes' categories as bits: looking either up by
        // name hashes the name for every flow.
        let declarations = DeclarationsByID.shared(by: collector)
        let purposeCategories = PurposeCategorySet.PerFlow.shared(by: collector)
        let bases = FlowColumns.shared(by: collector).confidentialityBases
        for index in model.flows.indices where bases[index] == .impliedConsent {
            let flow = model.flows[index]
            guard flow.from.name != flow.to.name, carriesConfidentialInformation[index] else { continue }
            // People giving their own information owe no duty of confidence to themselves.
            if let from = declarations.organisations[declarations.senders[index]], from.kind.isPeopleThemselves { continue }
            let span = flow.confidentiality?.span
            // Only a flow with a purpose outside direct care has any to list.
            let secondary = purposeCategories[index].isSubset(of: directCare) ? []
                : flow.purposes.filter { (model.purposes[$0.name]?.category).map { !$0.isDirectCare } ?? false }
            if !secondary.isEmpty {
                let described = secondary.map { "`\($0.name)` (\(model.purposes[$0.name]?.category.rawValue ?? "?"))" }.joined(separator: ", ")
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) claims implied consent for \(described), which is not individual care; implied consent covers only direct care within the care team",
                    discriminator: "purpose",
                    help: "record the basis the flow really has (e.g. `confidentiality s251-reg5 APPROVAL`, `confidentiality statutory GATEWAY`, `confidentiality explicit-consent`), or de-identify the data",
                    at: span
                )
                continue
            }
            guard let recipient = declarations.organisations[declarations.recipients[index]], !isCareTeam(recipient, flow: flow, in: model) else { continue }
            collector.report(
                flow: index,
                "\(collector.label(flow)) claims implied consent for individual care, but `\(recipient.id)` (\(recipient.kind.rawValue)) is not in the patient's care team",
                discriminator: "recipient",
                related: [DiagnosticNote("`\(recipient.id)` is declared here", at: recipient.span)],
                help: "if `\(recipient.id)` acts for a care provider, mark it (`processor-for`, `role processor`); otherwise record the basis the flow really has",
                at: span
            )
        }
    }

    /// The categories of direct care (`PurposeCategory.isDirectCare`).
    static let directCare = PurposeCategorySet(PurposeCategory.allCases.filter(\.isDirectCare))

    /// Kinds that cannot be in a patient's care team in their own right.
    static let outsideCareTeam: Set<OrganisationKind> = [
        .icb, .ccg, .nationalBody, .dscro, .csu, .supplier, .researchBody, .registry, .governmentDepartment,
        .regulator, .auditor, .court, .police, .archive, .destructionContractor, .publicAudience,
    ]

    static let careProviders: Set<OrganisationKind> = [.gpPractice, .trust, .communityProvider, .independentProvider, .localAuthority]

    static func isCareTeam(_ recipient: Organisation, flow: Flow, in model: SemanticModel) -> Bool {
        guard outsideCareTeam.contains(recipient.kind) else { return true }
        // A processor acting for the discloser or for a care provider receives no disclosure.
        guard flow.role != .controller, flow.role != .jointController else { return false }
        return recipient.processorFor.contains { controller in
            controller.name == flow.from.name || (model.organisations[controller.name].map { careProviders.contains($0.kind) } ?? false)
        }
    }
}
