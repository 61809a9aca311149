import FlowAnalysis
import FlowLanguage
import FlowModel

/// R32: data minimisation — surplus identifiers.
enum FG032 {
    static let rule = Rule(
        code: "FG032",
        slug: "surplus-identifiers",
        severity: .warning,
        legalSource: "UK GDPR Art 5(1)(c) (data minimisation); Caldicott Principles 2 and 3; NDOP operational policy §7.1; CAG 7-07(a-c)/2013",
        summary: "A flow carries direct identifiers its purpose does not need.",
        explanation: """
        Personal data must be adequate, relevant and limited to what is necessary for the purpose \
        (Art 5(1)(c)); Caldicott Principles 2 and 3 say the same for confidential information. If \
        pseudonymised or anonymised data would serve, identifiable data is not necessary. The rule \
        compares the identifiers of the dataset a flow carries with a profile for its purpose:
        - commissioning and planning, contract monitoring and the commissioning view of risk \
        stratification, when the recipient is a commissioner (ICB or CCG): no direct identifier at \
        all (name, address, full postcode, date of birth, NHS number, contact details…); partial \
        postcode, age and pseudonyms are fine;
        - invoice validation: the NHS number only; postcode or date of birth only when the flow \
        declares it is needed for matching (`needs postcode`);
        - risk stratification for case finding, when the recipient is a GP practice: the NHS number \
        only (the practice re-identifies its own patients on its own system).
        Identifiers listed in the flow's `needs` are always accepted. Flows with any purpose outside \
        these profiles are not checked (the rule cannot tell what they need), nor is data that is not \
        personal data in the recipient's hands.

        Fix: send a dataset derived without the surplus identifiers — `at ORG pseudonymise D -> D2 { \
        key KEY }`, or a transform with an explicit `identifiers` list — or, where an identifier is \
        genuinely needed, say so on the flow with `needs IDENTIFIER` so the choice is recorded and \
        reviewable.
        """,
        triggeringExamples: [
            """
            dataset sus-extract "Commissioning extract" {
              origin england-health
              special-category health
              identifiers pseudonym, postcode, age
              subjects patients
              level pseudonymised
              key dscro-key
              source dscro
            }

            flow dscro -> icb "Commissioning extract with full postcode" {
              data sus-extract
              level pseudonymised
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
            }
            """,
            """
            flow trust -> icb "Invoice backing data" {
              data sus
              level identifiable
              purpose invoice-validation
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
            }
            """,
        ],
        passingExamples: [
            """
            flow trust -> icb "Invoice backing data" {
              data sus
              level identifiable
              purpose invoice-validation
              needs postcode, date-of-birth
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
            }
            """,
            """
            at dscro pseudonymise sus -> sus-pseudo {
              key dscro-key
            }

            flow dscro -> icb "Pseudonymised SUS" {
              data sus-pseudo
              level pseudonymised
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
            }
            """,
        ]
    ) { collector in
        let carriesPersonalData = FlowColumns.shared(by: collector).carriesPersonalData
        let model = collector.model
        let analysis = collector.analysis
        let declarations = DeclarationsByID.shared(by: collector)
        let purposeCategories = PurposeCategorySet.PerFlow.shared(by: collector)
        let categoryLists = analysis.flowPurposeCategories
        // By organisation id, the categories with a profile there: a flow with any other purpose (or
        // an undeclared one) is not constrained. By dataset id, whether it has a direct identifier
        // at all: only then can a flow carry a surplus one.
        let profiledByKind = Dictionary(uniqueKeysWithValues: OrganisationKind.allCases.map { kind in
            (kind, PurposeCategorySet(PurposeCategory.allCases.filter { profile(for: $0, recipientKind: kind) != nil }))
        })
        let profiledCategories = declarations.organisations.map { $0.flatMap { profiledByKind[$0.kind] } ?? [] }
        let hasDirectIdentifier = declarations.datasets.map { $0?.hasDirectIdentifier == true }
        for index in model.flows.indices where carriesPersonalData[index] {
            guard hasDirectIdentifier[declarations.flowDatasets[index]], !categoryLists[index].isEmpty,
                  categoryLists[index].count == model.flows[index].purposes.count,
                  profiledCategories[declarations.recipients[index]].isSuperset(of: purposeCategories[index]),
                  let recipient = declarations.organisations[declarations.recipients[index]] else { continue }
            let flow = model.flows[index]
            guard let dataset = model.datasets[flow.dataset.name] else { continue }
            var allowed: Set<Identifier> = Set(flow.neededIdentifiers)
            var profiled: [String] = []
            var unconstrained = flow.purposes.isEmpty
            for reference in flow.purposes {
                guard let purpose = model.purposes[reference.name],
                      let profile = profile(for: purpose.category, recipientKind: recipient.kind) else {
                    unconstrained = true
                    break
                }
                allowed.formUnion(profile)
                profiled.append(purpose.id)
            }
            guard !unconstrained else { continue }
            let surplus = dataset.identifiers.filter { $0.isDirect && !allowed.contains($0) }
            guard !surplus.isEmpty else { continue }
            let names = surplus.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            let permitted = allowed.isEmpty ? "no direct identifier" : allowed.sorted { $0.rawValue < $1.rawValue }.map { "`\($0.rawValue)`" }.joined(separator: ", ")
            collector.report(
                flow: index,
                "\(collector.label(flow)) carries \(names) in `\(dataset.id)`, more than \(profiled.map { "`\($0)`" }.joined(separator: ", ")) needs at `\(recipient.id)` (\(permitted))",
                related: [DiagnosticNote("`\(dataset.id)`'s identifiers are declared here", at: dataset.span)],
                help: "send a dataset derived without them (e.g. `at ORG pseudonymise \(dataset.id) -> \(dataset.id)-min { key KEY }`), or record a genuine need with `needs \(surplus.map(\.rawValue).joined(separator: ", "))`"
            )
        }
    }

    static let commissioningCategories: Set<PurposeCategory> = [
        .commissioningPlanning, .contractMonitoring, .riskStratificationCommissioning,
    ]

    /// The direct identifiers a purpose may use at this recipient; nil when the purpose has no profile.
    static func profile(for category: PurposeCategory, recipientKind kind: OrganisationKind) -> Set<Identifier>? {
        switch category {
        case .invoiceValidation:
            return [.nhsNumber]
        case .riskStratificationCaseFinding where kind == .gpPractice:
            return [.nhsNumber]
        case _ where commissioningCategories.contains(category) && (kind == .icb || kind == .ccg):
            return []
        default:
            return nil
        }
    }
}
