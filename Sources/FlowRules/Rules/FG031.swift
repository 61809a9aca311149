import FlowAnalysis
import FlowLanguage
import FlowModel

/// R31: retention undefined, excessive or contradictory.
enum FG031 {
    static let rule = Rule(
        code: "FG031",
        slug: "retention-undefined-or-contradictory",
        severity: .warning,
        legalSource: "UK GDPR Art 5(1)(e) and Art 30(1)(f); Records Management Code of Practice 2021; NHS England DSA terms; COPI Regulations 2002 reg 7; CAG 7-07(a-c)/2013 conditions",
        summary: "Personal data is held with no retention period, longer than the NHS England DSA allows, without deletion after invoice validation, or under a contradictory statement.",
        explanation: """
        Personal data may be kept in identifiable form no longer than necessary (Art 5(1)(e)), and \
        every controller's record of processing states the erasure time limits (Art 30(1)(f)). Every \
        organisation that receives personal data holds a copy, so each (recipient, dataset) holding \
        needs a retention statement: `retention "period and trigger" ACTION` on a flow into it, or a \
        `retention` term in an agreement the flow cites. Individuals, the public and courts are not \
        holdings the model answers for, and neither are the standard library's national bodies \
        (NHS England keeps its own schedule) or processors acting only for them. Data a care \
        provider receives only for individual care joins its health records, whose retention the \
        Records Management Code schedule sets, so it is not reported either; nor is data an \
        independent controller receives because a statute or a court requires the disclosure, or in \
        the overriding public interest (a court, the police, a safeguarding partner): the recipient's \
        own schedule governs it, and the discloser cannot set it.

        Three further checks:
        - flows under an NHS England data sharing agreement (`agreement` of kind `nhse-dsa` with \
        `valid-from` and `valid-until`) may not state a retention period longer than the agreement \
        runs: data received under a DSA follows its retention and destruction terms;
        - invoice-validation flows of personal data need a statement whose action is `delete`, \
        `destroy` or `anonymise`: CAG 7-07(a-c)/2013 requires personal details to be deleted once the \
        invoice is validated;
        - a statement that says the data is deleted immediately and also points to a retention period \
        or schedule (or that is declared `archive`) contradicts itself, as in "deleted with immediate \
        effect in accordance with the retention periods in the DSA"; say which applies.

        Only the periods written as a number and a unit (`6 years`, `18 months`, `30 days`) are \
        compared with a DSA term. Several statements on one flow are read as covering different parts \
        of the data (for example identifiers deleted after validation, invoices kept six years), so \
        they are not compared with one another.

        Fix: add `retention "8 years after the end of the contract" destroy` (the Records Management \
        Code schedule row, or the DSA's terms) to the flow that delivers the data; for invoice \
        validation, `retention "until the invoice is validated" delete`.
        """,
        triggeringExamples: [
            """
            flow trust -> university "Research cohort under s251 support" {
              data sus
              level identifiable
              purpose research
              art6 e "University research (public task)"
              art9 j
              sch1 part1 para4
              confidentiality s251-reg5
            }
            """,
            """
            agreement sus-dsa "NHS England DSA for SUS" {
              kind nhse-dsa
              parties nhs-england, icb
              valid-from 2025-04-01
              valid-until 2028-03-31
            }

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
              agreement sus-dsa
              retention "8 years after receipt" destroy
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
              retention "6 years after the financial year" archive
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
              retention "deleted with immediate effect in accordance with the retention periods in the DSA"
            }
            """,
        ],
        passingExamples: [
            """
            flow trust -> icb "Invoice backing data" {
              data sus
              level identifiable
              purpose invoice-validation
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
              retention "personal details deleted once the invoice is validated" delete
              retention "invoice records kept 6 years after the financial year" archive
            }
            """,
            """
            agreement sus-dsa "NHS England DSA for SUS" {
              kind nhse-dsa
              parties nhs-england, icb
              valid-from 2025-04-01
              valid-until 2028-03-31
              retention "destroyed at the end of the agreement, with a certificate of destruction"
            }

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
              agreement sus-dsa
            }
            """,
            """
            at icb aggregate sus -> activity-counts {
              suppress-below 8
              round-to 5
            }

            flow icb -> council "Published counts" {
              data activity-counts
              level aggregate
              purpose publication
            }
            """,
        ]
    ) { collector in
        let model = collector.model
        let analysis = collector.analysis
        let purposeCategories = PurposeCategorySet.PerFlow.shared(by: collector)
        let directCare = PurposeCategorySet(.individualCare)
        let partyTable = FlowParties.shared(by: collector)
        let declarations = partyTable.declarations
        let recipientHoldings = analysis.graph.recipientHoldings
        // By organisation id: recipients whose holdings are records the model answers for, and care providers.
        let keepsRecords = declarations.organisations.map { $0.map { !audiences.contains($0.kind) } ?? false }
        let isCareProvider = declarations.organisations.map { $0.map { careProviders.contains($0.kind) } ?? false }
        // Holdings (by id) of personal data, with the flows that fill them (in model order).
        var inbound = DenseMemo<[Int]>(count: analysis.graph.holdingCount)
        var order: [Int] = []
        let columns = FlowColumns.shared(by: collector)
        for index in model.flows.indices where columns.carriesPersonalData[index] {
            let recipient = declarations.recipients[index]
            guard keepsRecords[recipient] else { continue }
            // Whoever keeps the holding must be someone the model answers for (not the shipped
            // library's national bodies or their processors).
            let parties = partyTable.parties(ofFlow: index, role: columns.roles[index])
            let keepers = parties.recipientIsProcessor && parties.receiving.isEmpty ? parties.disclosing : parties.receiving
            guard keepers.contains(where: { partyTable.isAnswerable[$0] }) else { continue }
            // Disclosures an independent recipient receives because the law or a court requires it
            // (or in the overriding public interest) are kept under the recipient's own schedule.
            if !parties.recipientIsProcessor, let basis = collector.analysis.basisForDependentChecks(index),
               basis == .statutory || basis == .courtOrder || basis == .overridingPublicInterest { continue }
            // Care records at a provider follow the Records Management Code's health record schedule.
            let categories = purposeCategories[index]
            if isCareProvider[recipient], !categories.isEmpty, directCare.isSuperset(of: categories) { continue }
            let holding = recipientHoldings[index]
            if inbound[holding] == nil { order.append(holding) }
            inbound.append(index, at: holding)
        }
        let agreementsWithRetention = NameIndex(model.agreements.values.lazy.filter { $0.retention != nil }.map(\.id))
        var undefined: Set<Int> = []
        for holding in order {
            let indices = inbound[holding]!
            let defined = analysis.graph.contributions(toHolding: holding).contains { contribution in
                guard case .flow(let index) = contribution else { return false }
                return hasRetention(model.flows[index], agreementsWithRetention: agreementsWithRetention)
            }
            guard !defined else { continue }
            undefined.insert(holding)
            let first = model.flows[indices[0]]
            let organisation = first.to.name
            let dataset = first.dataset.name
            let labels = indices.map { collector.label(model.flows[$0]) }
            let shown = labels.prefix(3).joined(separator: ", ") + (labels.count > 3 ? " and \(labels.count - 3) more" : "")
            collector.report(
                "`\(organisation)` holds personal data `\(dataset)` (from \(shown)) with no retention period",
                at: first.span, target: organisation, discriminator: "undefined:\(dataset)",
                help: "add `retention \"period and trigger\" ACTION` to the flow, e.g. `retention \"8 years after closure\" destroy`, or a `retention` term to the agreement it cites"
            )
        }
        // NHS England DSAs with a term, by id: the ones whose term a retention period can outlast.
        var dsaTerms: [(agreement: Agreement, start: Day, end: Day)] = []
        for agreement in model.agreements.values where agreement.kind == .nhsEnglandDSA {
            if let start = agreement.validFrom, let end = agreement.validUntil?.day { dsaTerms.append((agreement, start, end)) }
        }
        let dsaTermNamed = NameIndex(dsaTerms.map(\.agreement.id))
        var wordings = TextMemo<RetentionWording>()
        for index in model.flows.indices where columns.carriesPersonalData[index] {
            let flow = model.flows[index]
            for statement in flow.retention {
                guard wordings.value(of: statement.text, RetentionWording.init).isContradictory(with: statement.action) else { continue }
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) states retention \"\(statement.text)\"\(statement.action.map { " (\($0.rawValue))" } ?? ""), which both deletes the data immediately and keeps it for a retention period",
                    discriminator: "contradictory",
                    help: "say which applies: e.g. `retention \"deleted on receipt of the next extract\" delete`, or `retention \"3 years, per the DSA\" destroy`",
                    at: statement.span
                )
            }
            for reference in flow.agreements where !dsaTerms.isEmpty {
                guard let (agreement, start, end) = dsaTermNamed.position(of: reference.name).map({ dsaTerms[$0] }) else { continue }
                let term = start.days(until: end)
                for statement in flow.retention {
                    guard let days = longestPeriod(in: statement.text), days > term + 31 else { continue }
                    collector.report(
                        flow: index,
                        "\(collector.label(flow)) keeps the data for \"\(statement.text)\", longer than NHS England DSA `\(agreement.id)` runs (\(start) to \(end))",
                        discriminator: "exceeds:\(agreement.id)",
                        related: [DiagnosticNote("`\(agreement.id)` is declared here", at: agreement.span)],
                        help: "follow the DSA's retention and destruction terms: destroy the data when the agreement ends (or renew it), with a certificate of destruction",
                        at: statement.span
                    )
                }
            }
            let isInvoiceValidation = purposeCategories[index].contains(PurposeCategorySet(.invoiceValidation))
            let holding = recipientHoldings[index]
            if isInvoiceValidation, !undefined.contains(holding), inbound[holding] != nil,
               !flow.retention.contains(where: { [.delete, .destroy, .anonymise].contains($0.action) }) {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) is invoice validation, but no retention statement deletes the personal details once the invoice is validated",
                    discriminator: "invoice-validation",
                    help: "add `retention \"until the invoice is validated\" delete` (CAG 7-07(a-c)/2013)"
                )
            }
        }
    }

    /// Recipients whose holding is not a record anyone in the model keeps: individuals, the public,
    /// and courts (whose records follow court rules).
    static let audiences: Set<OrganisationKind> = [.individual, .publicAudience, .court]

    static let careProviders: Set<OrganisationKind> = [.gpPractice, .trust, .communityProvider, .independentProvider]

    static func hasRetention(_ flow: Flow, agreementsWithRetention: NameIndex) -> Bool {
        // Most estates' agreements state no retention: then no citation is looked up.
        !flow.retention.isEmpty || !agreementsWithRetention.isEmpty && flow.agreements.contains { agreementsWithRetention.position(of: $0.name) != nil }
    }

    /// What a retention text says, whatever the action.
    struct RetentionWording {
        let deletesImmediately: Bool
        /// Meaningful only when it deletes immediately.
        let mentionsPeriod: Bool

        init(_ text: String) {
            let text = text.lowercased()
            deletesImmediately = text.containsBytes("immediate")
            mentionsPeriod = deletesImmediately && (text.containsBytes("retention period") || text.containsBytes("retention schedule")
                || longestPeriod(in: text) != nil)
        }

        /// "Deleted immediately" together with a retention period or schedule, or with `archive`.
        func isContradictory(with action: RetentionAction?) -> Bool {
            deletesImmediately && (mentionsPeriod || action == .archive)
        }
    }

    /// The longest "N years/months/weeks/days" in the text, in days (years as 365, months as 30).
    static func longestPeriod(in text: String) -> Int? {
        let words = text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
        var longest: Int?
        for (position, word) in words.enumerated() where position + 1 < words.count {
            guard let number = Int(word) ?? numberWords[word] else { continue }
            let unit = words[position + 1]
            let unitDays: Int? = switch unit {
            case "year", "years": 365
            case "month", "months": 30
            case "week", "weeks": 7
            case "day", "days": 1
            default: nil
            }
            // A model's number may be any size: a period too long to count is simply the longest.
            let days = unitDays.map { number.multipliedReportingOverflow(by: $0) }.map { $0.overflow ? Int.max : $0.partialValue }
            if let days { longest = max(longest ?? 0, days) }
        }
        return longest
    }

    static let numberWords: [String: Int] = [
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30,
    ]
}
