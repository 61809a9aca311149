import FlowLanguage
import FlowModel

/// R7: a public authority relying on legitimate interests for its own tasks.
enum FG007 {
    static let rule = Rule(
        code: "FG007",
        slug: "basis-unavailable-to-public-authority",
        severity: .error,
        legalSource: "UK GDPR Art 6(1) final subparagraph (as amended by the Data (Use and Access) Act 2025 s70)",
        summary: "A public authority relies on legitimate interests (6(1)(f)) or a recognised legitimate interest (6(1)(ea)) for one of its tasks.",
        explanation: """
        Legitimate interests, Art 6(1)(f), cannot be relied on by a public authority for processing in \
        the performance of its tasks (the last subparagraph of Art 6(1)). The Data (Use and Access) Act \
        2025 extends the same bar to the new recognised legitimate interests basis, 6(1)(ea). An ICB, \
        trust, GP practice, local authority or NHS England processing for commissioning, care, \
        safeguarding or any other statutory function must use 6(1)(e) public task (or 6(1)(c) legal \
        obligation) with the law behind it.

        The rule looks at the controller whose basis the flow records: the discloser; the controllers \
        a disclosing processor acts for; or the recipient, when the data comes from the data subject or \
        the public. It fires on flows of personal data citing `art6 f` or `art6 ea` when that controller \
        is a public authority — `public-authority yes`, or, when nothing is recorded, an ICB, CCG, NHS \
        trust, GP practice, national body, local authority, government department or police force — and at \
        least one of the flow's purposes is a statutory function (the default; mark a purpose outside the \
        authority's tasks with `statutory-function no`).

        Fix: record the basis the authority actually has — usually `art6 e "law giving the function"` \
        — or, if the purpose really falls outside its public tasks (some commercial activity), say so on \
        the purpose with `statutory-function no`.
        """,
        triggeringExamples: [
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

            flow icb -> csu "Commissioning analytics on legitimate interests" {
              data sus-pseudo
              level pseudonymised
              purpose commissioning
              role processor
              art6 f
              art9 h
              sch1 part1 para2
            }
            """,
            """
            purpose outreach "Service outreach" {
              category patient-involvement
            }

            flow gp -> council "Outreach list on a recognised legitimate interest" {
              data gp-extract
              level identifiable
              purpose outreach
              art6 ea
              art9 h
              sch1 part1 para2
              confidentiality explicit-consent
            }
            """,
        ],
        passingExamples: [
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

            flow icb -> csu "Commissioning analytics" {
              data sus-pseudo
              level pseudonymised
              purpose commissioning
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
            }
            """,
            """
            purpose car-parking "Car park permit sales" {
              category processing-support
              statutory-function no
            }

            dataset permits "Car park permit holders" {
              origin non-health
              identifiers name, address
              subjects members-of-the-public
              source trust
            }

            org parking-co "Parking operator" {
              kind supplier
            }

            flow trust -> parking-co "Permit holders" {
              data permits
              level identifiable
              purpose car-parking
              art6 f
            }
            """,
            """
            dataset claims "Insurance claims under investigation" {
              origin non-health
              identifiers name, address
              subjects members-of-the-public
              source insurer
            }

            flow insurer -> council "Suspected housing-benefit fraud" {
              data claims
              level identifiable
              purpose fraud
              art6 f
            }
            """,
        ]
    ) { collector in
        let carriesPersonalData = FlowColumns.shared(by: collector).carriesPersonalData
        let model = collector.model
        let article6Bases = FlowColumns.shared(by: collector).article6Bases
        for index in model.flows.indices {
            guard let basis = article6Bases[index], basis == .f || basis == .ea,
                  carriesPersonalData[index] else { continue }
            let flow = model.flows[index]
            let authorities = FG004.relyingControllers(of: flow, in: model).filter(isPublicAuthority)
            guard !authorities.isEmpty else { continue }
            let tasks = flow.purposes.filter { model.purposes[$0.name]?.isStatutoryFunction ?? true }
            guard !tasks.isEmpty else { continue }
            let names = authorities.map { "`\($0.id)`" }.joined(separator: ", ")
            let basisName = basis == .f ? "Art 6(1)(f) legitimate interests" : "Art 6(1)(ea) recognised legitimate interests"
            collector.report(
                flow: index,
                "\(collector.label(flow)) relies on \(basisName), which \(names) cannot use as a public authority for its tasks (\(tasks.map { "`\($0.name)`" }.joined(separator: ", ")))",
                related: authorities.map { DiagnosticNote("`\($0.id)` is a public authority", at: $0.span) },
                help: "use the basis the authority has for this task, e.g. `art6 e \"NHS Act 2006 s14Z\"`; or mark the purpose `statutory-function no` if it is outside the authority's public tasks",
                at: flow.article6?.span
            )
        }
    }

    /// Kinds that are public authorities (DPA 2018 s7 / FOIA Sch 1) when the model records nothing.
    static let publicAuthorityKinds: Set<OrganisationKind> = [
        .icb, .ccg, .trust, .gpPractice, .nationalBody, .localAuthority, .governmentDepartment, .police,
    ]

    static func isPublicAuthority(_ org: Organisation) -> Bool {
        org.isPublicAuthority ?? publicAuthorityKinds.contains(org.kind)
    }
}
