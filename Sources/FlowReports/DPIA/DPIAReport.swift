import FlowAnalysis
import FlowLanguage
import FlowModel
import FlowRender
import FlowRules

/// The DPIA annex: the ICO DPIA template's step 2, "Describe the processing" — its nature, scope,
/// context and purposes — generated from the model, with the DPIA triggers found in the graph and
/// the findings and waivers.
public enum DPIAReport {
    /// The document for `scope`. `imagePath` is the diagram file beside the Markdown; `svg` the
    /// rendered diagram for HTML; `mermaid` a fallback drawn in Markdown when there is no image.
    public static func document(
        _ context: ReportContext, scope: DPIAScope, imagePath: String? = nil, svg: String? = nil, mermaid: String? = nil
    ) -> ReportDocument {
        var builder = DPIABuilder(context: context, scope: scope)
        return builder.build(imagePath: imagePath, svg: svg, mermaid: mermaid)
    }

    public static func markdown(_ context: ReportContext, scope: DPIAScope, imagePath: String?, mermaid: String? = nil) -> String {
        MarkdownWriter.markdown(document(context, scope: scope, imagePath: imagePath, mermaid: mermaid))
    }

    public static func html(_ context: ReportContext, scope: DPIAScope, svg: String?) -> String {
        HTMLWriter.html(document(context, scope: scope, svg: svg))
    }

    /// The diagram of the scope (the overview, or the purpose's view) with the analysis laid over it:
    /// effective levels, opt-outs applied and carried, and the findings.
    public static func diagram(_ context: ReportContext, scope: DPIAScope) throws(DiagramError) -> DiagramSpec {
        let view: DiagramView = scope.purpose.map { .purpose($0) } ?? .overview
        let options = DiagramOptions(modelName: context.modelName, asOf: context.asOf)
        return try DiagramBuilder.build(context.model, view: view, overlay: overlay(context), options: options)
    }

    public static func overlay(_ context: ReportContext) -> DiagramOverlay {
        let model = context.model
        var levels: [String: IdentifiabilityLevel] = [:]
        var applied: [String: [String]] = [:]
        var arriving: [String: [String]] = [:]
        for (index, flow) in model.flows.enumerated() {
            levels[flow.id] = context.analysis.identifiability.recipientLevels[index]
            let here = flow.appliedOptOuts.map(\.name).uniqued().sortedUTF8()
            applied[flow.id] = here
            arriving[flow.id] = context.analysis.optOuts.arrivingFilters[index].subtracting(here).sortedUTF8()
        }
        let findings = context.findings.map {
            DiagramFinding(code: $0.code, severity: $0.severity, target: $0.target, message: $0.message)
        }.sorted()
        return DiagramOverlay(effectiveLevels: levels, appliedOptOuts: applied, arrivingOptOuts: arriving, findings: findings)
    }
}

private struct DPIABuilder {
    let context: ReportContext
    let scope: DPIAScope
    var blocks: [Block] = []

    init(context: ReportContext, scope: DPIAScope) {
        self.context = context
        self.scope = scope
    }

    var model: SemanticModel { context.model }

    mutating func build(imagePath: String?, svg: String?, mermaid: String?) -> ReportDocument {
        let scopeText: [Inline] = scope.purpose.map { id in
            [.text("Scope: the flows made for "), .code(id), .text(" (" + context.name(ofPurpose: id) + ")")]
        } ?? [.text("Scope: every flow of the model")]
        let subtitle: [[Inline]] = [
            [.text("Model: " + context.modelName)],
            scopeText,
            [.text("As of \(context.asOf)")],
            [.text("Laid out after step 2 of the ICO's DPIA template, \u{201C}Describe the processing\u{201D}: nature, scope, context and purposes. The annex describes what the .flow model records; where the model is silent the DPIA must say so.")],
        ]
        nature(imagePath: imagePath, svg: svg, mermaid: mermaid)
        scopeSection()
        contextSection()
        purposes()
        triggers()
        findings()
        return ReportDocument(
            title: "DPIA annex: description of the processing",
            subtitle: subtitle,
            generator: "flowgate report dpia",
            blocks: blocks)
    }

    // MARK: Nature

    mutating func nature(imagePath: String?, svg: String?, mermaid: String?) {
        blocks.append(.heading(2, "1. The nature of the processing", id: "nature"))
        blocks.append(.paragraph([.text(
            "How the data is collected, used, stored, shared and deleted: \(count(scope.flows.count, "flow")) between "
                + "\(count(scope.organisations.count, "organisation")), and \(count(scope.transforms.count, "lineage step")) at the "
                + "organisations that hold the data (each pseudonymises, links, aggregates, anonymises, filters or re-identifies it).")]))
        let summary = scope.flows.map { index -> String in
            let flow = model.flows[index]
            return "\(flow.id): \(context.name(ofOrganisation: flow.from.name)) to \(context.name(ofOrganisation: flow.to.name)), "
                + "\(context.name(ofDataset: flow.dataset.name)), \(context.analysis.identifiability.recipientLevels[index].rawValue)"
        }.joined(separator: "; ")
        let what = scope.purpose.map { "the flows made for \($0)" } ?? "every flow of the model"
        blocks.append(.figure(Figure(
            id: "dpia-figure",
            alternative: "Data-flow diagram of \(what): \(count(scope.organisations.count, "organisation")) and \(count(scope.flows.count, "flow"))",
            description: "Each arrow is one flow, drawn by its identifiability in the recipient's hands and labelled with the dataset, purpose and "
                + "legal bases; findings are marked on the flows they concern. The table of flows below gives the same information as text.",
            caption: "Figure 1. Data flows in scope, as of \(context.asOf)",
            imagePath: imagePath, svg: svg, mermaid: mermaid, flowSummary: summary.isEmpty ? "No flows." : "Flows: " + summary + ".")))
        flowTable()
        lineageTable()
    }

    mutating func flowTable() {
        let rows = scope.flows.map { index -> [Cell] in
            let flow = model.flows[index]
            var dataset: [[Inline]] = [[.code(flow.dataset.name)]]
            if let title = model.datasets[flow.dataset.name]?.title { dataset.append([.text(title)]) }
            var name: [[Inline]] = [[.code(flow.id)]]
            if let title = flow.title { name.append([.text(title)]) }
            return [
                Cell(name),
                Cell([context.endpoints(flow), [.text(LegalWording.role(flow.role))]]),
                Cell(dataset),
                Cell(context.levelLines(index)),
                Cell(context.purposeLines(flow)),
                Cell(context.dataProtectionLines(flow)),
                Cell(context.confidentialityLines(flow)),
                orNone(context.optOutLines(index)),
                orNone(context.agreementLines(flow)),
                orNone(context.retentionLines(flow), none: "not stated"),
                orNone(context.transferLines(flow), none: "none (UK)"),
            ]
        }
        blocks.append(.heading(3, "Flows in scope", id: "flows"))
        blocks.append(.table(Table(
            id: "flows-table",
            caption: "Table 1. Every flow in scope: the effective level is the level in the recipient's hands",
            headers: ["Flow", "From → to (recipient's role)", "Dataset", "Effective level", "Purpose", "Art 6 / Art 9 / Schedule 1",
                      "Confidentiality", "Opt-outs", "Agreements and contracts", "Retention", "Transfers"],
            rows: rows, rowHeaders: true, wide: true)))
    }

    mutating func lineageTable() {
        blocks.append(.heading(3, "Lineage steps", id: "lineage"))
        guard !scope.transforms.isEmpty else {
            blocks.append(.paragraph([.text("No lineage steps are recorded in scope.")]))
            return
        }
        let rows = scope.transforms.map { index -> [Cell] in
            let transform = model.transforms[index]
            let holding = Holding(transform.holder.name, transform.output)
            var inputs: [Inline] = []
            for (position, input) in transform.inputs.enumerated() {
                if position > 0 { inputs.append(.text(", ")) }
                inputs.append(.code(input.name))
            }
            var controls: [[Inline]] = []
            if let key = transform.key { controls.append([.text("key "), .code(key.name)]) }
            if let below = transform.suppressBelow { controls.append([.text("counts below \(below) suppressed")]) }
            if let round = transform.roundTo { controls.append([.text("rounded to \(round)")]) }
            if let assessment = transform.anonymisationAssessment { controls.append([.text("assessment: " + assessment)]) }
            if transform.operation == .filter, !transform.optOuts.isEmpty {
                controls.append([.text("removes ")] + joined(transform.optOuts.map(\.name)))
            }
            let level = context.analysis.identifiability.effectiveLevels[holding] ?? .identifiable
            let filters = (context.analysis.optOuts.filtersAt[holding] ?? []).sortedUTF8()
            return [
                Cell([[.code(transform.output)]] + (transform.title.map { [[.text($0)]] } ?? [])),
                Cell([.code(transform.holder.name)]),
                Cell([[.text(transform.operation.rawValue)], inputs]),
                Cell([.text(level.rawValue)]),
                orNone(controls),
                filters.isEmpty ? Cell(text: "none") : Cell(joined(filters)),
                orNone(transform.purposes.map { [.code($0.name)] }, none: "not stated"),
            ]
        }
        blocks.append(.table(Table(
            id: "lineage-table",
            caption: "Table 2. Lineage steps: what each holder derives from the data it holds",
            headers: ["Output", "Holder", "Operation and inputs", "Level at the holder", "Key and disclosure control", "Opt-outs carried", "Purpose"],
            rows: rows, rowHeaders: true)))
    }

    // MARK: Scope

    mutating func scopeSection() {
        blocks.append(.heading(2, "2. The scope of the processing", id: "scope"))
        blocks.append(.paragraph([.text(
            "What data is processed, about whom, for how long and where. The model does not record how many people are affected: "
                + "state the numbers and the frequency in the DPIA.")]))
        blocks.append(.heading(3, "Data", id: "data"))
        let holders = holdersByDataset()
        let rows = scope.datasets.compactMap { id -> [Cell]? in
            guard let dataset = model.datasets[id] else { return nil }
            var categories: [[Inline]] = dataset.specialCategories.map { [.text(LegalWording.specialCategory($0))] }
            if dataset.hasCriminalOffenceData { categories.append([.text("criminal offence data")]) }
            var name: [[Inline]] = [[.code(id)]]
            if let title = dataset.title { name.append([.text(title)]) }
            if let items = dataset.items { name.append([.emphasis(items)]) }
            return [
                Cell(name),
                orNone(dataset.origins.map { [.text($0.rawValue)] }, none: "not stated"),
                orNone(categories),
                orNone(dataset.identifiers.map { [.text(LegalWording.identifier($0))] }, none: "not stated"),
                orNone(dataset.subjects.map { [.text(LegalWording.subject($0))] }, none: "not stated"),
                orNone(holders[id] ?? []),
            ]
        }
        blocks.append(.table(Table(
            id: "data-table",
            caption: "Table 3. Datasets in scope, and their level in each holder's hands",
            headers: ["Dataset", "Origin", "Special categories", "Identifiers", "Data subjects", "Held by (level)"],
            rows: rows, rowHeaders: true)))

        blocks.append(.heading(3, "Retention", id: "retention"))
        let without = scope.flows.filter { model.flows[$0].retention.isEmpty && context.analysis.carriesPersonalData($0) }
        if without.isEmpty {
            blocks.append(.paragraph([.text("Every flow of personal data in scope states how long the recipient keeps it (Table 1).")]))
        } else {
            blocks.append(.paragraph([.text("Retention is stated in Table 1. \(count(without.count, "flow")) of personal data state no retention: ")]
                + joined(without.map { model.flows[$0].id }) + [.text(".")]))
        }

        blocks.append(.heading(3, "Geography", id: "geography"))
        var countries: [String: [String]] = [:]
        for id in scope.organisations { countries[model.organisations[id]?.country ?? "GB", default: []].append(id) }
        let abroad = countries.keys.filter { $0 != "GB" }.sortedUTF8()
        if abroad.isEmpty {
            blocks.append(.paragraph([.text("Every organisation in scope is in the United Kingdom (GB).")]))
        } else {
            var line: [Inline] = [.text("Organisations outside the UK: ")]
            for (position, country) in abroad.enumerated() {
                if position > 0 { line.append(.text("; ")) }
                line += [.text(country + ": ")] + joined(countries[country] ?? [])
            }
            line.append(.text(". Every other organisation in scope is in the UK."))
            blocks.append(.paragraph(line))
        }
    }

    /// Each dataset's holders in scope, with the level in their hands.
    func holdersByDataset() -> [String: [[Inline]]] {
        var result: [String: [[Inline]]] = [:]
        let organisations = Set(scope.organisations)
        for holding in context.analysis.graph.holdings where organisations.contains(holding.organisation) {
            guard scope.datasets.contains(holding.dataset) else { continue }
            let level = context.analysis.identifiability.effectiveLevels[holding] ?? .identifiable
            result[holding.dataset, default: []].append([.code(holding.organisation), .text(" (" + level.rawValue + ")")])
        }
        return result
    }

    // MARK: Context

    mutating func contextSection() {
        blocks.append(.heading(2, "3. The context of the processing", id: "context"))
        blocks.append(.paragraph([.text(
            "Who takes part and in what role, the choices people have, and the legal instruments the processing relies on.")]))
        organisationTable()
        optOutTable()
        instrumentTable()
        noticeTable()
    }

    mutating func organisationTable() {
        blocks.append(.heading(3, "Organisations and roles", id: "organisations"))
        var roles: [String: Set<String>] = [:]
        for index in scope.flows {
            let flow = model.flows[index]
            for controller in context.disclosingControllers(flow) where controller == flow.from.name {
                roles[controller, default: []].insert("controller")
            }
            for controller in context.receivingControllers(flow) where controller == flow.to.name {
                roles[controller, default: []].insert(flow.role == .jointController ? "joint controller" : "controller")
            }
            if flow.role == .processor { roles[flow.to.name, default: []].insert("processor") }
        }
        let rows = scope.organisations.map { id -> [Cell] in
            let organisation = model.organisations[id]
            var role: [[Inline]] = roles[id, default: []].sortedUTF8().map { [.text($0)] }
            if let clients = organisation?.processorFor, !clients.isEmpty {
                role.append([.text("processor for ")] + joined(clients.map(\.name)))
            }
            if let partners = organisation?.jointControllerWith, !partners.isEmpty {
                role.append([.text("joint controller with ")] + joined(partners.map(\.name)))
            }
            var name: [[Inline]] = [[.code(id)]]
            if let title = organisation?.title { name.append([.text(title)]) }
            let publicAuthority = organisation?.isPublicAuthority.map { $0 ? "yes" : "no" } ?? "not stated"
            var assurance: [[Inline]] = []
            if let ico = organisation?.icoRegistration { assurance.append([.text("ICO " + ico)]) }
            if let dspt = organisation?.dspt { assurance.append([.text("DSPT " + dspt.rawValue + (organisation?.dsptYear.map { " (" + $0 + ")" } ?? ""))]) }
            for evidence in organisation?.evidence ?? [] { assurance.append([.text(evidence)]) }
            return [
                Cell(name),
                Cell(text: organisation?.kind.rawValue ?? "not declared"),
                orNone(role, none: "not stated"),
                Cell(text: publicAuthority),
                orNone(assurance),
                Cell(text: organisation?.country ?? "GB"),
            ]
        }
        blocks.append(.table(Table(
            id: "organisations-table",
            caption: "Table 4. Organisations in scope and the roles the flows give them",
            headers: ["Organisation", "Kind", "Role", "Public authority", "Registration and assurance", "Country"],
            rows: rows, rowHeaders: true)))
    }

    mutating func optOutTable() {
        blocks.append(.heading(3, "Opt-outs", id: "opt-outs"))
        var appliedOn: [String: [String]] = [:]
        for index in scope.flows {
            for optOut in model.flows[index].appliedOptOuts { appliedOn[optOut.name, default: []].append(model.flows[index].id) }
        }
        for index in scope.transforms where model.transforms[index].operation == .filter {
            for optOut in model.transforms[index].optOuts {
                appliedOn[optOut.name, default: []].append("at " + model.transforms[index].holder.name)
            }
        }
        let purposes = Set(scope.flows.flatMap { model.flows[$0].purposes.map(\.name) })
        let relevant = model.optOuts.values.filter { optOut in
            appliedOn[optOut.id] != nil || optOut.kind == .nationalDataOptOut || optOut.kind == .type1
                || optOut.purposes.contains { purposes.contains($0.name) }
                || optOut.recordedAt.contains { scope.organisations.contains($0.name) }
        }.sorted { utf8Less($0.id, $1.id) }
        let rows = relevant.map { optOut -> [Cell] in
            var name: [[Inline]] = [[.code(optOut.id)]]
            if let title = optOut.title { name.append([.text(title)]) }
            var covers: [[Inline]] = optOut.purposes.map { [.code($0.name)] }
            if let code = optOut.code { covers.append([.text("code " + code)]) }
            let applied = (appliedOn[optOut.id] ?? []).uniqued()
            return [
                Cell(name),
                Cell(text: LegalWording.optOutKind(optOut.kind)),
                orNone(optOut.recordedAt.map { [.code($0.name)] }, none: "not stated"),
                orNone(covers, none: "as its kind defines"),
                applied.isEmpty ? Cell(text: "not applied on any flow in scope") : Cell(joined(applied)),
            ]
        }
        blocks.append(.table(Table(
            id: "opt-outs-table",
            caption: "Table 5. Opt-outs that bear on the flows in scope (Table 1 says, flow by flow, which apply and why)",
            headers: ["Opt-out", "Kind", "Recorded at", "Covers", "Applied on"],
            rows: rows, rowHeaders: true)))
    }

    mutating func instrumentTable() {
        blocks.append(.heading(3, "Legal instruments", id: "instruments"))
        var citedBy: [String: [String]] = [:]
        for index in scope.flows {
            let flow = model.flows[index]
            var ids: [String] = []
            if let instrument = flow.confidentiality?.instrument { ids.append(instrument.name) }
            if let gateway = flow.article6?.gateway { ids.append(gateway.name) }
            ids += flow.agreements.map(\.name)
            ids += context.coveringDPIAs(flow: index)
            for id in ids.uniqued() { citedBy[id, default: []].append(flow.id) }
        }
        let parties = Set(scope.organisations)
        let entries = context.instruments().filter { entry in
            switch entry.kind {
            case .waiver: return false
            case .contract:
                guard let contract = model.contracts[entry.id] else { return false }
                return citedBy[entry.id] != nil || parties.contains(contract.processor.name) && parties.contains(contract.controller.name)
            case .arrangement:
                guard let arrangement = model.arrangements[entry.id] else { return false }
                return citedBy[entry.id] != nil || scope.purpose.map { id in arrangement.purposes.contains { $0.name == id } } ?? false
            default: return citedBy[entry.id] != nil
            }
        }
        guard !entries.isEmpty else {
            blocks.append(.paragraph([.text("No legal instrument is cited by the flows in scope.")]))
            return
        }
        let rows = entries.map { entry -> [Cell] in
            var name: [[Inline]] = [[.code(entry.id)]]
            if let title = entry.title { name.append([.text(title)]) }
            let review = context.reviewText(entry)
            return [
                Cell(name),
                Cell(text: entry.kind.rawValue),
                Cell(text: entry.reference ?? "none recorded"),
                Cell(text: context.validityText(entry)),
                review.isEmpty ? Cell(text: "—") : Cell(text: review),
                orNone(joinedLines(citedBy[entry.id] ?? []), none: "not cited by a flow"),
            ]
        }
        blocks.append(.table(Table(
            id: "instruments-table",
            caption: "Table 6. Legal instruments relied on, with validity and days to expiry as of \(context.asOf)",
            headers: ["Instrument", "Kind", "Reference", "Validity", "Review", "Relied on by"],
            rows: rows, rowHeaders: true)))
    }

    mutating func noticeTable() {
        blocks.append(.heading(3, "Privacy notices", id: "notices"))
        let flowIDs = Set(scope.flows.map { model.flows[$0].id })
        let notices = model.notices.values.filter { notice in notice.flows.contains { flowIDs.contains($0.name) } }
            .sorted { utf8Less($0.id, $1.id) }
        let described = Set(notices.flatMap { $0.flows.map(\.name) })
        let undescribed = scope.flows.map { model.flows[$0].id }.filter { !described.contains($0) }
        if notices.isEmpty {
            blocks.append(.paragraph([.text("No privacy notice in the model describes the flows in scope.")]))
            return
        }
        let rows = notices.map { notice -> [Cell] in
            var name: [[Inline]] = [[.code(notice.id)]]
            if let title = notice.title { name.append([.text(title)]) }
            if let url = notice.url { name.append([.link(url, target: url)]) }
            let covered = notice.flows.map(\.name).filter { flowIDs.contains($0) }
            return [
                Cell(name),
                Cell([.code(notice.controller.name)]),
                Cell(text: notice.reviewed.map { day in "\(day) (\(LegalWording.days(day.days(until: context.asOf))) ago)" } ?? "not stated"),
                Cell(text: "\(covered.count) of \(scope.flows.count)"),
            ]
        }
        blocks.append(.table(Table(
            id: "notices-table",
            caption: "Table 7. Privacy notices that describe flows in scope",
            headers: ["Notice", "Controller", "Last reviewed", "Flows in scope it describes"],
            rows: rows, rowHeaders: true)))
        if !undescribed.isEmpty {
            blocks.append(.paragraph([.text("Flows in scope that no notice describes: ")] + joined(undescribed) + [.text(".")]))
        }
    }

    // MARK: Purposes

    mutating func purposes() {
        blocks.append(.heading(2, "4. The purposes of the processing", id: "purposes"))
        var flowsByPurpose: [String: [String]] = [:]
        for index in scope.flows {
            for purpose in model.flows[index].purposes { flowsByPurpose[purpose.name, default: []].append(model.flows[index].id) }
        }
        let ids = flowsByPurpose.keys.sortedUTF8()
        blocks.append(.paragraph([.text(
            "What the processing is for, and whether each purpose is individual care or a secondary use (secondary uses need a "
                + "basis to set aside the duty of confidentiality and bring the opt-outs into play).")]))
        let rows = ids.map { id -> [Cell] in
            let purpose = model.purposes[id]
            var name: [[Inline]] = [[.code(id)]]
            if let title = purpose?.title { name.append([.text(title)]) }
            let use = purpose.map { $0.category.isDirectCare ? "individual care" : "secondary use" } ?? "not declared"
            return [
                Cell(name),
                Cell(text: purpose?.category.rawValue ?? "not declared"),
                Cell(text: use + (purpose?.isStatutoryFunction == false ? "; not a statutory function" : "")),
                Cell(joined(flowsByPurpose[id] ?? [])),
                purpose?.description.map { Cell(text: $0) } ?? Cell(text: "—"),
            ]
        }
        blocks.append(.table(Table(
            id: "purposes-table",
            caption: "Table 8. Purposes of the flows in scope",
            headers: ["Purpose", "Category", "Use", "Flows", "Description"],
            rows: rows, rowHeaders: true)))
    }

    // MARK: Triggers

    mutating func triggers() {
        blocks.append(.heading(2, "5. DPIA triggers found in the graph", id: "triggers"))
        blocks.append(.paragraph([.text(
            "Reasons in the model that make a DPIA mandatory or advisable. The graph cannot show innovative technology, invisible "
                + "processing, denial of a service or vulnerable data subjects: assess those separately.")]))
        let rows = context.dpiaTriggers(scope).map { trigger -> [Cell] in
            [
                Cell(text: trigger.kind.rawValue),
                Cell(text: trigger.kind.source),
                Cell(text: trigger.instances.isEmpty ? "not found" : "found (\(trigger.instances.count))"),
                trigger.instances.isEmpty ? Cell(text: "—") : Cell(trigger.instances.map { $0.place + [.text(": ")] + $0.reason }),
            ]
        }
        blocks.append(.table(Table(
            id: "triggers-table",
            caption: "Table 9. DPIA triggers and where the graph shows them",
            headers: ["Trigger", "Source", "Found", "Where and why"],
            rows: rows, rowHeaders: true)))
    }

    // MARK: Findings

    mutating func findings() {
        blocks.append(.heading(2, "6. Findings and waivers", id: "findings"))
        let findings = scope.findings(in: context)
        let waived = scope.waived(in: context)
        let errors = count(findings.filter { $0.severity == .error }.count, "error")
        let warnings = count(findings.filter { $0.severity == .warning }.count, "warning")
        let infos = count(findings.filter { $0.severity == .info }.count, "info finding")
        blocks.append(.paragraph(Inline.parse(
            "flowgate's rules (FG001–FG039; `flowgate explain CODE` explains each) found \(errors), \(warnings) and \(infos) about the "
                + "processing in scope as of \(context.asOf); \(count(waived.count, "finding")) \(waived.count == 1 ? "is" : "are") accepted by a waiver.")))
        blocks.append(.heading(3, "Findings", id: "findings-open"))
        if findings.isEmpty {
            blocks.append(.paragraph([.text("No findings.")]))
        } else {
            let rows = findings.map { finding -> [Cell] in
                [
                    Cell([.code(finding.code)]),
                    Cell(text: finding.severity.rawValue),
                    Cell([.code(finding.target)]),
                    Cell(Inline.parse(finding.message)),
                    Cell([.code(context.location(finding.span))]),
                ]
            }
            blocks.append(.table(Table(
                id: "findings-table",
                caption: "Table 10. Open findings, in source order",
                headers: ["Rule", "Severity", "About", "Finding", "Where"],
                rows: rows, rowHeaders: true, wide: true)))
        }
        blocks.append(.heading(3, "Waivers", id: "waivers"))
        if waived.isEmpty {
            blocks.append(.paragraph([.text("No findings in scope are waived.")]))
        } else {
            let rows = waived.map { item -> [Cell] in
                let waiver = item.waiver
                let expiry = waiver.expires.map { day -> String in
                    let days = context.asOf.days(until: day)
                    return "\(day) (\(LegalWording.days(days)) left)"
                } ?? "no expiry"
                return [
                    Cell([.code(item.finding.code)]),
                    Cell([.code(item.finding.target)]),
                    Cell(Inline.parse(item.finding.message)),
                    Cell(text: waiver.justification ?? "none recorded"),
                    Cell(text: waiver.owner ?? "not stated"),
                    Cell(text: waiver.reference ?? "none"),
                    Cell(text: expiry),
                ]
            }
            blocks.append(.table(Table(
                id: "waivers-table",
                caption: "Table 11. Findings accepted by a waiver",
                headers: ["Rule", "About", "Finding", "Justification", "Owner", "Reference", "Expires"],
                rows: rows, rowHeaders: true, wide: true)))
        }
    }

    // MARK: Helpers

    func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }

    func orNone(_ lines: [[Inline]], none: String = "none") -> Cell {
        lines.isEmpty ? Cell(text: none) : Cell(lines)
    }

    /// `a`, `b`, `c` on one line.
    func joined(_ ids: [String]) -> [Inline] {
        var result: [Inline] = []
        for (position, id) in ids.enumerated() {
            if position > 0 { result.append(.text(", ")) }
            result.append(.code(id))
        }
        return result
    }

    func joinedLines(_ ids: [String]) -> [[Inline]] {
        ids.isEmpty ? [] : [joined(ids)]
    }
}
