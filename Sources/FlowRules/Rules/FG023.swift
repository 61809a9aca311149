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
        let minimumSuppression = model.settings.minimumSuppressBelow
        let minimumRounding = model.settings.minimumRounding
        let enclosures = enclosingBoundaries(in: model)
        // Needed only for aggregate or anonymised data leaving a controlled environment.
        lazy var producers = Dictionary(model.transforms.map { ($0.output, $0) }, uniquingKeysWith: { first, _ in first })
        for (index, flow) in collector.flows {
            let level = analysis.identifiability.wireLevels[index]
            guard level == .aggregate || level == .anonymised,
                  leavesControlledEnvironment(flow, enclosures: enclosures, in: model) else { continue }
            let control = disclosureControl(for: flow, producers: producers)
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
    }

    /// The flow's own disclosure control, else that of the nearest aggregate or anonymise transform
    /// in the dataset's lineage.
    static func disclosureControl(for flow: Flow, producers: [String: Transform]) -> Control {
        var control = Control(suppressBelow: flow.suppressBelow, roundTo: flow.roundTo, assessment: flow.anonymisationAssessment)
        var seen: Set<String> = []
        var pending = [flow.dataset.name]
        while !pending.isEmpty {
            let current = pending.removeFirst()
            guard seen.insert(current).inserted, let transform = producers[current] else { continue }
            if transform.operation == .aggregate || transform.operation == .anonymise {
                control.suppressBelow = control.suppressBelow ?? transform.suppressBelow
                control.roundTo = control.roundTo ?? transform.roundTo
                control.assessment = control.assessment ?? transform.anonymisationAssessment
                break
            }
            control.suppressBelow = control.suppressBelow ?? transform.suppressBelow
            control.roundTo = control.roundTo ?? transform.roundTo
            pending += transform.inputs.map(\.name)
        }
        return control
    }

    /// Whether the flow takes the data outside the sender's control.
    static func leavesControlledEnvironment(_ flow: Flow, enclosures: [String: Set<String>], in model: SemanticModel) -> Bool {
        let from = flow.from.name
        let to = flow.to.name
        guard from != to else { return false }
        if flow.role == .processor { return false }
        if model.organisations[to]?.processorFor.contains(where: { $0.name == from }) == true { return false }
        if model.organisations[from]?.processorFor.contains(where: { $0.name == to }) == true { return false }
        return (enclosures[from] ?? []).isDisjoint(with: enclosures[to] ?? [])
    }

    /// The controlled-environment boundaries each organisation is inside, directly or through nesting.
    static func enclosingBoundaries(in model: SemanticModel) -> [String: Set<String>] {
        let controlled: Set<BoundaryKind> = [.organisation, .secureDataEnvironment, .safeHaven, .controlledEnvironmentForFinance]
        var result: [String: Set<String>] = [:]
        for boundary in model.boundaries.values {
            var current: Boundary? = boundary
            var depth = 0
            while let node = current, depth < 64 {
                if controlled.contains(node.kind) {
                    for member in boundary.members { result[member.name, default: []].insert(node.id) }
                }
                current = node.parent.flatMap { model.boundaries[$0] }
                depth += 1
            }
        }
        return result
    }
}
