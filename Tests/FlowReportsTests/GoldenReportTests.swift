import FlowModel
import FlowReports
import Foundation
import Testing

/// Reports of the real models in flows/ as of 2026-11-23, each ICB's model on its own, compared byte
/// for byte with Golden/.
/// After a deliberate change to flows/, the rules or the reports: `FLOWGATE_UPDATE_GOLDEN=1 swift test
/// --filter FlowReportsTests`, then review the diff of Golden/.
struct GoldenReportTests {
    /// The two ICBs' models, each on its own, by folder and golden name.
    static let icbModels = ["blmk", "nottingham"]

    @Test(arguments: icbModels)
    func dpiaAnnex(model: String) throws {
        let context = try Repository.context("flows/" + model, modelName: model)
        let scope = try #require(DPIAScope(context, purpose: nil))
        try expectGolden(DPIAReport.markdown(context, scope: scope, imagePath: "dpia-\(model).svg"), "dpia-\(model).md")
        // Without the diagram: Graphviz's drawing is tested elsewhere and would make every layout change a golden change.
        try expectGolden(DPIAReport.html(context, scope: scope, svg: nil), "dpia-\(model).html")
        let docx = DPIAReport.docx(context, scope: scope, image: nil)
        try expectGolden(try DOCXText.text(ofDocx: docx), "dpia-\(model).docx.txt")
    }

    @Test func dpiaMarkdownForRiskStratification() throws {
        let context = try Repository.context("flows/blmk", modelName: "blmk")
        let scope = try #require(DPIAScope(context, purpose: "risk-stratification-case-finding"))
        try expectGolden(DPIAReport.markdown(context, scope: scope, imagePath: "dpia-blmk-risk-stratification.svg"),
                         "dpia-blmk-risk-stratification.md")
    }

    @Test(arguments: icbModels)
    func register(model: String) throws {
        let context = try Repository.context("flows/" + model, modelName: model)
        let records = RoPAReport.records(context)
        try expectGolden(RoPAReport.csv(records), "ropa-\(model).csv")
        try expectGolden(RoPAReport.markdown(context, records: records), "ropa-\(model).md")
    }

    @Test(arguments: [("blmk", "blmk-icb"), ("nottingham", "nn-icb"), ("starter", "starter-icb")])
    func noticeTable(model: String, organisation: String) throws {
        let context = try Repository.context("flows/" + model, modelName: model)
        let tables = try #require(NoticeReport.tables(context, organisation: organisation))
        try expectGolden(NoticeReport.markdown(context, tables: tables), "notice-\(organisation).md")
    }

    @Test func expiriesForFlows() throws {
        let context = try Repository.context()
        let window = try #require(ExpiryWindow("90d"))
        let items = ExpiriesReport.items(context, until: window.end(from: context.asOf))
        try expectGolden(ExpiriesReport.text(context, window: window, items: items), "expiries-flows.txt")
    }

    @Test func traceOfTheRiskStratificationProcessor() throws {
        let context = try Repository.context("flows/blmk", modelName: "blmk")
        let trace = try #require(TraceReport.trace(context, subject: "blmk-psl", direction: .upstream))
        try expectGolden(TraceReport.text(trace, context: context), "trace-blmk-psl-upstream.txt")
        try expectGolden(TraceReport.dot(trace, context: context), "trace-blmk-psl-upstream.dot")
    }

    /// The same model gives the same bytes, loaded twice.
    @Test func outputIsDeterministic() throws {
        let first = try Repository.context()
        let second = try Repository.context()
        let scope = try #require(DPIAScope(first, purpose: nil))
        let otherScope = try #require(DPIAScope(second, purpose: nil))
        #expect(DPIAReport.html(first, scope: scope, svg: nil) == DPIAReport.html(second, scope: otherScope, svg: nil))
        #expect(RoPAReport.csv(RoPAReport.records(first)) == RoPAReport.csv(RoPAReport.records(second)))
        let trace = try #require(TraceReport.trace(first, subject: "sus", direction: .both))
        let again = try #require(TraceReport.trace(second, subject: "sus", direction: .both))
        #expect(TraceReport.json(trace, context: first) == TraceReport.json(again, context: second))
    }
}
