import FlowAnalysis
import FlowLanguage
import FlowModel

/// What a privacy notice states, compared with the flows.
enum FG044 {
    static let rule = Rule(
        code: "FG044",
        slug: "notice-contradicts-flows",
        severity: .error,
        legalSource: "UK GDPR Art 5(1)(a) (fair and transparent processing), Art 13(1)(e) (the recipients), Art 13(2)(b) (the right to object), Art 13(2)(f) and Art 22 (automated decision-making, including profiling), Art 4(4) (profiling); NDOP (telling people about the National Data Opt-out)",
        summary: "A privacy notice states something about the processing that the flows it describes contradict.",
        explanation: """
        A notice is checked against the model, not only listed. What it states is recorded with \\
        `states …` and `opt-outs …` on the `notice`, and compared with the flows it describes (or, \\
        when it lists none, the flows of its controller):

        1. `states no-automated-decisions` ("No automated decision-making, including profiling, \\
        takes place") beside a risk-stratification purpose — scoring people's health risks is \\
        profiling by definition (Art 4(4)) — is an error: the notice tells people something untrue \\
        about their Art 13(2)(f) and Art 22 rights.
        2. `states not-shared-outside` ("Information will not be shared outside of the ICB") beside a \\
        flow of personal data from the controller to an organisation outside its legal person: a \\
        warning where every such recipient is a processor acting for the controller (a recipient \\
        all the same, Art 13(1)(e)), an error where one is another controller.
        3. `opt-outs …`: an opt-out the notice tells people about that none of its flows applies or \\
        must apply (the notice offers a choice that changes nothing, saying why the opt-out does not \\
        apply), and an opt-out its flows must apply that the notice does not mention — warnings.

        Bodies that no longer exist named in the notice's quoted text are FG036's; its review date is \\
        FG043's.

        Fix: correct the notice (or the model, if it misstates the notice), e.g. describe risk \\
        stratification and the right to object to it, list the processors as recipients, and tell \\
        people about every opt-out their data is subject to.
        """,
        triggeringExamples: [
            """
            flow supplier -> icb "Risk scores" {
              data sus
              level identifiable
              purpose risk-stratification
              role controller
            }

            notice icb-notice "Example ICB privacy notice" {
              controller icb
              flows supplier.icb.sus.risk-stratification
              states no-automated-decisions
            }
            """,
            """
            flow icb -> csu "Commissioning data to the CSU" {
              data sus
              level pseudonymised
              purpose commissioning
              role processor
            }

            notice icb-notice "Example ICB privacy notice" {
              controller icb
              flows icb.csu.sus.commissioning
              states not-shared-outside
            }
            """,
        ],
        passingExamples: [
            """
            at icb aggregate sus -> counts "Activity counts" {
              suppress-below 10
              round-to 5
            }

            flow icb -> council "Counts for the joint plan" {
              data counts
              level aggregate
              purpose commissioning
              role controller
            }

            notice icb-notice "Example ICB privacy notice" {
              controller icb
              flows icb.council.counts.commissioning
              states no-automated-decisions, not-shared-outside
            }
            """,
        ]
    ) { collector in
        let model = collector.model
        let notices = model.notices.values
            .filter { !$0.statements.isEmpty || !$0.optOuts.isEmpty }
            .sorted { $0.id < $1.id }
        guard !notices.isEmpty else { return }
        var flowIndex: [String: Int] = [:]
        for (index, flow) in model.flows.enumerated() { flowIndex[flow.id] = index }
        let carriesPersonalData = FlowColumns.shared(by: collector).carriesPersonalData
        let roles = ProcessorRoles.shared(by: collector)
        for notice in notices {
            let controller = notice.controller.name
            let person = model.legalPerson(of: controller)
            let described = notice.flows.isEmpty
                ? model.flows.indices.filter { model.flows[$0].from.name == controller || model.flows[$0].to.name == controller }
                : notice.flows.compactMap { flowIndex[$0.name] }
            let span = notice.statementsSpan ?? notice.span
            if notice.statements.contains(.noAutomatedDecisions) {
                let profiling = described.compactMap { index -> String? in
                    let purpose = model.flows[index].purposes.first { model.purposes[$0.name]?.category.isProfiling == true }
                    return purpose.map { "`\($0.name)` on \(collector.label(model.flows[index]))" }
                } + notice.purposes.filter { model.purposes[$0.name]?.category.isProfiling == true }.map { "`\($0.name)`" }
                if !profiling.isEmpty {
                    collector.report(
                        "privacy notice `\(notice.id)` states that no automated decision-making, including profiling, takes place, but describes risk stratification (\(Self.listed(profiling))), which is profiling (Art 4(4))",
                        at: span, target: notice.id, discriminator: "profiling",
                        help: "say that risk stratification profiles people, what it is used for, and how to object to it (Art 13(2)(f), Art 21); or correct `states` if the notice does not say this"
                    )
                }
            }
            if notice.statements.contains(.notSharedOutside) {
                let leaving = model.flows.indices.filter { index in
                    let flow = model.flows[index]
                    return carriesPersonalData[index] && model.legalPerson(of: flow.from.name) == person
                        && model.legalPerson(of: flow.to.name) != person
                }
                if !leaving.isEmpty {
                    let toControllers = leaving.filter { !roles.isProcessorFlow[$0] }
                    collector.report(
                        "privacy notice `\(notice.id)` states that information is not shared outside `\(controller)`, but personal data goes to "
                            + Self.listed(leaving.map { "`\(model.flows[$0].to.name)` (\(collector.label(model.flows[$0])))" })
                            + (toControllers.isEmpty ? ", processors acting for it: recipients all the same (Art 13(1)(e))" : ""),
                        at: span, target: notice.id, discriminator: "shared-outside",
                        severity: toControllers.isEmpty ? .warning : .error,
                        help: "name the recipients, processors included, in the notice (Art 13(1)(e)); or correct `states` if the notice does not say this"
                    )
                }
            }
            guard !notice.optOuts.isEmpty else { continue }
            let requirements = collector.analysis.requirements
            let told = Set(notice.optOuts.map(\.name))
            for reference in notice.optOuts where model.optOuts[reference.name] != nil {
                let decisions = described.compactMap { index in
                    requirements.requirement(flow: index, optOut: reference.name).map { (index: index, decision: $0) }
                }
                let applied = described.contains { collector.analysis.optOuts.arrivingFilters[$0].contains(reference.name) }
                guard !applied, !decisions.contains(where: \.decision.isRequired) else { continue }
                // Each reason once, with the flows it holds for.
                var reasons: [(reason: String, flows: [String])] = []
                for (index, decision) in decisions {
                    let label = "`\(model.flows[index].id)`"
                    if let position = reasons.firstIndex(where: { $0.reason == decision.reason }) {
                        reasons[position].flows.append(label)
                    } else {
                        reasons.append((decision.reason, [label]))
                    }
                }
                let why = reasons.isEmpty ? "" : ": " + reasons.map { "\($0.reason) (\(Self.listed($0.flows)))" }.joined(separator: "; ")
                collector.report(
                    "privacy notice `\(notice.id)` tells people about the opt-out `\(reference.name)`, but none of the flows it describes applies it or must\(why)",
                    at: reference.span, target: notice.id, discriminator: "untold-effect:\(reference.name)", severity: .warning,
                    help: "say what the opt-out changes for this processing, or which processing it applies to; if the model misses the flows it covers, declare them"
                )
            }
            var untold: [String: [Int]] = [:]
            for index in described {
                for requirement in requirements.byFlow[index] where requirement.isRequired && !told.contains(requirement.optOut) {
                    untold[requirement.optOut, default: []].append(index)
                }
            }
            for (optOut, flows) in untold.sorted(by: { $0.key < $1.key }) {
                collector.report(
                    "privacy notice `\(notice.id)` does not tell people about the opt-out `\(optOut)`, which "
                        + Self.listed(flows.map { collector.label(model.flows[$0]) }) + " must apply",
                    at: span, target: notice.id, discriminator: "not-told:\(optOut)", severity: .warning,
                    help: "tell people about the opt-out and how to use it, and add it to the notice's `opt-outs`"
                )
            }
        }
    }

    static func listed(_ items: [String]) -> String {
        items.prefix(3).joined(separator: ", ") + (items.count > 3 ? " and \(items.count - 3) more" : "")
    }
}
