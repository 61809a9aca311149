import FlowLanguage
import FlowModel

/// R4: a Schedule 1 condition that needs an Appropriate Policy Document, relied on by a controller without one.
enum FG004 {
    static let rule = Rule(
        code: "FG004",
        slug: "appropriate-policy-document-missing",
        severity: .error,
        legalSource: "DPA 2018 Schedule 1 para 1(1)(b), para 5 and Part 4 paras 38–41",
        summary: "A controller relies on a Schedule 1 condition that needs an Appropriate Policy Document, and has none recorded.",
        explanation: """
        Several DPA 2018 Schedule 1 conditions are met only if, when the processing is carried out, the \
        controller has an Appropriate Policy Document (APD): a document explaining how it complies with \
        the Article 5 principles and how long it keeps and when it erases the data (Sch 1 Part 4 \
        para 39). That covers Part 1 para 1 (employment, social security and social protection, used \
        with 9(2)(b)) and the Part 2 substantial public interest conditions (para 5), with the exceptions \
        the paragraphs themselves make: paras 23–25 (elected representatives), and para 10 where the \
        processing is a disclosure to a competent authority (the police or a government department here). \
        Part 3 paras 36 and 37, which extend Part 2 conditions to criminal offence data, carry the same \
        requirement. Part 1 paras 2–4 (health and social care, public health, research) need no APD.

        A flow citing Art 9(2)(b) with no Schedule 1 condition counts as relying on Part 1 para 1, the \
        only condition that makes 9(2)(b) available (FG003 reports the omission itself).

        The controller that relies on the condition is the discloser, or the organisations a \
        disclosing processor acts for (`processor-for`), or — when the data comes from the data subject \
        or the public — the recipient. Only flows of personal data count. Each controller is reported \
        once, at its declaration, with the flows that rely on the conditions: the fix is one document. \
        A controller with `apd no`, or with no `apd` recorded, is reported.

        Fix: adopt and keep an APD covering the conditions, and record it with `apd yes` on the \
        organisation; or, if the processing actually rests on a condition that needs no APD (9(2)(h) \
        with `sch1 part1 para2`, say), correct the flow. The Part 2 and Part 3 exceptions are \
        paragraph-specific: confirm them against the current text of Schedule 1 before relying on them.
        """,
        triggeringExamples: [
            """
            org lsab-icb "ICB with no APD" {
              kind icb
              public-authority yes
              confidentiality-duty yes
              apd no
            }

            flow lsab-icb -> council "Safeguarding disclosure" {
              data sus
              level identifiable
              purpose safeguarding
              art6 c "Care Act 2014 s45"
              art9 g
              sch1 part2 para18
              confidentiality statutory
            }
            """,
            """
            org employer-trust "Trust with no APD recorded" {
              kind trust
              public-authority yes
              confidentiality-duty yes
            }

            org sick-pay-bureau "Payroll bureau" {
              kind supplier
              processor-for employer-trust
              confidentiality-duty yes
            }

            dataset sickness "Staff sickness absence records" {
              origin non-health
              special-category health
              identifiers name, staff-number
              subjects staff
              source employer-trust
            }

            purpose statutory-sick-pay "Statutory sick pay" {
              category processing-support
            }

            flow employer-trust -> sick-pay-bureau "Sickness absence for statutory sick pay" {
              data sickness
              level identifiable
              purpose statutory-sick-pay
              role processor
              art6 c "Social Security Contributions and Benefits Act 1992 Part XI"
              art9 b
              sch1 part1 para1
            }
            """,
        ],
        passingExamples: [
            """
            flow icb -> council "Safeguarding disclosure" {
              data sus
              level identifiable
              purpose safeguarding
              art6 c "Care Act 2014 s45"
              art9 g
              sch1 part2 para18
              confidentiality statutory
            }
            """,
            """
            org no-apd-icb "ICB with no APD" {
              kind icb
              public-authority yes
              confidentiality-duty yes
              apd no
            }

            flow no-apd-icb -> supplier "Risk stratification extract" {
              data sus
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              applies ndoo
            }
            """,
            """
            org police "Constabulary" {
              kind police
              public-authority yes
            }

            org crime-icb "ICB with no APD" {
              kind icb
              public-authority yes
              apd no
            }

            flow crime-icb -> police "Disclosure to prevent a serious crime" {
              data sus
              level identifiable
              purpose fraud
              art6 e "NHS Act 2006 s14Z"
              art9 g
              sch1 part2 para10
              confidentiality public-interest
            }
            """,
        ]
    ) { collector in
        let carriesPersonalData = FlowColumns.shared(by: collector).carriesPersonalData
        let model = collector.model
        // Controller id -> (flow index, conditions needing an APD) in model order.
        var reliance: [String: [(flow: Int, conditions: [Schedule1Condition])]] = [:]
        // The recipient's declaration by id: looking it up by name hashes the name for every flow.
        let declarations = DeclarationsByID.shared(by: collector)
        for (index, flow) in collector.flows where carriesPersonalData[index] {
            let recipientKind = declarations.organisations[declarations.recipients[index]]?.kind
            // Art 9(2)(b) has one Schedule 1 condition, Part 1 para 1, even when the flow omits it (FG003).
            let cited = flow.schedule1.isEmpty && flow.article9Conditions.contains(.b) ? [Schedule1Condition(part: 1, paragraph: 1)!] : flow.schedule1
            let needing = cited.filter { requiresAPD($0, recipientKind: recipientKind) }
            guard !needing.isEmpty else { continue }
            for controller in relyingControllers(of: flow, in: model) {
                reliance[controller.id, default: []].append((index, needing))
            }
        }
        for id in reliance.keys.sorted() {
            guard let controller = model.organisations[id], controller.hasAppropriatePolicyDocument != true,
                  let uses = reliance[id] else { continue }
            let distinct = Array(Set(uses.flatMap(\.conditions))).sorted()
            let conditions = distinct.map { "`\($0)`" }.joined(separator: ", ")
            let flows = uses.map { collector.label(model.flows[$0.flow]) }
            let shown = flows.prefix(3).joined(separator: ", ") + (flows.count > 3 ? " and \(flows.count - 3) more" : "")
            let state = controller.hasAppropriatePolicyDocument == false ? "records `apd no`" : "has no Appropriate Policy Document recorded"
            let span = StandardLibrary.isLibraryPath(controller.span.path) ? model.flows[uses[0].flow].span : controller.span
            collector.report(
                "`\(id)` relies on DPA 2018 Schedule 1 \(conditions), which \(distinct.count == 1 ? "needs" : "need") an Appropriate Policy Document, but \(state) (\(shown))",
                at: span, target: id,
                related: uses.prefix(5).map { DiagnosticNote("relied on by \(collector.label(model.flows[$0.flow]))", at: model.flows[$0.flow].span) },
                help: "adopt an APD covering these conditions (Sch 1 Part 4 para 39) and record `apd yes` on `\(id)`"
            )
        }
    }

    /// Whether relying on `condition` needs an APD (Sch 1 para 1(1)(b), para 5, paras 10(3), 23–25,
    /// 36–37). Para 10 is excused for disclosures to a competent authority.
    static func requiresAPD(_ condition: Schedule1Condition, recipientKind: OrganisationKind?) -> Bool {
        switch (condition.part, condition.paragraph) {
        case (1, 1): true
        case (1, _): false
        case (2, 10): !(recipientKind == .police || recipientKind == .governmentDepartment)
        case (2, 23...25): false
        case (2, _): true
        case (3, 36...37): true
        default: false
        }
    }

    /// The controllers whose processing a flow's lawful bases and conditions are: the discloser, or the
    /// organisations a disclosing processor acts for, or the recipient when the data comes from the data
    /// subject or the public.
    static func relyingControllers(of flow: Flow, in model: SemanticModel) -> [Organisation] {
        guard let from = model.organisations[flow.from.name] else { return [] }
        if from.kind.isPeopleThemselves {
            guard let to = model.organisations[flow.to.name] else { return [] }
            if flow.role == .processor, !to.processorFor.isEmpty {
                return to.processorFor.compactMap { model.organisations[$0.name] }
            }
            return [to]
        }
        if !from.processorFor.isEmpty {
            return from.processorFor.compactMap { model.organisations[$0.name] }
        }
        return [from]
    }
}
