import FlowAnalysis
import FlowLanguage
import FlowModel

/// R28: DPIA required but absent or stale.
enum FG028 {
    static let rule = Rule(
        code: "FG028",
        slug: "dpia-missing-or-stale",
        severity: .error,
        legalSource: "UK GDPR Art 35(1), 35(3)(b) and 35(4) (ICO list of processing likely to result in high risk); ICO DPIA guidance; DSPT",
        summary: "Processing that needs a DPIA has none recorded, or its DPIA predates a material change or is overdue for review.",
        explanation: """
        A data protection impact assessment is mandatory before processing that is likely to result in \
        a high risk (Art 35). Flows of personal data (in the recipient's hands) are checked for the \
        triggers the model can see:
        1. profiling or risk scoring: a risk-stratification purpose (case finding or commissioning), \
        Art 35(3)(a) and the ICO list (error);
        2. data matching: the recipient links the data with another dataset from a different source \
        (`at ORG link …`), ICO list (error);
        3. a transfer to a recipient outside the UK (error);
        4. large-scale special category or criminal offence data, which the model cannot measure \
        directly: a recurring flow (`frequency continuous|daily|weekly|monthly|quarterly`) of such \
        data is taken as systematic, large-scale processing (Art 35(3)(b)) and reported as a \
        warning. Mandated collections are left out of this trigger: the collecting body's \
        assessment covers them (Art 35(10)).
        Invisible processing and innovative technology cannot be seen in the model; assess them \
        yourself.

        A flow is covered by the DPIA it cites (`dpia NAME`), or by a declared DPIA whose `purposes` \
        include one of the flow's purposes and whose `controller` (if given) is one of the flow's \
        parties or the controller a party processes for — DPIAs are written per processing activity, \
        not per hop. A DPIA is stale (warning) when it was completed before the flow's last material \
        change (`changed DATE`: a new recipient, processor or data items), when the flow records a \
        change but the DPIA has no completion date, or when its `next-review` date has passed.

        Fix: complete the DPIA (Art 35(7): systematic description, necessity and proportionality, \
        risks, measures) and declare it: `dpia rs-dpia { controller icb; purposes risk-stratification; \
        completed 2025-04-01; next-review 2026-04-01 }`, citing it on the flow with `dpia rs-dpia` if \
        the purpose does not already tie them together. Review it after every material change.
        """,
        triggeringExamples: [
            """
            flow gp -> supplier "GP extract for risk scoring" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
            }
            """,
            """
            purpose population-health "Population health analysis" {
              category commissioning-planning
            }

            flow trust -> supplier "SUS for linkage" {
              data sus
              level identifiable
              purpose population-health
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
            }

            flow gp -> supplier "GP data for linkage" {
              data gp-extract
              level identifiable
              purpose population-health
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
            }

            at supplier link sus, gp-extract -> linked-record
            """,
            """
            org helpdesk "Offshore support desk" {
              kind supplier
              country IN
              processor-for supplier
            }

            flow supplier -> helpdesk "Remote support access" {
              data gp-extract
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
              transfer idta
            }
            """,
            """
            at dscro pseudonymise sus -> sus-pseudo {
              key dscro-key
            }

            flow dscro -> icb "Monthly pseudonymised SUS" {
              data sus-pseudo
              level pseudonymised
              purpose commissioning
              frequency monthly
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
            }
            """,
            """
            dpia rs-dpia "Risk stratification DPIA" {
              controller icb
              purposes risk-stratification
              completed 2024-03-01
            }

            flow gp -> supplier "GP extract, new supplier since the DPIA" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              changed 2025-02-01
            }
            """,
        ],
        passingExamples: [
            """
            dpia rs-dpia "Risk stratification DPIA" {
              controller icb
              purposes risk-stratification
              completed 2025-03-01
              next-review 2026-03-01
            }

            flow gp -> supplier "GP extract for risk scoring" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              changed 2025-02-01
            }
            """,
            """
            flow trust -> gp "Discharge summary" {
              data sus
              level identifiable
              purpose care
              art6 e "NHS Act 2006"
              art9 h
              sch1 part1 para2
              confidentiality implied-consent
            }
            """,
            """
            flow trust -> nhs-england "Monthly SUS submission" {
              data sus
              level identifiable
              purpose collection
              frequency monthly
              art6 c "HSCA 2012 s259"
              art9 h
              sch1 part1 para2
              confidentiality statutory hsca-s259
            }
            """,
        ]
    ) { collector in
        let carriesPersonalData = FlowColumns.shared(by: collector).carriesPersonalData
        let model = collector.model
        let analysis = collector.analysis
        let matching = dataMatching(in: analysis, lineage: DatasetLineage.shared(by: collector))
        let organisations = OrganisationIndex.shared(by: collector)
        let facts = TriggerFacts(
            model: model, declarations: DeclarationsByID.shared(by: collector), purposeCategories: PurposeCategorySet.PerFlow.shared(by: collector),
            matching: matching, datasetNames: analysis.graph.datasets.names, recipientHoldings: analysis.graph.recipientHoldings
        )
        // DPIAs by each purpose they list (in id order): a flow's candidates without scanning them all.
        var dpiasByPurpose: [String: [ImpactAssessment]] = [:]
        for dpia in model.impactAssessments.values.sorted(by: { $0.id < $1.id }) {
            for purpose in Set(dpia.purposes.map(\.name)) { dpiasByPurpose[purpose, default: []].append(dpia) }
        }
        // By name: a flow's cited DPIA, without hashing its name with SipHash.
        let dpiaNamed = NameIndex(model.impactAssessments.keys)
        let kinds = KindOf.shared(by: collector)
        let dpias = Array(model.impactAssessments.values)
        let owners = DescribingNotices.shared(by: collector)
        for index in model.flows.indices where carriesPersonalData[index] {
            let flow = model.flows[index]
            // A flow that cites its DPIA is covered by it whatever triggers it has: the triggers are
            // worked out only for the others.
            let cited = flow.dpia.flatMap { dpiaNamed.position(of: $0.name) }
            let covering: [ImpactAssessment]
            if let cited, let gap = coverageGap(of: dpias[cited], for: flow, organisations: organisations, kinds: kinds) {
                // A DPIA counts for the flow only when it assesses this controller's processing for
                // these purposes; citing another is no DPIA at all.
                let found = triggers(forFlow: index, facts: facts)
                let dpia = dpias[cited]
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) cites DPIA `\(dpia.id)`, which does not cover it: \(gap)"
                        + (found.isEmpty ? "" : "; the flow needs a DPIA (\(found.reasons(for: flow).joined(separator: "; ")))"),
                    discriminator: "not-covering", severity: found.mandatory ? .error : .warning,
                    related: [DiagnosticNote("`\(dpia.id)` is declared here", at: dpia.span)],
                    help: "cite the relying controller's DPIA for these purposes, or extend `\(dpia.id)`: `controller ORG` and `purposes \(flow.purposes.map(\.name).joined(separator: ", "))`"
                )
                continue
            } else if let cited {
                guard flow.changed != nil else { continue }
                covering = [dpias[cited]]
            } else {
                let found = triggers(forFlow: index, facts: facts)
                guard !found.isEmpty else { continue }
                covering = implicitDPIAs(for: flow, byPurpose: dpiasByPurpose, organisations: organisations, kinds: kinds)
                if covering.isEmpty {
                    collector.report(
                        flow: index,
                        "\(collector.label(flow)) needs a DPIA (\(found.reasons(for: flow).joined(separator: "; "))) but none is recorded",
                        discriminator: "missing", severity: found.mandatory ? .error : .warning,
                        help: "complete a DPIA and declare it, e.g. `dpia NAME { controller ORG; purposes \(flow.purposes.map(\.name).joined(separator: ", ")); completed YYYY-MM-DD }`, and cite it with `dpia NAME` on the flow",
                        // One DPIA assesses a programme: profiling (risk stratification, whichever of its
                        // purposes a flow serves) is one gap; other processing, one per set of purposes.
                        sameReason: found.scoringPurpose != nil
                            ? owners.reason(
                                forFlow: flow.id, key: "missing|profiling",
                                summary: "no DPIA is recorded for the profiling and risk scoring these flows serve, which needs one (Art 35(3)(a))"
                            )
                            : owners.reason(
                                forFlow: flow.id, key: "missing|" + flow.purposes.map(\.name).sorted().joined(separator: ","),
                                summary: "no DPIA is recorded for processing that needs one, for " + flow.purposes.map { "`\($0.name)`" }.joined(separator: ", ")
                            )
                    )
                    continue
                }
            }
            guard let changed = flow.changed else { continue }
            let completedDates = covering.compactMap(\.completed)
            if completedDates.contains(where: { $0 >= changed }) { continue }
            let newest = covering.max { ($0.completed?.ordinal ?? Int.min) < ($1.completed?.ordinal ?? Int.min) }!
            let state = newest.completed.map { "was completed on \($0)" } ?? "has no completion date"
            collector.report(
                flow: index,
                "\(collector.label(flow)) changed on \(changed) but its DPIA `\(newest.id)` \(state), so it does not assess the flow as it now is",
                discriminator: "stale", severity: .warning,
                related: [DiagnosticNote("`\(newest.id)` is declared here", at: newest.span)],
                help: "review the DPIA for the change and record the new date with `completed YYYY-MM-DD` on `\(newest.id)`"
            )
        }
        for dpia in model.impactAssessments.values.sorted(by: { $0.id < $1.id }) {
            guard let due = dpia.nextReview, due < collector.asOf else { continue }
            collector.report(
                "DPIA `\(dpia.id)` was due for review on \(due)",
                at: dpia.span, target: dpia.id, discriminator: "review", severity: .warning,
                help: "review the DPIA (Art 35(11)) and record the new `completed` and `next-review` dates"
            )
        }
    }

    /// Recurring flows are taken as systematic, large-scale processing.
    static let recurring: Set<Frequency> = [.continuous, .daily, .weekly, .monthly, .quarterly]

    /// Why the flow needs a DPIA, kept as facts: most flows that need one have it, so the reasons
    /// are worded only for a finding.
    struct Triggers {
        var scoringPurpose: String?
        var linkedWith: [String]?
        var country: String?
        var largeScale: (frequency: Frequency, kind: String)?

        var isEmpty: Bool { scoringPurpose == nil && linkedWith == nil && country == nil && largeScale == nil }
        /// Whether any reason is a mandatory (error-level) trigger.
        var mandatory: Bool { scoringPurpose != nil || linkedWith != nil || country != nil }

        func reasons(for flow: Flow) -> [String] {
            var reasons: [String] = []
            if let scoringPurpose { reasons.append("profiling and risk scoring for `\(scoringPurpose)`") }
            if let linkedWith {
                reasons.append("data matching: `\(flow.to.name)` links it with \(linkedWith.map { "`\($0)`" }.joined(separator: ", "))")
            }
            if let country { reasons.append("a transfer to `\(flow.to.name)` in \(country), outside the UK") }
            if let largeScale { reasons.append("\(largeScale.frequency.rawValue) flow of \(largeScale.kind) data, taken as large-scale processing") }
            return reasons
        }
    }

    /// What the triggers are read from, by flow and by id.
    struct TriggerFacts {
        let model: SemanticModel
        let declarations: DeclarationsByID
        let purposeCategories: [PurposeCategorySet]
        /// `dataMatching(in:lineage:)`.
        let matching: DenseMemo<[Int]>
        let datasetNames: [String]
        let recipientHoldings: [Int]
    }

    static let scoringCategories = Set(PurposeCategory.allCases.filter(\.isProfiling))

    static func triggers(forFlow index: Int, facts: TriggerFacts) -> Triggers {
        let model = facts.model
        let flow = model.flows[index]
        let categories = facts.purposeCategories[index]
        var triggers = Triggers()
        if !categories.isDisjoint(with: PurposeCategorySet(scoringCategories)) {
            triggers.scoringPurpose = flow.purposes.lazy.compactMap { model.purposes[$0.name] }.first { scoringCategories.contains($0.category) }?.id
        }
        triggers.linkedWith = facts.matching[facts.recipientHoldings[index]].map { $0.map { facts.datasetNames[$0] } }
        let country = facts.declarations.organisations[facts.declarations.recipients[index]]?.country ?? "GB"
        if country != "GB" { triggers.country = country }
        if let frequency = flow.frequency, recurring.contains(frequency), let dataset = facts.declarations.datasets[facts.declarations.flowDatasets[index]],
           dataset.hasSpecialCategories || dataset.hasCriminalOffenceData,
           !categories.contains(PurposeCategorySet(.mandatedCollection)) {
            triggers.largeScale = (frequency, dataset.hasSpecialCategories ? "special category" : "criminal offence")
        }
        return triggers
    }

    /// By holding id, the datasets (ids, ascending, so in name order) that a `link` transform
    /// matches the holding's data with from another source; nil for a holding no linkage reads.
    static func dataMatching(in analysis: Analysis, lineage: DatasetLineage) -> DenseMemo<[Int]> {
        let graph = analysis.graph
        let transforms = analysis.model.transforms
        var result = DenseMemo<[Int]>(count: graph.holdingCount)
        // A national dataset is an input of every practice's linkage: its lineage is walked once.
        var ancestorsOf = DenseMemo<Set<Int>>(count: graph.datasets.count)
        for transform in transforms.indices where transforms[transform].operation == .link {
            let holdings = graph.inputHoldings(ofTransform: transform)
            // A closure: the method reference `graph.datasetID(ofHolding:)` would copy the whole graph.
            let inputs = holdings.map { graph.datasetID(ofHolding: $0) }
            for input in inputs where ancestorsOf[input] == nil { ancestorsOf[input] = lineage.ancestors(of: input) }
            for (input, holding) in zip(inputs, holdings) {
                let others = inputs.filter { other in
                    other != input && !ancestorsOf[input]!.contains(other) && !ancestorsOf[other]!.contains(input)
                }
                guard !others.isEmpty else { continue }
                result[holding] = (result[holding] ?? []) + others
            }
        }
        result.transformValues(\.idSet)
        return result
    }

    /// Why a DPIA does not cover a flow, or nil when it does: it must be a relying controller's —
    /// its `controller` one of the flow's parties, a controller they process for, or a joint
    /// controller of either — and list every purpose of the flow (or a wider one it is declared a
    /// kind of). Asked of every flow that cites a DPIA, so the common case answers without building
    /// a set.
    static func coverageGap(of dpia: ImpactAssessment, for flow: Flow, organisations: OrganisationIndex, kinds: KindOf) -> String? {
        guard let controller = dpia.controller?.name else { return "it names no `controller`, so it is no one's assessment of this flow" }
        guard isRelyingController(controller, of: flow, organisations: organisations) else {
            return "it is `\(controller)`'s, and `\(controller)` is not a controller of this flow"
        }
        // Listed by name in the common case; the set for `kind-of` is built only when one is not.
        var missing: [Reference] = []
        var names: Set<String>?
        for purpose in flow.purposes where !dpia.purposes.contains(where: { $0.name == purpose.name }) {
            let listed = names ?? Set(dpia.purposes.map(\.name))
            names = listed
            if !kinds.purpose(purpose.name, isWithin: listed) { missing.append(purpose) }
        }
        guard missing.isEmpty else {
            return "it does not list \(missing.map { "`\($0.name)`" }.joined(separator: ", "))"
        }
        return nil
    }

    /// A party of the flow, a controller a party processes for, or a joint controller of one of
    /// those (the link may be declared on either side).
    static func isRelyingController(_ controller: String, of flow: Flow, organisations: OrganisationIndex) -> Bool {
        let ends = (flow.from.name, flow.to.name)
        func isParty(_ name: String) -> Bool {
            name == ends.0 || name == ends.1
                || organisations.controllers(servedBy: ends.0).contains(name) || organisations.controllers(servedBy: ends.1).contains(name)
        }
        if isParty(controller) { return true }
        if organisations.jointControllers(of: controller).contains(where: isParty) { return true }
        let parties = [ends.0, ends.1] + organisations.controllers(servedBy: ends.0) + organisations.controllers(servedBy: ends.1)
        return parties.contains { organisations.jointControllers(of: $0).contains(controller) }
    }

    /// Declared DPIAs that cover the flow (`coverageGap`), found among those listing one of its
    /// purposes.
    static func implicitDPIAs(
        for flow: Flow, byPurpose: [String: [ImpactAssessment]], organisations: OrganisationIndex, kinds: KindOf
    ) -> [ImpactAssessment] {
        var seen: Set<String> = []
        var result: [ImpactAssessment] = []
        for purpose in Set(flow.purposes.map(\.name)) {
            for dpia in byPurpose[purpose] ?? [] where seen.insert(dpia.id).inserted
                && coverageGap(of: dpia, for: flow, organisations: organisations, kinds: kinds) == nil {
                result.append(dpia)
            }
        }
        return result.sorted { $0.id < $1.id }
    }
}
