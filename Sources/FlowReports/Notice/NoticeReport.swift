import FlowAnalysis
import FlowLanguage
import FlowModel
import FlowOutput

/// One row of a privacy notice's "our uses of information" table.
public struct NoticeRow: Sendable, Hashable {
    public let purpose: String
    public let purposeName: String
    public let data: [[Inline]]
    /// Both layers: data protection (Art 6, Art 9, Schedule 1), then the common-law duty of confidentiality.
    public let legalBasis: [[Inline]]
    public let sharedWith: [[Inline]]
    public let optOut: [[Inline]]
    public let flows: [String]
}

/// The table for one notice (or, for an organisation without a declared notice, for all its flows).
public struct NoticeTable: Sendable, Hashable {
    /// Nil when generated for an organisation that declares no notice.
    public let notice: String?
    public let title: String
    public let controller: String
    public let reviewed: Day?
    public let rows: [NoticeRow]
}

public enum NoticeReport {
    /// The tables for the notices `organisation` is the controller of, or one table of its flows when
    /// it has none. Nil when the organisation is not declared.
    public static func tables(_ context: ReportContext, organisation: String) -> [NoticeTable]? {
        let model = context.model
        guard model.organisations[organisation] != nil else { return nil }
        let notices = model.notices.values.filter { $0.controller.name == organisation }.sorted { utf8Less($0.id, $1.id) }
        if notices.isEmpty {
            let flows = model.flows.indices.filter { index in
                let flow = model.flows[index]
                return context.involvesPersonalData(index)
                    && (context.disclosingControllers(flow) + context.receivingControllers(flow)).contains(organisation)
            }
            let purposes = flows.flatMap { model.flows[$0].purposes.map(\.name) }.uniqued().sortedUTF8()
            return [NoticeTable(
                notice: nil, title: "Uses of information by \(context.name(ofOrganisation: organisation)) (no privacy notice is declared)",
                controller: organisation, reviewed: nil,
                rows: purposes.map { row(context, controller: organisation, purpose: $0, flows: flows, noticeSpan: nil) })]
        }
        return notices.map { notice in
            let flows = notice.flows.compactMap { context.flowIndex($0.name) }
            var purposes = notice.purposes.map(\.name)
            purposes += flows.flatMap { model.flows[$0].purposes.map(\.name) }.filter { !purposes.contains($0) }.uniqued().sortedUTF8()
            return NoticeTable(
                notice: notice.id, title: notice.title ?? notice.id, controller: organisation, reviewed: notice.reviewed,
                rows: purposes.uniqued().map { row(context, controller: organisation, purpose: $0, flows: flows, noticeSpan: notice.span) })
        }
    }

    static func row(_ context: ReportContext, controller: String, purpose: String, flows: [Int], noticeSpan: SourceSpan?) -> NoticeRow {
        let model = context.model
        let indices = flows.filter { model.flows[$0].purposes.contains { $0.name == purpose } }
        // What data: each dataset with its levels in the recipients' hands, and where it comes from.
        var datasets: [String] = []
        var levels: [String: [IdentifiabilityLevel]] = [:]
        var sources: [String: [String]] = [:]
        for index in indices {
            let flow = model.flows[index]
            datasets.append(flow.dataset.name)
            levels[flow.dataset.name, default: []].append(context.analysis.identifiability.recipientLevels[index])
            if flow.from.name != controller { sources[flow.dataset.name, default: []].append(flow.from.name) }
        }
        let data: [[Inline]] = datasets.uniqued().map { id in
            let levelText = Set(levels[id] ?? []).sorted { $0.rank < $1.rank }.map(LegalWording.level).joined(separator: " or ")
            var line: [Inline] = [.text(context.name(ofDataset: id) + ": " + levelText)]
            let from = (sources[id] ?? []).uniqued()
            if !from.isEmpty { line.append(.text(", from " + from.map(context.name(ofOrganisation:)).joined(separator: ", "))) }
            return line
        }
        // Legal basis, both layers.
        var protection: [String] = []
        var confidentiality: [String] = []
        for index in indices {
            let flow = model.flows[index]
            protection.append(context.dataProtectionLines(flow, ids: false).map(PlainText.line).filter { !$0.hasSuffix("none recorded") }
                .joined(separator: "; "))
            confidentiality.append(flow.confidentiality == nil ? "" : PlainText.lines(context.confidentialityLines(flow, ids: false)))
        }
        var basis: [[Inline]] = []
        let protectionValues = protection.filter { !$0.isEmpty }.uniqued()
        let confidentialityValues = confidentiality.filter { !$0.isEmpty }.uniqued()
        basis += protectionValues.isEmpty ? [[.strong("Data protection: "), .text("not stated")]]
            : protectionValues.map { [.strong("Data protection: "), .text($0)] }
        if protectionValues.count > 0, protection.contains(where: \.isEmpty) {
            basis.append([.strong("Data protection: "), .text("not stated for some flows")])
        }
        basis += confidentialityValues.isEmpty ? [[.strong("Confidentiality: "), .text("not stated")]]
            : confidentialityValues.map { [.strong("Confidentiality: "), .text($0)] }
        // Who it is shared with: by the controller or its processors, or given to its processors. A
        // processor receiving for another controller (NHS England's DSCRO) is not the controller's.
        let recipients = indices.compactMap { index -> String? in
            let flow = model.flows[index]
            guard flow.to.name != controller else { return nil }
            let shares = flow.role == .processor
                ? context.receivingControllers(flow).contains(controller)
                : context.disclosingControllers(flow).contains(controller)
            return shares ? "\(context.name(ofOrganisation: flow.to.name)) (\(LegalWording.role(flow.role)))" : nil
        }.uniqued()
        let shared: [[Inline]] = recipients.map { [.text($0)] }
        return NoticeRow(
            purpose: purpose, purposeName: context.name(ofPurpose: purpose), data: data, legalBasis: basis,
            sharedWith: shared.isEmpty ? [[.text("no recipient outside " + context.name(ofOrganisation: controller) + " is recorded")]] : shared,
            optOut: optOutLines(context, controller: controller, purpose: purpose, flows: indices, noticeSpan: noticeSpan),
            flows: indices.map { model.flows[$0].id })
    }

    static func optOutLines(_ context: ReportContext, controller: String, purpose: String, flows: [Int], noticeSpan: SourceSpan?) -> [[Inline]] {
        let model = context.model
        var lines: [[Inline]] = []
        var listed: Set<String> = []
        func title(_ id: String) -> String { model.optOuts[id]?.title ?? id }
        // Applied somewhere on the way, and by whom.
        var appliedBy: [String: [String]] = [:]
        var appliedBefore: [String: [String]] = [:]
        var missing: [String: [String]] = [:]
        var exempt: [String: [String]] = [:]
        var reasons: [String: [String]] = [:]
        for index in flows {
            let flow = model.flows[index]
            for optOut in flow.appliedOptOuts { appliedBy[optOut.name, default: []].append(flow.from.name) }
            for optOut in context.analysis.optOuts.arrivingFilters[index] where !flow.appliedOptOuts.contains(where: { $0.name == optOut }) {
                appliedBefore[optOut, default: []].append(flow.from.name)
            }
            for exemption in flow.exemptions { exempt[exemption.optOut.name, default: []].append(exemption.evidence ?? "no evidence recorded") }
            for requirement in context.analysis.requirements.byFlow[index] {
                if requirement.isRequired, !context.analysis.optOuts.arrivingFilters[index].contains(requirement.optOut),
                   !flow.exemptions.contains(where: { $0.optOut.name == requirement.optOut }) {
                    missing[requirement.optOut, default: []].append(flow.id)
                } else if !requirement.isRequired, model.optOuts[requirement.optOut]?.kind == .nationalDataOptOut {
                    reasons[requirement.optOut, default: []].append(requirement.reason)
                }
            }
        }
        for id in Set(appliedBy.keys).union(appliedBefore.keys).sortedUTF8() {
            var parts: [String] = []
            let by = (appliedBy[id] ?? []).uniqued()
            if !by.isEmpty { parts.append("applied by " + by.map(context.name(ofOrganisation:)).joined(separator: ", ")) }
            let before = (appliedBefore[id] ?? []).uniqued().filter { !by.contains($0) }
            if !before.isEmpty {
                parts.append("already applied to the data " + before.map(context.name(ofOrganisation:)).joined(separator: ", ") + " passes on")
            }
            lines.append([.text(title(id) + ": " + parts.joined(separator: "; "))])
            listed.insert(id)
        }
        for id in missing.keys.sortedUTF8() {
            lines.append([.text(title(id) + ": "), .strong("should apply but is not applied"), .text(" (" + (missing[id] ?? []).uniqued().joined(separator: ", ") + ")")])
            listed.insert(id)
        }
        for id in exempt.keys.sortedUTF8() where !listed.contains(id) {
            lines.append([.text(title(id) + ": does not apply (" + (exempt[id] ?? []).uniqued().joined(separator: "; ") + ")")])
            listed.insert(id)
        }
        // Choices the model records for this purpose or controller.
        let consent = flows.contains { model.flows[$0].reliesOnConsent }
        for optOut in model.optOuts.values.sorted(by: { utf8Less($0.id, $1.id) }) where !listed.contains(optOut.id) {
            guard context.isOffered(optOut, flows: flows, controllers: [controller], purposes: [purpose], noticeSpans: noticeSpan.map { [$0] } ?? [])
            else { continue }
            var line: [Inline] = [.text(title(optOut.id))]
            var details: [String] = []
            if !optOut.recordedAt.isEmpty { details.append("recorded by " + optOut.recordedAt.map { context.name(ofOrganisation: $0.name) }.joined(separator: ", ")) }
            if let code = optOut.code { details.append("code " + code) }
            if let description = optOut.description { details.append(description) }
            if !details.isEmpty { line.append(.text(": " + details.joined(separator: "; "))) }
            lines.append(line)
            listed.insert(optOut.id)
        }
        if consent, !lines.contains(where: { line in line.contains { if case .text(let text) = $0 { return text.lowercased().contains("consent") } else { return false } } }) {
            lines.append([.text("Withdraw your consent (the purpose relies on consent; no withdrawal route is recorded)")])
        }
        for id in reasons.keys.sortedUTF8() where !listed.contains(id) {
            lines.append([.text(title(id) + " does not apply: ")] + Inline.parse((reasons[id] ?? []).uniqued().joined(separator: "; ")))
        }
        return lines.isEmpty ? [[.text("no opt-out is recorded")]] : lines
    }

    // MARK: Output

    public static func document(_ context: ReportContext, tables: [NoticeTable]) -> ReportDocument {
        var blocks: [Block] = []
        for (position, table) in tables.enumerated() {
            let id = "notice-" + (table.notice ?? table.controller)
            blocks.append(.heading(2, table.title, id: id))
            var facts: [Inline] = [.text("Controller: " + context.name(ofOrganisation: table.controller) + " ("), .code(table.controller), .text(")")]
            if let notice = table.notice { facts += [.text("; notice "), .code(notice)] }
            if let reviewed = table.reviewed { facts.append(.text("; last reviewed \(reviewed)")) }
            blocks.append(.paragraph(facts))
            let rows = table.rows.map { row -> [Cell] in
                [
                    Cell([[.text(row.purposeName)], [.code(row.purpose)]]),
                    row.data.isEmpty ? Cell(text: "no flow in the model") : Cell(row.data),
                    Cell(row.legalBasis),
                    Cell(row.sharedWith),
                    Cell(row.optOut),
                ]
            }
            blocks.append(.table(Table(
                id: id + "-table", caption: "Table \(position + 1). Our uses of information",
                headers: ["Purpose", "What data", "Legal basis", "Who it is shared with", "How to opt out"],
                rows: rows, rowHeaders: true, wide: true)))
        }
        return ReportDocument(
            title: "Our uses of information",
            subtitle: [[.text("Model: " + context.modelName)], [.text("As of \(context.asOf)")],
                       [.text("Generated from the .flow model: one row per purpose the notice lists or its flows serve.")]],
            generator: "flowgate report notice",
            blocks: blocks)
    }

    public static func markdown(_ context: ReportContext, tables: [NoticeTable]) -> String {
        MarkdownWriter.markdown(document(context, tables: tables))
    }

    public static func json(_ context: ReportContext, tables: [NoticeTable]) -> String {
        func lines(_ value: [[Inline]]) -> JSONValue { .array(value.map { .string(PlainText.line($0)) }) }
        let value = JSONValue.object([
            ("asOf", .string(context.asOf.description)),
            ("model", .string(context.modelName)),
            ("notices", .array(tables.map { table in
                .object([
                    ("notice", .optional(table.notice)),
                    ("title", .string(table.title)),
                    ("controller", .string(table.controller)),
                    ("reviewed", .optional(table.reviewed?.description)),
                    ("rows", .array(table.rows.map { row in
                        .object([
                            ("purpose", .string(row.purpose)),
                            ("purposeName", .string(row.purposeName)),
                            ("data", lines(row.data)),
                            ("legalBasis", lines(row.legalBasis)),
                            ("sharedWith", lines(row.sharedWith)),
                            ("optOut", lines(row.optOut)),
                            ("flows", .array(row.flows.map(JSONValue.string))),
                        ])
                    })),
                ])
            })),
        ])
        return value.serialized() + "\n"
    }
}
