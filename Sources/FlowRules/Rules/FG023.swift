import FlowAnalysis
import FlowLanguage
import FlowModel

/// R23: aggregate or anonymised output without adequate disclosure control.
enum FG023 {
    static let rule = Rule(
        code: "FG023",
        slug: "inadequate-disclosure-control",
        severity: .warning,
        legalSource: "ISB 1523 Anonymisation Standard for Publishing Health and Social Care Data; ICO anonymisation guidance (motivated intruder); NHS England HES/ECDS disclosure control (since September 2018); CAG standard condition 2",
        summary: "Aggregate or anonymised data leaves a controlled environment without the configured small-number suppression and rounding, or an anonymisation assessment.",
        explanation: """
        Counts and "anonymised" extracts stop being personal data only if no one can pick a person out \
        of them. Small cells are the usual way they fail: a ward-level count of 2 for a rare condition \
        identifies people to their neighbours. NHS England's disclosure control for HES and ECDS \
        suppresses counts from 1 to 7 and rounds the others to the nearest 5 at sub-national level; \
        ISB 1523 and the ICO's guidance ask for a documented anonymisation decision before release, and \
        CAG standard condition 2 forbids outputs that could identify anyone by inference.

        The rule checks every flow whose data is `aggregate` or `anonymised` on the wire and that \
        leaves a controlled environment: it goes to another organisation which is not the sender's \
        processor, not the sender's own controller (a processor returning results), and not inside a \
        shared boundary of kind `organisation`, `secure-data-environment`, `safe-haven` or \
        `controlled-environment-for-finance`. Such a flow passes when the disclosure control on the \
        flow (or on the `aggregate`/`anonymise` transform that made the data, or one upstream of it) \
        suppresses counts below at least the model's `suppress-below` (default 8, i.e. 1–7 \
        suppressed) and rounds to at least the model's `round-to` (default 5), or when an anonymisation \
        assessment is recorded (`assessment "…"` on the flow or on that transform) — the route for \
        national totals released under a different regime. Record-level or narrative `anonymised` \
        data with no small-number control recorded needs the assessment: suppression and rounding do \
        not fit it.

        Fix: add `suppress-below 8` and `round-to 5` (or stricter) to the flow or to the transform \
        that aggregates; or record the anonymisation assessment that justifies the release \
        (`assessment "reference"`). The thresholds are the `model` block's `suppress-below` and \
        `round-to` settings.
        """,
        triggeringExamples: [
            """
            at icb aggregate sus -> ward-counts "Ward-level counts of a rare condition"

            flow icb -> council "Ward-level counts" {
              data ward-counts
              level aggregate
              purpose publication
            }
            """,
            """
            at icb aggregate sus -> ward-counts "Ward-level counts" {
              suppress-below 3
              round-to 5
            }

            flow icb -> council "Counts with weak suppression" {
              data ward-counts
              level aggregate
              purpose publication
            }
            """,
            """
            at icb anonymise sus -> service-stories "Service-user stories"

            flow icb -> council "Anonymised stories shared with partner agencies" {
              data service-stories
              level anonymised
              purpose publication
            }
            """,
        ],
        passingExamples: [
            """
            at icb aggregate sus -> ward-counts "Ward-level counts" {
              suppress-below 8
              round-to 5
            }

            flow icb -> council "Suppressed and rounded counts" {
              data ward-counts
              level aggregate
              purpose publication
            }
            """,
            """
            at trust anonymise sus -> sus-anon "Anonymised extract" {
              assessment "Trust anonymisation assessment AA-2025-07 (motivated intruder test)"
            }

            flow trust -> university "Anonymised extract for research" {
              data sus-anon
              level anonymised
              purpose research
            }
            """,
            """
            at icb aggregate sus -> ward-counts "Ward-level counts"

            flow icb -> csu "Counts to the ICB's own processor" {
              data ward-counts
              level aggregate
              purpose commissioning
            }
            """,
        ]
    ) { collector in
        let analysis = collector.analysis
        let model = collector.model
        let declarations = DeclarationsByID.shared(by: collector)
        let minimumSuppression = model.settings.minimumSuppressBelow
        let minimumRounding = model.settings.minimumRounding
        let wireLevels = analysis.identifiability.wireLevels
        let enclosures = enclosingBoundaries(in: model, organisations: analysis.graph.organisations)
        var lineageControls = LineageControls(analysis: analysis, producers: DatasetProducers.shared(by: collector))
        for index in model.flows.indices {
            let level = wireLevels[index]
            guard level == .aggregate || level == .anonymised,
                  leavesControlledEnvironment(index, enclosures: enclosures, declarations: declarations, in: model) else { continue }
            let flow = model.flows[index]
            let control = lineageControls.control(of: declarations.flowDatasets[index]).under(flow)
            if control.assessment != nil { continue }
            if level == .anonymised, control.suppressBelow == nil, control.roundTo == nil {
                // Record-level or narrative data: small-number rules do not fit; the anonymisation
                // decision has to be recorded.
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) releases anonymised `\(flow.dataset.name)` to `\(flow.to.name)` with no anonymisation assessment recorded (ISB 1523; ICO motivated-intruder test)",
                    discriminator: "assessment",
                    help: "record the anonymisation decision: `assessment \"reference\"` on the flow or on the transform that anonymises the data"
                )
                continue
            }
            var gaps: [String] = []
            if let suppression = control.suppressBelow {
                if suppression < minimumSuppression {
                    gaps.append("it suppresses only counts below \(suppression), but counts below \(minimumSuppression) must be suppressed")
                }
            } else if minimumSuppression > 1 {
                gaps.append("no small-number suppression is recorded (`suppress-below \(minimumSuppression)`)")
            }
            if let rounding = control.roundTo {
                if rounding < minimumRounding { gaps.append("it rounds to \(rounding), but counts must be rounded to at least \(minimumRounding)") }
            } else if minimumRounding > 1 {
                gaps.append("no rounding is recorded (`round-to \(minimumRounding)`)")
            }
            guard !gaps.isEmpty else { continue }
            collector.report(
                flow: index,
                "\(collector.label(flow)) releases \(level.rawValue) `\(flow.dataset.name)` to `\(flow.to.name)` without adequate disclosure control and with no anonymisation assessment: \(gaps.joined(separator: "; "))",
                discriminator: "disclosure-control",
                help: "add `suppress-below \(minimumSuppression)` and `round-to \(minimumRounding)` (or stricter) to the flow or to the transform that makes the data, or record `assessment \"reference\"`"
            )
        }
    }

    struct Control {
        var suppressBelow: Int?
        var roundTo: Int?
        var assessment: String?

        /// The flow's own disclosure control, falling back on this one.
        func under(_ flow: Flow) -> Control {
            Control(
                suppressBelow: flow.suppressBelow ?? suppressBelow, roundTo: flow.roundTo ?? roundTo,
                assessment: flow.anonymisationAssessment ?? assessment
            )
        }
    }

    /// By dataset id, the disclosure control of the nearest aggregate or anonymise transform in the
    /// dataset's lineage (and the settings of the transforms on the way to it), worked out once per
    /// dataset: a region's flows of one output all share it.
    struct LineageControls {
        let analysis: Analysis
        let producers: DatasetProducers
        private var known: [Control?]

        init(analysis: Analysis, producers: DatasetProducers) {
            self.analysis = analysis
            self.producers = producers
            known = Array(repeating: nil, count: analysis.graph.datasets.count)
        }

        mutating func control(of dataset: Int) -> Control {
            if let control = known[dataset] { return control }
            let control = walk(from: dataset)
            known[dataset] = control
            return control
        }

        /// Breadth first up the lineage, stopping at the first aggregate or anonymise transform.
        private func walk(from dataset: Int) -> Control {
            let graph = analysis.graph
            let transforms = analysis.model.transforms
            var control = Control()
            var seen: Set<Int> = []
            var pending = [dataset]
            var next = 0
            while next < pending.count {
                let current = pending[next]
                next += 1
                guard seen.insert(current).inserted, let transform = producers[current] else { continue }
                control.suppressBelow = control.suppressBelow ?? transforms[transform].suppressBelow
                control.roundTo = control.roundTo ?? transforms[transform].roundTo
                let operation = transforms[transform].operation
                if operation == .aggregate || operation == .anonymise {
                    control.assessment = control.assessment ?? transforms[transform].anonymisationAssessment
                    break
                }
                // Not `map(graph.datasetID(ofHolding:))`: a method reference copies the whole graph.
                for input in graph.inputHoldings(ofTransform: transform) { pending.append(graph.datasetID(ofHolding: input)) }
            }
            return control
        }
    }

    /// Whether the flow takes the data outside the sender's control.
    static func leavesControlledEnvironment(
        _ index: Int, enclosures: [Set<String>], declarations: DeclarationsByID, in model: SemanticModel
    ) -> Bool {
        let from = declarations.senders[index]
        let to = declarations.recipients[index]
        guard from != to else { return false }
        let flow = model.flows[index]
        if flow.role == .processor { return false }
        if declarations.organisations[to]?.processorFor.contains(where: { $0.name == flow.from.name }) == true { return false }
        if declarations.organisations[from]?.processorFor.contains(where: { $0.name == flow.to.name }) == true { return false }
        return enclosures[from].isDisjoint(with: enclosures[to])
    }

    /// By organisation id, the controlled-environment boundaries each organisation is inside,
    /// directly or through nesting.
    static func enclosingBoundaries(in model: SemanticModel, organisations: NameTable) -> [Set<String>] {
        let controlled: Set<BoundaryKind> = [.organisation, .secureDataEnvironment, .safeHaven, .controlledEnvironmentForFinance]
        var result = [Set<String>](repeating: [], count: organisations.count)
        for boundary in model.boundaries.values {
            for node in BoundaryMembers.chain(from: boundary, in: model) where controlled.contains(node.kind) {
                // A member no flow or declaration names has no id, and no flow to judge.
                for member in boundary.members {
                    if let id = organisations.id(member.name) { result[id].insert(node.id) }
                }
            }
        }
        return result
    }
}
