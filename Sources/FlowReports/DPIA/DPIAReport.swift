import FlowAnalysis
import FlowLanguage
import FlowModel
import FlowRender
import FlowRules

/// The DPIA annex, laid out after the ICO DPIA template's seven steps: the need (with the DPIA
/// triggers found in the graph), the description of the processing (nature, scope, context,
/// purposes), consultation, necessity and proportionality, risks (the open findings, rated), measures
/// and sign-off. Steps 1–2 are here; 3–7 in DPIAAssessment.swift.
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

    /// The annex as a Word document, with `image` (the diagram as PNG) in place of the figure.
    public static func docx(_ context: ReportContext, scope: DPIAScope, image: DOCXWriter.Image?) -> [UInt8] {
        DOCXWriter.docx(document(context, scope: scope), image: image)
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

/// Builds the annex's blocks section by section; what the model cannot supply is marked `toComplete`.
struct DPIABuilder {
    let context: ReportContext
    let scope: DPIAScope
    var blocks: [Block] = []
    let risks: [DPIARisk]

    init(context: ReportContext, scope: DPIAScope) {
        self.context = context
        self.scope = scope
        self.risks = DPIARisk.risks(context, scope: scope)
    }

    var model: SemanticModel { context.model }

    mutating func build(imagePath: String?, svg: String?, mermaid: String?) -> ReportDocument {
        let scopeText = scope.purpose.map { "Scope: the processing for " + context.name(ofPurpose: $0) } ?? "Scope: every flow of the model"
        let controllers = scope.controllers(in: context)
        let controllerText = controllers.isEmpty
            ? [Inline.text("Controller: "), .strong(Self.toComplete), .text(" (no DPIA or privacy notice in the model names one)")]
            : [Inline.text("Controller: " + controllers.map { context.name(ofOrganisation: $0.organisation) + " (" + $0.source + ")" }.joined(separator: "; "))]
        let subtitle: [[Inline]] = [
            controllerText,
            [.text(scopeText)],
            [.text("Model: " + context.modelName + "; as of \(context.asOf)")],
            [.text("Laid out after the seven steps of the ICO's DPIA template. The annex says what the .flow model records; what the model "
                + "cannot supply is marked \u{201C}" + Self.toComplete + "\u{201D} for the DPIA's authors, never filled in by guesswork.")],
        ]
        need()
        blocks.append(.heading(2, "2. Description of the processing", id: "processing"))
        nature(imagePath: imagePath, svg: svg, mermaid: mermaid)
        scopeSection()
        contextSection()
        purposes()
        consultation()
        necessity()
        riskSection()
        measures()
        signOff()
        return ReportDocument(
            title: "DPIA annex: " + (scope.purpose.map(context.name(ofPurpose:)) ?? processingName(controllers)),
            subtitle: subtitle,
            generator: "flowgate report dpia",
            blocks: blocks)
    }

    /// The whole model's processing, by the controllers the annex names ("the processing by NHS …"),
    /// or by the model's name when it names none.
    func processingName(_ controllers: [NamedController]) -> String {
        controllers.isEmpty
            ? "the processing recorded in " + context.modelName
            : "the processing by " + controllers.map { context.name(ofOrganisation: $0.organisation) }.joined(separator: " and ")
    }

    /// The marker for what the model cannot supply.
    static let toComplete = "To complete"

    /// "To complete: what to say." as a paragraph.
    mutating func toComplete(_ what: String) {
        blocks.append(.paragraph([.strong(Self.toComplete + ":"), .text(" " + what)]))
    }

    // MARK: 1. Need

    mutating func need() {
        blocks.append(.heading(2, "1. The need for a DPIA", id: "need"))
        let purposes = scope.purposes(in: context)
        blocks.append(.paragraph([.text(
            "What the processing aims to achieve: " + (purposes.isEmpty ? "no purpose is recorded" : purposes.map(context.name(ofPurpose:)).joined(separator: "; "))
                + ". It is made of \(count(scope.flows.count, "flow")) between \(count(scope.organisations.count, "organisation")) and "
                + "\(count(scope.transforms.count, "lineage step")) (section 2).")]))
        triggers()
        toComplete("the screening conclusion — why a DPIA is needed, against the ICO's list of high-risk processing and the organisation's own screening questions.")
    }

    mutating func triggers() {
        blocks.append(.heading(3, "DPIA triggers found in the graph", id: "triggers"))
        blocks.append(.paragraph([.text(
            "Reasons in the model that make a DPIA mandatory or advisable. The graph cannot show innovative technology, invisible "
                + "processing, denial of a service or vulnerable data subjects: assess those separately.")]))
        let rows = context.dpiaTriggers(scope).map { trigger -> [Cell] in
            [
                Cell(text: trigger.kind.rawValue),
                Cell(text: trigger.kind.source),
                Cell(text: trigger.instances.isEmpty ? "not found" : "found (\(trigger.instances.count))"),
                trigger.instances.isEmpty ? Cell(text: "—") : Cell(trigger.instances.map { context.named($0.place + [.text(": ")] + $0.reason) }),
            ]
        }
        blocks.append(.table(Table(
            id: "triggers-table",
            caption: "Table 1. DPIA triggers and where the graph shows them",
            headers: ["Trigger", "Source", "Found", "Where and why"],
            rows: rows, rowHeaders: true)))
    }

    // MARK: 2. Nature

    mutating func nature(imagePath: String?, svg: String?, mermaid: String?) {
        blocks.append(.heading(3, "2.1 The nature of the processing", id: "nature"))
        blocks.append(.paragraph([.text(
            "How the data is collected, used, stored, shared and deleted: \(count(scope.flows.count, "flow")) between "
                + "\(count(scope.organisations.count, "organisation")), and \(count(scope.transforms.count, "lineage step")) at the "
                + "organisations that hold the data (each pseudonymises, links, aggregates, anonymises, filters or re-identifies it).")]))
        let summary = scope.flows.map { index -> String in
            let flow = model.flows[index]
            return "\(flow.id): \(context.name(ofOrganisation: flow.from.name)) to \(context.name(ofOrganisation: flow.to.name)), "
                + "\(context.name(ofDataset: flow.dataset.name)), \(context.analysis.identifiability.recipientLevels[index].rawValue)"
        }.joined(separator: "; ")
        let what = scope.purpose.map { "the flows made for \(context.name(ofPurpose: $0))" } ?? "every flow of the model"
        blocks.append(.figure(Figure(
            id: "dpia-figure",
            alternative: "Data-flow diagram of \(what): \(count(scope.organisations.count, "organisation")) and \(count(scope.flows.count, "flow"))",
            description: "Each arrow is one flow, drawn by its identifiability in the recipient's hands and labelled with the dataset, purpose and "
                + "legal bases; findings are marked on the flows they concern. The table of flows below gives the same information as text.",
            caption: "Figure 1. Data flows in scope, as of \(context.asOf)",
            imagePath: imagePath, svg: svg, mermaid: mermaid, flowSummary: summary.isEmpty ? "No flows." : "Flows: " + summary + ".")))
        flowTable()
        lineageTable()
        toComplete("how the data is collected and stored (systems, hosting, access controls) and how it is deleted, where Table 2 does not say.")
    }

    mutating func flowTable() {
        let rows = scope.flows.map { index -> [Cell] in
            let flow = model.flows[index]
            var dataset: [[Inline]] = [[.text(context.name(ofDataset: flow.dataset.name))]]
            if let items = flow.items ?? model.datasets[flow.dataset.name]?.items { dataset.append([.emphasis(items)]) }
            var name: [[Inline]] = []
            if let title = flow.title { name.append([.text(title)]) }
            name.append([.code(flow.id)])
            return [
                Cell(name),
                Cell([context.namedEndpoints(flow), [.text(LegalWording.role(flow.role))]]),
                Cell(dataset),
                Cell(context.levelLines(index)),
                Cell(context.purposeNames(flow)),
                Cell(context.dataProtectionLines(flow, ids: false)),
                Cell(context.confidentialityLines(flow, ids: false)),
                orNone(context.optOutLines(index).map(context.named)),
                orNone(context.agreementLines(flow, ids: false)),
                orNone(context.retentionLines(flow), none: "not recorded"),
                Cell(context.transferLines(flow)),
            ]
        }
        blocks.append(.heading(4, "Flows in scope", id: "flows"))
        blocks.append(.table(Table(
            id: "flows-table",
            caption: "Table 2. Every flow in scope: the effective level is the level in the recipient's hands",
            headers: ["Flow", "From → to (recipient's role)", "Data", "Effective level", "Purpose", "Art 6 / Art 9 / Schedule 1",
                      "Confidentiality", "Opt-outs", "Agreements and contracts", "Retention", "Transfers"],
            rows: rows, rowHeaders: true, wide: true)))
    }

    mutating func lineageTable() {
        blocks.append(.heading(4, "Lineage steps", id: "lineage"))
        let rows = scope.transforms.map { index -> [Cell] in
            let transform = model.transforms[index]
            let holding = Holding(transform.holder.name, transform.output)
            let inputs: [Inline] = [.text(transform.inputs.map { context.name(ofDataset: $0.name) }.joined(separator: "; "))]
            var controls: [[Inline]] = []
            if let key = transform.key { controls.append([.text("key: " + (model.keys[key.name]?.title ?? key.name))]) }
            if let below = transform.suppressBelow { controls.append([.text("counts below \(below) suppressed")]) }
            if let round = transform.roundTo { controls.append([.text("rounded to \(round)")]) }
            if let assessment = transform.anonymisationAssessment { controls.append([.text("assessment: " + assessment)]) }
            if transform.operation == .filter, !transform.optOuts.isEmpty {
                controls.append([.text("removes " + transform.optOuts.map { context.name(ofOptOut: $0.name) }.joined(separator: ", "))])
            }
            let level = context.analysis.identifiability.effectiveLevels[holding] ?? .identifiable
            let filters = (context.analysis.optOuts.filtersAt[holding] ?? []).sortedUTF8()
            return [
                Cell([[.text(context.name(ofDataset: transform.output))]]),
                Cell(text: context.name(ofOrganisation: transform.holder.name)),
                Cell([[.text(transform.operation.rawValue)], inputs]),
                Cell([.text(level.rawValue)]),
                orNone(controls),
                filters.isEmpty ? Cell(text: "none") : Cell(text: filters.map(context.name(ofOptOut:)).joined(separator: ", ")),
                orNone(transform.purposes.map { [.text(context.name(ofPurpose: $0.name))] }, none: "not recorded"),
            ]
        }
        blocks.append(.table(Table(
            id: "lineage-table",
            caption: "Table 3. Lineage steps: what each holder derives from the data it holds",
            headers: ["Output", "Holder", "Operation and inputs", "Level at the holder", "Key and disclosure control", "Opt-outs carried", "Purpose"],
            rows: orEmpty(rows, "No lineage step is recorded in scope.", columns: 7), rowHeaders: true)))
    }

    // MARK: 2. Scope

    mutating func scopeSection() {
        blocks.append(.heading(3, "2.2 The scope of the processing", id: "scope"))
        blocks.append(.paragraph([.text("What data is processed, about whom, for how long and where.")]))
        blocks.append(.heading(4, "Data", id: "data"))
        let holders = holdersByDataset()
        let rows = scope.datasets.compactMap { id -> [Cell]? in
            guard let dataset = model.datasets[id] else { return nil }
            var categories: [[Inline]] = dataset.specialCategories.map { [.text(LegalWording.specialCategory($0))] }
            if dataset.hasCriminalOffenceData { categories.append([.text("criminal offence data")]) }
            var name: [[Inline]] = [[.text(context.name(ofDataset: id))]]
            if let items = dataset.items { name.append([.emphasis(items)]) }
            return [
                Cell(name),
                orNone(dataset.origins.map { [.text($0.rawValue)] }, none: "not recorded"),
                orNone(categories),
                orNone(dataset.identifiers.map { [.text(LegalWording.identifier($0))] }, none: "not recorded"),
                orNone(dataset.subjects.map { [.text(LegalWording.subject($0))] }, none: "not recorded"),
                orNone(holders[id] ?? []),
            ]
        }
        blocks.append(.table(Table(
            id: "data-table",
            caption: "Table 4. Datasets in scope, and their level in each holder's hands",
            headers: ["Dataset", "Origin", "Special categories", "Identifiers", "Data subjects", "Held by (level)"],
            rows: rows, rowHeaders: true)))

        blocks.append(.heading(4, "Retention", id: "retention"))
        let without = scope.flows.filter { model.flows[$0].retention.isEmpty && context.analysis.carriesPersonalData($0) }
        if without.isEmpty {
            blocks.append(.paragraph([.text("Every flow of personal data in scope states how long the recipient keeps it (Table 2).")]))
        } else {
            blocks.append(.paragraph([.text("Retention is stated in Table 2. \(count(without.count, "flow")) of personal data state no retention: ")]
                + joined(without.map { model.flows[$0].id }) + [.text(".")]))
        }

        blocks.append(.heading(4, "Geography", id: "geography"))
        var countries: [String: [String]] = [:]
        var unknown: [String] = []
        for id in scope.organisations {
            guard let organisation = model.organisations[id], organisation.isCountryDeclared else { unknown.append(id); continue }
            countries[organisation.country, default: []].append(id)
        }
        var line: [Inline] = []
        for country in countries.keys.sortedUTF8() {
            let names = (countries[country] ?? []).map(context.name(ofOrganisation:)).joined(separator: ", ")
            line.append(.text((country == "GB" ? "In the United Kingdom (GB)" : "In \(country)") + ": " + names + ". "))
        }
        if !unknown.isEmpty {
            line += [.text("Country not recorded: " + unknown.map(context.name(ofOrganisation:)).joined(separator: ", ") + ". "), .strong(Self.toComplete + ":"),
                     .text(" where these organisations, their data centres and sub-processors are.")]
        }
        blocks.append(.paragraph(line))
        toComplete("the number of people whose data is processed, the volume and frequency of each flow, and the geographical area covered.")
    }

    /// Each dataset's holders in scope, with the level in their hands.
    func holdersByDataset() -> [String: [[Inline]]] {
        var result: [String: [[Inline]]] = [:]
        let organisations = Set(scope.organisations)
        for holding in context.analysis.graph.holdings where organisations.contains(holding.organisation) {
            guard scope.datasets.contains(holding.dataset) else { continue }
            let level = context.analysis.identifiability.effectiveLevels[holding] ?? .identifiable
            result[holding.dataset, default: []].append([.text(context.name(ofOrganisation: holding.organisation) + " (" + level.rawValue + ")")])
        }
        return result
    }

    // MARK: 2. Context

    mutating func contextSection() {
        blocks.append(.heading(3, "2.3 The context of the processing", id: "context"))
        blocks.append(.paragraph([.text(
            "Who takes part and in what role, the choices people have, and the legal instruments the processing relies on.")]))
        organisationTable()
        optOutTable()
        instrumentTable()
        noticeTable()
        toComplete("the relationship with the people concerned and what they would reasonably expect; whether they include children or "
            + "other vulnerable people; prior concerns or security flaws; how novel the processing is; public concern; approved codes of "
            + "conduct or certification schemes.")
    }

    mutating func organisationTable() {
        blocks.append(.heading(4, "Organisations and roles", id: "organisations"))
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
                role.append([.text("processor for " + clients.map { context.name(ofOrganisation: $0.name) }.joined(separator: ", "))])
            }
            if let partners = organisation?.jointControllerWith, !partners.isEmpty {
                role.append([.text("joint controller with " + partners.map { context.name(ofOrganisation: $0.name) }.joined(separator: ", "))])
            }
            if let parent = organisation?.partOf { role.append([.text("part of " + context.name(ofOrganisation: parent.name))]) }
            let publicAuthority = organisation?.isPublicAuthority.map { $0 ? "yes" : "no" } ?? "not recorded"
            var assurance: [[Inline]] = []
            if let ico = organisation?.icoRegistration { assurance.append([.text("ICO " + ico)]) }
            if let dspt = organisation?.dspt { assurance.append([.text("DSPT " + dspt.rawValue + (organisation?.dsptYear.map { " (" + $0 + ")" } ?? ""))]) }
            for evidence in organisation?.evidence ?? [] { assurance.append([.text(evidence)]) }
            if let security = organisation?.security { assurance.append([.text("security: " + security)]) }
            return [
                Cell(text: context.name(ofOrganisation: id)),
                Cell(text: organisation?.kind.rawValue ?? "not declared"),
                orNone(role, none: "not recorded"),
                Cell(text: publicAuthority),
                orNone(assurance, none: "not recorded"),
                Cell(text: organisation.map { $0.isCountryDeclared ? $0.country : "not recorded" } ?? "not recorded"),
            ]
        }
        blocks.append(.table(Table(
            id: "organisations-table",
            caption: "Table 5. Organisations in scope and the roles the flows give them",
            headers: ["Organisation", "Kind", "Role", "Public authority", "Registration, assurance and security", "Country"],
            rows: rows, rowHeaders: true)))
    }

    mutating func optOutTable() {
        blocks.append(.heading(4, "Opt-outs", id: "opt-outs"))
        var appliedOn: [String: [String]] = [:]
        for index in scope.flows {
            for optOut in model.flows[index].appliedOptOuts { appliedOn[optOut.name, default: []].append(model.flows[index].id) }
        }
        for index in scope.transforms where model.transforms[index].operation == .filter {
            for optOut in model.transforms[index].optOuts {
                appliedOn[optOut.name, default: []].append("at " + context.name(ofOrganisation: model.transforms[index].holder.name))
            }
        }
        let purposes = Set(scope.purposes(in: context))
        let controllers = Set(scope.controllers(in: context).map(\.organisation))
        let notices = scope.notices(in: context)
        let noticeSpans = notices.map(\.span)
        let told = Set(notices.flatMap { $0.optOuts.map(\.name) })
        let relevant = model.optOuts.values.filter { optOut in
            appliedOn[optOut.id] != nil || optOut.kind == .nationalDataOptOut || optOut.kind == .type1 || told.contains(optOut.id)
                || context.isOffered(optOut, flows: scope.flows, controllers: controllers, purposes: purposes, noticeSpans: noticeSpans)
        }.sorted { utf8Less($0.id, $1.id) }
        let rows = relevant.map { optOut -> [Cell] in
            var covers: [[Inline]] = optOut.purposes.map { [.text(context.name(ofPurpose: $0.name))] }
            if let code = optOut.code { covers.append([.text("code " + code)]) }
            let applied = (appliedOn[optOut.id] ?? []).uniqued()
            return [
                Cell(text: context.name(ofOptOut: optOut.id)),
                Cell(text: LegalWording.optOutKind(optOut.kind)),
                orNone(optOut.recordedAt.map { [.text(context.name(ofOrganisation: $0.name))] }, none: "not recorded"),
                orNone(covers, none: "as its kind defines"),
                applied.isEmpty ? Cell(text: "not applied on any flow in scope") : Cell(joined(applied)),
            ]
        }
        blocks.append(.table(Table(
            id: "opt-outs-table",
            caption: "Table 6. Opt-outs that bear on the flows in scope (Table 2 says, flow by flow, which apply and why)",
            headers: ["Opt-out", "Kind", "Recorded at", "Covers", "Applied on"],
            rows: rows, rowHeaders: true)))
    }

    mutating func instrumentTable() {
        blocks.append(.heading(4, "Legal instruments", id: "instruments"))
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
        let entries = scope.instruments(in: context, citedBy: citedBy)
        let rows = entries.map { entry -> [Cell] in
            let review = context.reviewText(entry)
            return [
                Cell(text: entry.title ?? entry.id),
                Cell(text: entry.kind.rawValue),
                Cell(text: entry.reference ?? "not recorded"),
                Cell(text: context.validityText(entry)),
                review.isEmpty ? Cell(text: "—") : Cell(text: review),
                orNone(joinedLines(citedBy[entry.id] ?? []), none: "not cited by a flow"),
            ]
        }
        blocks.append(.table(Table(
            id: "instruments-table",
            caption: "Table 7. Legal instruments relied on, with validity and days to expiry as of \(context.asOf)",
            headers: ["Instrument", "Kind", "Reference", "Validity", "Review", "Relied on by"],
            rows: orEmpty(rows, "No legal instrument is cited by the flows in scope.", columns: 6), rowHeaders: true)))
    }

    mutating func noticeTable() {
        blocks.append(.heading(4, "Privacy notices", id: "notices"))
        let notices = scope.notices(in: context)
        let flowIDs = Set(scope.flows.map { model.flows[$0].id })
        let described = Set(notices.flatMap { $0.flows.map(\.name) })
        let undescribed = scope.flows.map { model.flows[$0].id }.filter { !described.contains($0) }
        let rows = notices.map { notice -> [Cell] in
            var name: [[Inline]] = [[.text(notice.title ?? notice.id)]]
            if let url = notice.url { name.append([.link(url, target: url)]) }
            let covered = notice.flows.map(\.name).filter { flowIDs.contains($0) }
            var tells: [[Inline]] = notice.statements.map { [.text("states: " + LegalWording.noticeStatement($0))] }
            tells += notice.optOuts.map { [.text("opt-out: " + context.name(ofOptOut: $0.name))] }
            return [
                Cell(name),
                Cell(text: context.name(ofOrganisation: notice.controller.name)),
                Cell(text: notice.reviewed.map { day in "\(day) (\(LegalWording.days(day.days(until: context.asOf))) ago)" } ?? "not recorded"),
                Cell(text: "\(covered.count) of \(scope.flows.count)"),
                orNone(tells, none: "not recorded"),
            ]
        }
        blocks.append(.table(Table(
            id: "notices-table",
            caption: "Table 8. Privacy notices that describe flows in scope",
            headers: ["Notice", "Controller", "Last reviewed", "Flows in scope it describes", "What it tells people"],
            rows: orEmpty(rows, "No privacy notice in the model describes the flows in scope.", columns: 5), rowHeaders: true)))
        if !undescribed.isEmpty {
            blocks.append(.paragraph([.text("Flows in scope that no notice describes: ")] + joined(undescribed) + [.text(".")]))
        }
    }

    // MARK: 2. Purposes

    mutating func purposes() {
        blocks.append(.heading(3, "2.4 The purposes of the processing", id: "purposes"))
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
            let use = purpose.map { $0.category.isDirectCare ? "individual care" : "secondary use" } ?? "not declared"
            return [
                Cell(text: context.name(ofPurpose: id)),
                Cell(text: purpose?.category.rawValue ?? "not declared"),
                Cell(text: use + (purpose?.isStatutoryFunction == false ? "; not a statutory function" : "")),
                Cell(joined(flowsByPurpose[id] ?? [])),
                purpose?.description.map { Cell(text: $0) } ?? Cell(text: "—"),
            ]
        }
        blocks.append(.table(Table(
            id: "purposes-table",
            caption: "Table 9. Purposes of the flows in scope",
            headers: ["Purpose", "Category", "Use", "Flows", "Description"],
            rows: rows, rowHeaders: true)))
        toComplete("the intended effect on individuals and the benefits of the processing, for them, for the organisation and more broadly.")
    }

    // MARK: Helpers

    func count(_ number: Int, _ noun: String) -> String {
        number == 1 ? "1 \(noun)" : "\(number) \(noun)s"
    }

    /// A table keeps its number when it has nothing to list: one row says so.
    func orEmpty(_ rows: [[Cell]], _ text: String, columns: Int) -> [[Cell]] {
        rows.isEmpty ? [[Cell(text: text)] + Array(repeating: Cell(text: "—"), count: columns - 1)] : rows
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
