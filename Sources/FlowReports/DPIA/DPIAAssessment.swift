import FlowAnalysis
import FlowModel
import FlowRules

/// Steps 3–7 of the ICO's DPIA template: consultation, necessity and proportionality, risks, measures
/// and sign-off. Each says what the model records and marks the rest for the DPIA's authors.
extension DPIABuilder {
    // MARK: 3. Consultation

    mutating func consultation() {
        blocks.append(.heading(2, "3. Consultation", id: "consultation"))
        blocks.append(.paragraph([.text(
            "Who was consulted, and how. The model records the processors and their contracts, and the privacy notices that tell people "
                + "about the processing (Table 8); it records no consultation.")]))
        let rows = scope.processors(in: context).map { id -> [Cell] in
            let contracts = model.contracts.values.filter { $0.processor.name == id }.sorted { utf8Less($0.id, $1.id) }
            let lines: [[Inline]] = contracts.map { contract in
                [.text((contract.reference ?? contract.title ?? contract.id) + " with " + context.name(ofOrganisation: contract.controller.name))]
            }
            let clients = scope.controllersServed(by: id, in: context).map(context.name(ofOrganisation:))
            return [
                Cell(text: context.name(ofOrganisation: id)),
                orNone(clients.map { [.text($0)] }, none: "not recorded"),
                orNone(lines, none: "no Art 28 contract recorded"),
            ]
        }
        blocks.append(.table(Table(
            id: "processors-table",
            caption: "Table 10. Processors in scope, whom they act for and their Art 28 contracts",
            headers: ["Processor", "Processor for", "Art 28 contract"],
            rows: orEmpty(rows, "No processor takes part in the flows in scope.", columns: 3), rowHeaders: true)))
        toComplete("how the views of the people concerned (or their representatives, such as patient participation groups) were sought, "
            + "or why not; who else inside the organisation was consulted (Caldicott Guardian, SIRO, information security, clinicians); "
            + "what the processors and any other experts said.")
    }

    // MARK: 4. Necessity and proportionality

    mutating func necessity() {
        blocks.append(.heading(2, "4. Necessity and proportionality", id: "necessity"))
        blocks.append(.paragraph([.text(
            "The lawful basis of each flow of personal data, the data it carries against the data it needs, how long it is kept and "
                + "where it goes.")]))
        let personal = scope.flows.filter { context.involvesPersonalData($0) }
        let rows = personal.map { index -> [Cell] in
            let flow = model.flows[index]
            return [
                Cell([[.text(flow.title ?? flow.id)], [.code(flow.id)]]),
                Cell(context.dataProtectionLines(flow, ids: false) + context.confidentialityLines(flow, ids: false)),
                Cell(minimisationLines(flow)),
                orNone(context.retentionLines(flow), none: "not recorded"),
                Cell(context.transferLines(flow)),
            ]
        }
        blocks.append(.table(Table(
            id: "necessity-table",
            caption: "Table 11. Lawful basis, minimisation, retention and transfers of each flow of personal data",
            headers: ["Flow", "Lawful basis and confidentiality", "Data items and minimisation", "Retention", "Transfers"],
            rows: orEmpty(rows, "No flow in scope carries personal data.", columns: 5), rowHeaders: true, wide: true)))
        let notices = scope.notices(in: context)
        let described = Set(notices.flatMap { $0.flows.map(\.name) })
        let undescribed = personal.filter { !described.contains(model.flows[$0].id) }.count
        blocks.append(.list([
            [.strong("Information for individuals: "), .text(notices.isEmpty
                ? "no privacy notice in the model describes the flows in scope."
                : "\(count(notices.count, "privacy notice")) \(notices.count == 1 ? "describes" : "describe") the processing (Table 8); "
                    + "\(count(undescribed, "flow")) of personal data in scope \(undescribed == 1 ? "is" : "are") described by none.")],
            [.strong("Rights and choices: "), .text("the opt-outs that bear on the processing are in Table 6, and flow by flow in Table 2.")],
            [.strong("Processor compliance: "), .text("the processors and their contracts are in Table 10.")],
            [.strong("International transfers: "), .text(transferSummary(personal))],
        ]))
        toComplete("whether the processing achieves its purpose and whether a less intrusive way would; how function creep is prevented; "
            + "how data quality is ensured; how people exercise their rights of access, rectification, erasure and objection.")
    }

    /// What the flow carries (the dataset's items and identifiers) against what it says it needs.
    func minimisationLines(_ flow: Flow) -> [[Inline]] {
        let dataset = model.datasets[flow.dataset.name]
        var lines: [[Inline]] = []
        if let items = flow.items ?? dataset?.items { lines.append([.text("items: " + items)]) }
        let identifiers = dataset?.identifiers ?? []
        if !identifiers.isEmpty {
            lines.append([.text("identifiers: " + identifiers.map(LegalWording.identifier).joined(separator: ", "))])
        }
        if !flow.neededIdentifiers.isEmpty {
            lines.append([.text("needs: " + flow.neededIdentifiers.map(LegalWording.identifier).joined(separator: ", "))])
            let unneeded = identifiers.filter { !flow.neededIdentifiers.contains($0) }
            if !unneeded.isEmpty { lines.append([.strong("sent but not needed: "), .text(unneeded.map(LegalWording.identifier).joined(separator: ", "))]) }
        }
        if lines.isEmpty { lines.append([.text("not recorded")]) }
        return lines
    }

    func transferSummary(_ flows: [Int]) -> String {
        var abroad: [String] = []
        var unknown: [String] = []
        for index in flows {
            let recipient = model.flows[index].to.name
            guard let organisation = model.organisations[recipient], organisation.isCountryDeclared else { unknown.append(recipient); continue }
            if organisation.country != "GB" { abroad.append(recipient) }
        }
        var parts: [String] = []
        if !abroad.isEmpty {
            parts.append("recipients outside the UK: " + abroad.uniqued().map(context.name(ofOrganisation:)).joined(separator: ", ")
                + " (mechanisms in Table 11)")
        }
        if !unknown.isEmpty {
            parts.append("the country of " + unknown.uniqued().map(context.name(ofOrganisation:)).joined(separator: ", ")
                + " is not recorded, so whether their data leaves the UK is to complete")
        }
        return parts.isEmpty ? "every recipient is recorded as in the UK." : parts.joined(separator: "; ") + "."
    }

    // MARK: 5. Risks

    mutating func riskSection() {
        blocks.append(.heading(2, "5. Risks", id: "risks"))
        let waived = scope.waived(in: context)
        blocks.append(.paragraph([.text(
            "Each open finding of flowgate's rules in scope as of \(context.asOf) (after waivers) is a risk to the people whose data it is: "
                + "one risk per root cause, as flowgate check lists them (one rule failing for one reason at several places is one risk; "
                + "findings that follow from another are listed under it). "
                + "Likelihood comes from the rule's severity: an error is probable (the design as recorded has the flaw), a warning possible, "
                + "an info finding remote. Severity comes from the data's level in the recipient's hands on the flows concerned: identifiable "
                + "or NHS-number data severe, pseudonymised or anonymised-in-context data significant, anonymous or aggregate data minimal. "
                + "The overall risk multiplies the two (1–3 each): up to 2 low, 3–4 medium, 6 or more high. "
                + "\(count(risks.count, "risk")) \(risks.count == 1 ? "is" : "are") open; \(count(waived.count, "finding")) "
                + "\(waived.count == 1 ? "is" : "are") accepted by a waiver (section 6).")]))
        let rows = risks.map { risk -> [Cell] in
            var source: [[Inline]] = [context.named(Inline.parse(risk.finding.message))]
            for consequence in risk.group.consequences {
                source.append([.text("which also gives "), .code(consequence.code), .text(": ")] + context.named(Inline.parse(consequence.message)))
            }
            if !risk.flows.isEmpty { source.append([.text("flows: ")] + joined(risk.flows)) }
            source.append([.text("declared at "), .code(context.location(risk.finding.span))])
            return [
                Cell(text: risk.number),
                Cell(source),
                Cell([.code(risk.finding.code)]),
                Cell(text: risk.likelihood.rawValue),
                Cell(text: risk.harm?.rawValue ?? Self.toComplete),
                Cell(text: risk.overall?.rawValue ?? Self.toComplete),
            ]
        }
        blocks.append(.table(Table(
            id: "risks-table",
            caption: "Table 12. Risks: source and potential impact, likelihood, severity and overall risk",
            headers: ["Risk", "Source of risk and potential impact on individuals", "Rule", "Likelihood", "Severity", "Overall risk"],
            rows: orEmpty(rows, "No open finding in scope.", columns: 6), rowHeaders: true, wide: true)))
        toComplete("risks the rules cannot see: security of the systems used, accuracy, people's loss of control or reasonable "
            + "expectations, and any risk to rights other than data protection.")
        codeKey(waived: waived)
    }

    /// Every rule code the annex uses, with what it checks and its legal source (the rule catalogue).
    mutating func codeKey(waived: [WaivedFinding]) {
        blocks.append(.heading(3, "Key to the rule codes", id: "codes"))
        let codes = scope.codes(risks: risks, waived: waived)
        let rows = codes.map { code -> [Cell] in
            let rule = RuleCatalog.rule(code)
            return [
                Cell([.code(code)]),
                Cell(Inline.parse(rule?.summary ?? "not in the rule catalogue")),
                Cell(text: rule?.legalSource ?? "not recorded"),
            ]
        }
        blocks.append(.table(Table(
            id: "codes-table",
            caption: "Table 13. The rule codes used in this annex (flowgate explain CODE explains each)",
            headers: ["Code", "What the rule checks", "Legal source"],
            rows: orEmpty(rows, "No rule code is used.", columns: 3), rowHeaders: true)))
    }

    // MARK: 6. Measures

    mutating func measures() {
        blocks.append(.heading(2, "6. Measures to reduce risk", id: "measures"))
        blocks.append(.paragraph([.text(
            "For each risk, the change to the processing (or to the model, where the model is incomplete) that would close the finding. "
                + "Whether the measure is adopted, its effect on the risk and the residual risk are for the DPIA's authors.")]))
        let measureRows = risks.map { risk -> [Cell] in
            [
                Cell(text: risk.number),
                risk.finding.help.map { Cell(context.named(Inline.parse($0))) } ?? Cell([.strong(Self.toComplete)]),
                Cell([.strong(Self.toComplete)]),
                Cell([.strong(Self.toComplete)]),
                Cell([.strong(Self.toComplete)]),
            ]
        }
        blocks.append(.table(Table(
            id: "measures-table",
            caption: "Table 14. Measures: options to reduce or eliminate each risk",
            headers: ["Risk", "Measure that would close it", "Effect on risk (eliminated, reduced, accepted)", "Residual risk",
                      "Measure approved"],
            rows: orEmpty(measureRows, "No open finding in scope.", columns: 5), rowHeaders: true, wide: true)))
        blocks.append(.heading(3, "Risks accepted by a waiver", id: "waivers"))
        let waived = scope.waived(in: context)
        let rows = waived.map { item -> [Cell] in
            let waiver = item.waiver
            let expiry = waiver.expires.map { day -> String in "\(day) (\(LegalWording.days(context.asOf.days(until: day))) left)" } ?? "no expiry"
            return [
                Cell([.code(item.finding.code)]),
                Cell(context.named(Inline.parse(item.finding.message))),
                Cell(text: waiver.justification ?? "not recorded"),
                Cell(text: waiver.owner ?? "not recorded"),
                Cell(text: waiver.reference ?? "not recorded"),
                Cell(text: expiry),
            ]
        }
        blocks.append(.table(Table(
            id: "waivers-table",
            caption: "Table 15. Findings accepted as risks by a waiver, with owner and expiry",
            headers: ["Rule", "Finding", "Justification", "Owner", "Reference", "Expires"],
            rows: orEmpty(rows, "No finding in scope is waived.", columns: 6), rowHeaders: true, wide: true)))
    }

    // MARK: 7. Sign-off

    mutating func signOff() {
        blocks.append(.heading(2, "7. Sign-off and outcomes", id: "sign-off"))
        let dpias = context.coveringDPIAs(flows: scope.flows).compactMap { model.impactAssessments[$0] }
        let dpiaRows = dpias.map { dpia -> [Cell] in
            [
                Cell([[.text(dpia.title ?? dpia.id)]] + (dpia.reference.map { [[.text($0)]] } ?? [])),
                Cell(text: dpia.controller.map { context.name(ofOrganisation: $0.name) } ?? "not recorded"),
                Cell(text: dpia.completed.map { "\($0)" } ?? "not recorded"),
                orNone(dpia.signedOffBy.map { [.text($0)] }, none: "not recorded"),
                Cell(text: dpia.nextReview.map { "\($0)" } ?? "not recorded"),
            ]
        }
        blocks.append(.table(Table(
            id: "dpias-table",
            caption: "Table 16. DPIAs the model records for the flows in scope",
            headers: ["DPIA", "Controller", "Completed", "Signed off by", "Next review"],
            rows: orEmpty(dpiaRows, "No DPIA in the model covers the flows in scope.", columns: 5), rowHeaders: true)))
        let signers = dpias.flatMap { dpia in dpia.signedOffBy.map { $0 + (dpia.completed.map { " (\($0))" } ?? "") } }.uniqued()
        let reviews = dpias.compactMap { dpia in dpia.nextReview.map { "next review \($0)" } }.uniqued()
        let officers = scope.controllers(in: context).compactMap { controller in
            model.organisations[controller.organisation]?.dataProtectionOfficer.map { $0 + " (" + context.name(ofOrganisation: controller.organisation) + ")" }
        }
        let high = risks.filter { $0.overall == .high }.map(\.number)
        func recorded(_ values: [String]) -> Cell { values.isEmpty ? Cell([.strong(Self.toComplete)]) : Cell(values.map { [.text($0)] }) }
        let rows: [[Cell]] = [
            [Cell(text: "This annex"), Cell(text: "generated by flowgate report dpia from the model \(context.modelName) as of \(context.asOf)")],
            [Cell(text: "DPIA version, author and owner"), Cell([.strong(Self.toComplete)])],
            [Cell(text: "Signed off by (the DPIA declaration)"), recorded(signers)],
            [Cell(text: "Measures approved by"), Cell([.strong(Self.toComplete)])],
            [Cell(text: "Residual risks approved by"), Cell([[.strong(Self.toComplete)]] + (high.isEmpty ? [] : [[.text(
                "consult the ICO before going ahead if a high risk remains; rated high before measures: " + high.joined(separator: ", "))]]))],
            [Cell(text: "Data protection officer"), recorded(officers)],
            [Cell(text: "DPO advice, and whether it was accepted or overruled (with reasons)"), Cell([.strong(Self.toComplete)])],
            [Cell(text: "Consultation responses reviewed by"), Cell([.strong(Self.toComplete)])],
            [Cell(text: "This DPIA will be kept under review by"), Cell([[.strong(Self.toComplete)]] + reviews.map { [.text($0)] })],
        ]
        blocks.append(.table(Table(
            id: "sign-off-table",
            caption: "Table 17. Sign-off and outcomes",
            headers: ["Item", "Name, date and notes"],
            rows: rows, rowHeaders: true)))
    }
}
