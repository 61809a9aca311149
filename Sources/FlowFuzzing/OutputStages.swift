import FlowAnalysis
import FlowLanguage
import FlowModel
import FlowRender
import FlowReports
import FlowRules

/// The stages after the rules, for a model that resolved: every diagram view `render -o DIR` draws
/// (as DOT and Mermaid text: Graphviz's own layout is exercised by scripts/asan-graphviz.sh), the DPIA
/// annex, the Art 30 register, each controller's notice table, the expiries and a lineage trace.
/// A fuzz input reaches them only as a valid model, which is what the structure-aware mutator makes.
enum OutputStages {
    /// The most diagram views drawn per input (a model with hundreds of purposes stays quick).
    static let maximumViews = 6

    static func run(_ analysis: Analysis, _ checked: CheckResult, asOf: Day) {
        let model = analysis.model
        let context = ReportContext(analysis: analysis, result: checked, asOf: asOf, modelName: "fuzz")
        let overlay = DPIAReport.overlay(context)
        let options = DiagramOptions(modelName: "fuzz", asOf: asOf)
        for view in DiagramBuilder.directoryViews(of: model).prefix(maximumViews) {
            guard let spec = try? DiagramBuilder.build(model, view: view, overlay: overlay, options: options) else { continue }
            _ = DOTWriter.dot(spec)
            _ = MermaidWriter.markdown(spec)
        }
        if let scope = DPIAScope(context, purpose: nil) {
            _ = DPIAReport.markdown(context, scope: scope, imagePath: "annex.svg")
            _ = DPIAReport.html(context, scope: scope, svg: nil)
            _ = DPIAReport.docx(context, scope: scope, image: nil)
        }
        let records = RoPAReport.records(context)
        _ = RoPAReport.csv(records)
        _ = RoPAReport.markdown(context, records: records)
        for controller in Set(model.notices.values.map(\.controller.name)).sorted() {
            if let tables = NoticeReport.tables(context, organisation: controller) {
                _ = NoticeReport.markdown(context, tables: tables)
                _ = NoticeReport.json(context, tables: tables)
            }
        }
        if let window = ExpiryWindow("90d") {
            let until = asOf.adding(days: 90)
            let items = ExpiriesReport.items(context, until: until)
            _ = ExpiriesReport.text(context, window: window, items: items)
            _ = ExpiriesReport.json(context, window: window, items: items)
        }
        if let dataset = model.datasets.keys.min(), let trace = TraceReport.trace(context, subject: dataset, direction: .both) {
            _ = TraceReport.text(trace, context: context)
            _ = TraceReport.json(trace, context: context)
            _ = TraceReport.dot(trace, context: context)
        }
    }
}
