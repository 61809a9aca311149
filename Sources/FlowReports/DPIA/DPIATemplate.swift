import FlowModel
import FlowRules
import Mustache

/// `report dpia --template FILE`: the annex through an organisation's own Mustache template. The data
/// model (documented in docs/reports.md) holds the whole annex as sections of blocks, and the parts a
/// template most often lays out itself — controllers, flows, risks, the code key, waivers, DPIAs — as
/// lists of plain-text fields. A value the model does not record is absent (so `{{^field}}` can say so).
public enum DPIATemplate {
    /// The rendered template; throws when the template does not parse.
    public static func render(_ template: String, context: ReportContext, scope: DPIAScope) throws -> String {
        try MustacheTemplate(string: template).render(data(context, scope: scope))
    }

    /// The values a template sees.
    public static func data(_ context: ReportContext, scope: DPIAScope) -> [String: Any] {
        let document = DPIAReport.document(context, scope: scope)
        let model = context.model
        var result: [String: Any] = [
            "title": document.title,
            "model": context.modelName,
            "asOf": context.asOf.description,
            "generator": document.generator,
            "toComplete": DPIABuilder.toComplete,
            "subtitle": document.subtitle.map(PlainText.line),
            "sections": sections(document),
        ]
        if let purpose = scope.purpose {
            result["purpose"] = ["id": purpose, "name": context.name(ofPurpose: purpose)]
        }
        result["controllers"] = scope.controllers(in: context).map { controller -> [String: Any] in
            var entry: [String: Any] = ["id": controller.organisation, "name": context.name(ofOrganisation: controller.organisation),
                                        "source": controller.source]
            if let officer = model.organisations[controller.organisation]?.dataProtectionOfficer { entry["dpo"] = officer }
            return entry
        }
        result["flows"] = scope.flows.map { index -> [String: Any] in
            let flow = model.flows[index]
            var entry: [String: Any] = [
                "id": flow.id, "from": context.name(ofOrganisation: flow.from.name), "to": context.name(ofOrganisation: flow.to.name),
                "role": LegalWording.role(flow.role), "dataset": context.name(ofDataset: flow.dataset.name),
                "level": context.analysis.identifiability.recipientLevels[index].rawValue,
                "purposes": flow.purposes.map { context.name(ofPurpose: $0.name) },
                "lawfulBasis": context.dataProtectionLines(flow, ids: false).map(PlainText.line),
                "confidentiality": context.confidentialityLines(flow, ids: false).map(PlainText.line),
                "retention": context.retentionLines(flow).map(PlainText.line),
                "transfers": context.transferLines(flow).map(PlainText.line),
            ]
            if let title = flow.title { entry["title"] = title }
            return entry
        }
        let risks = DPIARisk.risks(context, scope: scope)
        result["risks"] = risks.map { risk -> [String: Any] in
            var entry: [String: Any] = [
                "number": risk.number, "code": risk.finding.code, "severityOfRule": risk.group.severity.rawValue,
                "message": PlainText.line(context.named(Inline.parse(risk.finding.message))), "flows": risk.flows,
                "likelihood": risk.likelihood.rawValue, "location": context.location(risk.finding.span),
            ]
            if let harm = risk.harm { entry["severity"] = harm.rawValue }
            if let overall = risk.overall { entry["overall"] = overall.rawValue }
            if let help = risk.finding.help { entry["measure"] = PlainText.line(context.named(Inline.parse(help))) }
            entry["consequences"] = risk.group.consequences.map { consequence -> [String: Any] in
                ["code": consequence.code, "message": PlainText.line(context.named(Inline.parse(consequence.message)))]
            }
            return entry
        }
        let waived = scope.waived(in: context)
        result["waivers"] = waived.map { item -> [String: Any] in
            var entry: [String: Any] = ["code": item.finding.code, "message": PlainText.line(context.named(Inline.parse(item.finding.message)))]
            if let justification = item.waiver.justification { entry["justification"] = justification }
            if let owner = item.waiver.owner { entry["owner"] = owner }
            if let reference = item.waiver.reference { entry["reference"] = reference }
            if let expires = item.waiver.expires { entry["expires"] = expires.description }
            return entry
        }
        result["codes"] = scope.codes(risks: risks, waived: waived).map { code -> [String: Any] in
            var entry: [String: Any] = ["code": code]
            if let rule = RuleCatalog.rule(code) {
                entry["summary"] = PlainText.line(Inline.parse(rule.summary))
                entry["legalSource"] = rule.legalSource
            }
            return entry
        }
        result["dpias"] = context.coveringDPIAs(flows: scope.flows).compactMap { model.impactAssessments[$0] }.map { dpia -> [String: Any] in
            var entry: [String: Any] = ["id": dpia.id, "title": dpia.title ?? dpia.id, "signedOffBy": dpia.signedOffBy]
            if let reference = dpia.reference { entry["reference"] = reference }
            if let controller = dpia.controller { entry["controller"] = context.name(ofOrganisation: controller.name) }
            if let completed = dpia.completed { entry["completed"] = completed.description }
            if let review = dpia.nextReview { entry["nextReview"] = review.description }
            return entry
        }
        return result
    }

    /// The document's level-2 sections, each with its blocks in order.
    static func sections(_ document: ReportDocument) -> [[String: Any]] {
        var sections: [[String: Any]] = []
        var current: [String: Any]?
        var blocks: [[String: Any]] = []
        func close() {
            guard var section = current else { return }
            section["blocks"] = blocks
            sections.append(section)
        }
        for block in document.blocks {
            if case .heading(2, let text, let id) = block {
                close()
                current = ["id": id, "title": text]
                blocks = []
                continue
            }
            blocks.append(value(block))
        }
        close()
        return sections
    }

    /// One block: exactly one of `heading` (with `level`), `paragraph`, `list`, `table`, `figure`.
    static func value(_ block: Block) -> [String: Any] {
        switch block {
        case .heading(let level, let text, let id):
            return ["heading": text, "level": level, "id": id]
        case .paragraph(let inlines):
            return ["paragraph": PlainText.line(inlines)]
        case .list(let items):
            return ["list": items.map(PlainText.line)]
        case .table(let table):
            return ["table": [
                "id": table.id, "caption": table.caption, "headers": table.headers,
                "rows": table.rows.map { row in ["cells": row.map { cell in ["lines": cell.lines.map(PlainText.line), "text": PlainText.lines(cell.lines)] }] },
            ] as [String: Any]]
        case .figure(let figure):
            return ["figure": ["caption": figure.caption, "description": figure.description, "flows": figure.flowSummary]]
        }
    }
}
