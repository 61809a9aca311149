import FlowAnalysis
import FlowModel

/// A line of a report field: text with identifiers marked as code.
public typealias ReportLine = [Inline]

/// One Article 30 record: a controller's processing for one purpose (Art 30(1)), or a processor's
/// processing for one controller (Art 30(2)). Every field is derived from the graph.
public struct RoPARecord: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case controller = "Art 30(1) controller"
        case processor = "Art 30(2) processor"
    }

    public var kind: Kind
    public var organisation: String
    public var organisationName: String
    /// DPO, ICO registration and ODS code (Art 30(1)(a), 30(2)(a)).
    public var contact: [ReportLine] = []
    public var jointControllers: [ReportLine] = []
    /// Processor records: the controller served (and, for a sub-processor, the processor it acts for).
    public var controllerServed: ReportLine?
    public var controller: String?
    public var controllerName: String?
    /// Controller records: the purpose (Art 30(1)(b)).
    public var purpose: String?
    public var purposeName: String?
    /// Processor records: the categories of processing (Art 30(2)(b)).
    public var processing: [ReportLine] = []
    public var subjects: [String] = []
    public var dataCategories: [String] = []
    public var datasets: [ReportLine] = []
    public var sources: [ReportLine] = []
    public var recipients: [ReportLine] = []
    public var transfers: [ReportLine] = []
    public var retention: [ReportLine] = []
    public var security: String?
    public var lawfulBasis: [ReportLine] = []
    public var confidentiality: [ReportLine] = []
    public var dpias: [ReportLine] = []
    public var agreements: [ReportLine] = []
    public var notices: [ReportLine] = []
    public var flows: [String] = []
}

public enum RoPAReport {
    /// Controller records by (controller, purpose), then processor records by (processor, controller).
    /// `organisation` limits them to one organisation's records (as controller or processor).
    public static func records(_ context: ReportContext, organisation: String? = nil) -> [RoPARecord] {
        let all = controllerRecords(context) + processorRecords(context)
        guard let organisation else { return all }
        return all.filter { $0.organisation == organisation }
    }

    public static let csvHeader = [
        "record", "organisation", "organisation name", "contact (DPO, ICO registration)", "joint controllers", "controller served",
        "purpose", "purpose name", "categories of processing", "categories of data subjects", "categories of personal data", "datasets",
        "sources", "recipients", "transfers outside the UK", "retention", "security measures", "lawful basis (Art 6, Art 9, Sch 1)",
        "confidentiality basis", "DPIA", "agreements and contracts", "privacy notices", "flows",
    ]

    /// Blank fields say "not recorded"; a field Article 30 does not ask of the record's kind says
    /// "not applicable".
    public static func csv(_ records: [RoPARecord]) -> String {
        func field(_ lines: [ReportLine]) -> String { lines.isEmpty ? notRecorded : PlainText.lines(lines) }
        func words(_ values: [String]) -> String { values.isEmpty ? notRecorded : values.joined(separator: "; ") }
        let notApplicable = "not applicable"
        return CSV.document(header: csvHeader, rows: records.map { record in
            let controller = record.kind == .controller
            return [
                record.kind.rawValue, record.organisation, record.organisationName, field(record.contact),
                controller ? field(record.jointControllers) : notApplicable,
                controller ? notApplicable : field(record.controllerServed.map { [$0] } ?? []),
                controller ? record.purpose ?? notRecorded : notApplicable,
                controller ? record.purposeName ?? notRecorded : notApplicable,
                controller ? notApplicable : field(record.processing),
                words(record.subjects), words(record.dataCategories), field(record.datasets),
                controller ? field(record.sources) : notApplicable, controller ? field(record.recipients) : notApplicable,
                field(record.transfers), controller ? field(record.retention) : notApplicable, record.security ?? notRecorded,
                field(record.lawfulBasis), field(record.confidentiality), field(record.dpias), field(record.agreements),
                controller ? field(record.notices) : notApplicable, words(record.flows),
            ]
        })
    }

    /// What an empty field says: the model does not record it, which is not the same as "none".
    static let notRecorded = "not recorded in the model"

    public static func document(_ context: ReportContext, records: [RoPARecord]) -> ReportDocument {
        var blocks: [Block] = []
        let controllers = records.filter { $0.kind == .controller }
        let processors = records.filter { $0.kind == .processor }
        blocks.append(.heading(2, "Article 30(1): records of processing by controllers", id: "controllers"))
        blocks.append(.paragraph([.text(
            "One record per controller and purpose, derived from the flows of personal data the controller makes, receives or has made "
                + "by its processors: \(count(controllers.count)).")]))
        for record in controllers { blocks += section(record) }
        blocks.append(.heading(2, "Article 30(2): records of processing by processors", id: "processors"))
        blocks.append(.paragraph([.text("One record per processor and controller served: \(count(processors.count)).")]))
        for record in processors { blocks += section(record) }
        return ReportDocument(
            title: "Record of processing activities (UK GDPR Article 30)",
            subtitle: [[.text("Model: " + context.modelName)], [.text("As of \(context.asOf)")],
                       [.text("Derived from the .flow model; fields the model does not record say so and must be completed by hand.")]],
            generator: "flowgate report ropa",
            blocks: blocks)
    }

    public static func markdown(_ context: ReportContext, records: [RoPARecord]) -> String {
        MarkdownWriter.markdown(document(context, records: records))
    }

    static func count(_ number: Int) -> String { number == 1 ? "1 record" : "\(number) records" }

    static func section(_ record: RoPARecord) -> [Block] {
        func cell(_ lines: [ReportLine]) -> Cell { lines.isEmpty ? Cell(text: notRecorded) : Cell(lines) }
        func words(_ values: [String]) -> Cell { cell(values.map { [.text($0)] }) }
        var rows: [[Cell]] = []
        let heading: String
        let id: String
        let name = Cell([[.code(record.organisation)], [.text(record.organisationName)]])
        switch record.kind {
        case .controller:
            heading = "\(record.organisationName) (\(record.organisation)) — \(record.purposeName ?? "") (\(record.purpose ?? ""))"
            id = "controller-\(record.organisation)-\(record.purpose ?? "")"
            rows.append([Cell(text: "(a) Controller"), name])
            rows.append([Cell(text: "(a) Contact and DPO"), cell(record.contact)])
            rows.append([Cell(text: "(a) Joint controllers"), cell(record.jointControllers)])
            rows.append([Cell(text: "(b) Purpose"), Cell([[.code(record.purpose ?? "")], [.text(record.purposeName ?? "")]])])
        case .processor:
            heading = "\(record.organisationName) (\(record.organisation)) — for \(record.controllerName ?? "") (\(record.controller ?? ""))"
            id = "processor-\(record.organisation)-\(record.controller ?? "")"
            rows.append([Cell(text: "(a) Processor"), name])
            rows.append([Cell(text: "(a) Contact and DPO"), cell(record.contact)])
            rows.append([Cell(text: "(a) Controller served"), cell(record.controllerServed.map { [$0] } ?? [])])
            rows.append([Cell(text: "(b) Categories of processing"), cell(record.processing)])
        }
        rows.append([Cell(text: "(c) Categories of data subjects"), words(record.subjects)])
        rows.append([Cell(text: "(c) Categories of personal data"), words(record.dataCategories)])
        rows.append([Cell(text: "Datasets"), cell(record.datasets)])
        if record.kind == .controller {
            rows.append([Cell(text: "Sources"), cell(record.sources)])
            rows.append([Cell(text: "(d) Recipients"), cell(record.recipients)])
        }
        rows.append([Cell(text: record.kind == .controller ? "(e) Transfers outside the UK" : "(c) Transfers outside the UK"), cell(record.transfers)])
        if record.kind == .controller {
            rows.append([Cell(text: "(f) Retention"), cell(record.retention)])
        }
        rows.append([Cell(text: record.kind == .controller ? "(g) Security measures" : "(d) Security measures"),
                     words([record.security].compactMap { $0 })])
        rows.append([Cell(text: "Lawful basis"), cell(record.lawfulBasis)])
        rows.append([Cell(text: "Confidentiality basis"), cell(record.confidentiality)])
        rows.append([Cell(text: "DPIA"), cell(record.dpias)])
        rows.append([Cell(text: "Agreements and contracts"), cell(record.agreements)])
        if record.kind == .controller {
            rows.append([Cell(text: "Privacy notices"), cell(record.notices)])
        }
        rows.append([Cell(text: "Flows"), cell(record.flows.isEmpty ? [] : [joinedCode(record.flows)])])
        return [
            .heading(3, heading, id: id),
            .table(Table(id: id + "-table", caption: heading, headers: ["Article 30 field", "Record"], rows: rows, rowHeaders: true)),
        ]
    }

    // MARK: Derivation

    static func controllerRecords(_ context: ReportContext) -> [RoPARecord] {
        let model = context.model
        var flowsByActivity: [String: [String: [Int]]] = [:]
        for index in model.flowIndicesByID(model.flows.indices) where context.involvesPersonalData(index) {
            let flow = model.flows[index]
            let controllers = (context.disclosingControllers(flow) + context.receivingControllers(flow)).uniqued()
            for controller in controllers {
                for purpose in flow.purposes.map(\.name).uniqued() {
                    flowsByActivity[controller, default: [:]][purpose, default: []].append(index)
                }
            }
        }
        var records: [RoPARecord] = []
        for controller in flowsByActivity.keys.sortedUTF8() {
            let activities = flowsByActivity[controller] ?? [:]
            for purpose in activities.keys.sortedUTF8() {
                records.append(controllerRecord(context, controller: controller, purpose: purpose, flows: activities[purpose] ?? []))
            }
        }
        return records
    }

    static func controllerRecord(_ context: ReportContext, controller: String, purpose: String, flows: [Int]) -> RoPARecord {
        let model = context.model
        var record = RoPARecord(kind: .controller, organisation: controller, organisationName: context.name(ofOrganisation: controller))
        record.purpose = purpose
        record.purposeName = context.name(ofPurpose: purpose)
        record.contact = contact(model.organisations[controller])
        var joint = model.organisations[controller]?.jointControllerWith.map(\.name) ?? []
        for organisation in model.organisations.values where organisation.jointControllerWith.contains(where: { $0.name == controller }) {
            joint.append(organisation.id)
        }
        for arrangement in model.arrangements.values.sorted(by: { utf8Less($0.id, $1.id) })
        where arrangement.controllers.contains(where: { $0.name == controller }) && arrangement.purposes.contains(where: { $0.name == purpose }) {
            joint += arrangement.controllers.map(\.name).filter { $0 != controller }
            record.agreements.append(context.agreementLine(arrangement.id))
        }
        record.jointControllers = joint.uniqued().sortedUTF8().map { organisationLine(context, $0) }
        record.security = model.organisations[controller]?.security
        for index in flows {
            let flow = model.flows[index]
            record.flows.append(flow.id)
            collectData(context, flow: flow, into: &record)
            if context.disclosingControllers(flow).contains(controller), flow.to.name != controller {
                record.recipients.append(organisationLine(context, flow.to.name) + [.text(" (" + LegalWording.role(flow.role) + ")")])
                for line in context.transferLines(flow) { record.transfers.append(organisationLine(context, flow.to.name) + [.text(": ")] + line) }
            }
            let receives = context.receivingControllers(flow).contains(controller)
            if receives, flow.from.name != controller {
                record.sources.append(organisationLine(context, flow.from.name))
            }
            if receives {
                record.retention += context.retentionLines(flow).map { [.code(flow.id), .text(": ")] + $0 }
            }
            record.lawfulBasis += context.dataProtectionLines(flow, namingGaps: true)
            if flow.confidentiality != nil { record.confidentiality += context.confidentialityLines(flow) }
            record.dpias += context.coveringDPIAs(flow: index).map(context.instrumentLabel)
            record.agreements += flow.agreements.map { context.agreementLine($0.name) }
        }
        record.notices = model.notices.values.filter { notice in
            notice.controller.name == controller
                && (notice.purposes.contains { $0.name == purpose } || notice.flows.contains { reference in record.flows.contains(reference.name) })
        }.sorted { utf8Less($0.id, $1.id) }.map { notice in [.code(notice.id)] + (notice.title.map { [.text(" " + $0)] } ?? []) }
        record.finish()
        return record
    }

    static func processorRecords(_ context: ReportContext) -> [RoPARecord] {
        let model = context.model
        var flowsByPair: [String: [String: [Int]]] = [:]
        for index in model.flowIndicesByID(model.flows.indices) where context.involvesPersonalData(index) {
            let flow = model.flows[index]
            if flow.role == .processor {
                for controller in context.receivingControllers(flow) where controller != flow.to.name {
                    flowsByPair[flow.to.name, default: [:]][controller, default: []].append(index)
                }
            }
            if model.organisations[flow.from.name]?.processorFor.isEmpty == false {
                for controller in context.disclosingControllers(flow) where controller != flow.from.name {
                    flowsByPair[flow.from.name, default: [:]][controller, default: []].append(index)
                }
            }
        }
        var records: [RoPARecord] = []
        for processor in flowsByPair.keys.sortedUTF8() {
            let served = flowsByPair[processor] ?? [:]
            let direct = model.organisations[processor]?.processorFor.map(\.name) ?? []
            for controller in served.keys.sortedUTF8() {
                var record = RoPARecord(kind: .processor, organisation: processor, organisationName: context.name(ofOrganisation: processor))
                let via = direct.filter { $0 != controller && context.ultimateControllers(of: $0).contains(controller) }.uniqued().sortedUTF8()
                var servedLine = organisationLine(context, controller)
                if !via.isEmpty { servedLine += [.text(" (as sub-processor of ")] + joinedCode(via) + [.text(")")] }
                record.controllerServed = servedLine
                record.controller = controller
                record.controllerName = context.name(ofOrganisation: controller)
                record.contact = contact(model.organisations[processor])
                record.security = model.organisations[processor]?.security
                var purposes: [String] = []
                var operations: [ReportLine] = []
                for index in model.flowIndicesByID(Set(served[controller] ?? [])) {
                    let flow = model.flows[index]
                    record.flows.append(flow.id)
                    collectData(context, flow: flow, into: &record)
                    purposes += flow.purposes.map(\.name)
                    if flow.from.name == processor {
                        for line in context.transferLines(flow) { record.transfers.append(organisationLine(context, flow.to.name) + [.text(": ")] + line) }
                        let what = flow.role == .processor ? "sub-processing by " : "disclosure to "
                        operations.append([.text(what), .code(flow.to.name), .text(" ("), .code(flow.id), .text(")")])
                    } else {
                        operations.append([.text("receives "), .code(flow.dataset.name), .text(" from "), .code(flow.from.name),
                                           .text(" ("), .code(flow.id), .text(")")])
                    }
                    record.lawfulBasis += context.dataProtectionLines(flow, namingGaps: true)
                    if flow.confidentiality != nil { record.confidentiality += context.confidentialityLines(flow) }
                    record.dpias += context.coveringDPIAs(flow: index).map(context.instrumentLabel)
                    record.agreements += flow.agreements.map { context.agreementLine($0.name) }
                }
                for transform in model.transformIndicesByOutput(model.transforms.indices).map({ model.transforms[$0] }) where transform.holder.name == processor {
                    guard transform.purposes.isEmpty || transform.purposes.contains(where: { purposes.contains($0.name) }) else { continue }
                    operations.append([.text(transform.operation.rawValue + " ")] + joinedCode(transform.inputs.map(\.name))
                        + [.text(" → "), .code(transform.output)])
                }
                record.processing = purposes.uniqued().sortedUTF8().map { [.text("purpose "), .code($0), .text(" " + context.name(ofPurpose: $0))] }
                    + operations
                for contract in model.contracts.values.sorted(by: { utf8Less($0.id, $1.id) })
                where contract.processor.name == processor && contract.controller.name == controller {
                    record.agreements.append(context.agreementLine(contract.id))
                }
                record.finish()
                records.append(record)
            }
        }
        return records
    }

    static func collectData(_ context: ReportContext, flow: Flow, into record: inout RoPARecord) {
        guard let dataset = context.model.datasets[flow.dataset.name] else { return }
        record.datasets.append([.code(dataset.id)] + (dataset.title.map { [.text(" " + $0)] } ?? []))
        record.subjects += dataset.subjects.map(LegalWording.subject)
        record.dataCategories += dataset.specialCategories.map { "special category: " + LegalWording.specialCategory($0) }
        if dataset.hasCriminalOffenceData { record.dataCategories.append("criminal offence data") }
        record.dataCategories += dataset.identifiers.map { "identifier: " + LegalWording.identifier($0) }
        if !dataset.origins.isEmpty, dataset.origins != [.nonHealth] { record.dataCategories.append("health and care information") }
    }

    static func contact(_ organisation: Organisation?) -> [ReportLine] {
        guard let organisation else { return [] }
        var result: [ReportLine] = []
        if let dpo = organisation.dataProtectionOfficer { result.append([.text("DPO: " + dpo)]) }
        if let ico = organisation.icoRegistration { result.append([.text("ICO registration " + ico)]) }
        if let ods = organisation.odsCode { result.append([.text("ODS code " + ods)]) }
        return result
    }

    /// An organisation by its name (its id when it has no title).
    static func organisationLine(_ context: ReportContext, _ id: String) -> ReportLine {
        [.text(context.name(ofOrganisation: id))]
    }

    static func joinedCode(_ ids: [String]) -> ReportLine {
        var result: ReportLine = []
        for (position, id) in ids.enumerated() {
            if position > 0 { result.append(.text(", ")) }
            result.append(.code(id))
        }
        return result
    }
}

extension RoPARecord {
    /// Removes repeats and puts every list in a stable order.
    mutating func finish() {
        func tidy(_ lines: [ReportLine]) -> [ReportLine] {
            var seen: Set<ReportLine> = []
            return lines.filter { seen.insert($0).inserted }.sorted { utf8Less(PlainText.line($0), PlainText.line($1)) }
        }
        subjects = subjects.uniqued().sortedUTF8()
        dataCategories = dataCategories.uniqued().sortedUTF8()
        datasets = tidy(datasets)
        sources = tidy(sources)
        recipients = tidy(recipients)
        transfers = tidy(transfers)
        var seenRetention: Set<ReportLine> = []
        retention = retention.filter { seenRetention.insert($0).inserted }
        lawfulBasis = tidy(lawfulBasis)
        confidentiality = tidy(confidentiality)
        dpias = tidy(dpias)
        agreements = tidy(agreements)
        var seenProcessing: Set<ReportLine> = []
        processing = processing.filter { seenProcessing.insert($0).inserted }
        flows = flows.uniqued()
    }
}
