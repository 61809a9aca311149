import FlowModel
import FlowReports
import Testing

/// What the reports say about a flow's legal bases, and what they refuse to guess.
struct LegalBasisTests {
    static let model = """
        use std
        org icb "The ICB" { kind icb; public-authority yes; country GB; dpo "The DPO" }
        org partners "Safeguarding partners" { kind other }
        org cloud "Cloud host" { kind supplier; processor-for icb; country IE }
        dataset d "Safeguarding information" { origin england-health; special-category health; identifiers nhs-number; source icb }
        purpose p "Safeguarding" { category safeguarding }
        flow f1 icb -> partners "Concerns shared" { data d; level identifiable; purpose p; role controller; art6 e "Children Act 2004 s11"; art9 b, h; sch1 part1 para2 }
        flow f2 icb -> cloud "Hosting" { data d; level identifiable; purpose p; role processor; art6 e "Children Act 2004 s11"; art9 h; sch1 part1 para2 }
        notice n "Notice" { controller icb; flows f1, f2 }
        """

    static func context() throws -> ReportContext {
        let loaded = ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(["m/m.flow": model]))
        let model = try #require(loaded.model, "\(loaded.diagnostics.map(\.message))")
        return ReportContext(model: model, asOf: Repository.asOf, modelName: "m")
    }

    /// `art9 b, h` is two conditions: the annex, the register and the notice table show both.
    @Test func everyArticle9ConditionIsShown() throws {
        let context = try Self.context()
        let scope = try #require(DPIAScope(context, purpose: nil))
        let both = ["Art 9(2)(b) employment, social security and social protection", "Art 9(2)(h) health or social care"]
        let annex = DPIAReport.markdown(context, scope: scope, imagePath: nil)
        let register = RoPAReport.csv(RoPAReport.records(context, organisation: "icb"))
        let notice = NoticeReport.markdown(context, tables: try #require(NoticeReport.tables(context, organisation: "icb")))
        for (name, text) in [("annex", annex), ("register", register), ("notice", notice)] {
            for condition in both { #expect(text.contains(condition), "the \(name) drops \(condition)") }
        }
    }

    /// A recipient's country is a fact only when written: otherwise the transfer is "not recorded".
    @Test func transfersAreNeverAssumed() throws {
        let context = try Self.context()
        let records = RoPAReport.records(context, organisation: "icb")
        let record = try #require(records.first { $0.kind == .controller })
        let transfers = record.transfers.map { line in line.map { if case .text(let text) = $0 { text } else { "" } }.joined() }
        #expect(transfers.contains("Safeguarding partners: not recorded (the recipient's country is not stated)"))
        #expect(transfers.contains("Cloud host: to IE under no mechanism recorded"))
        #expect(!transfers.contains { $0.contains("none (the recipient is recorded as in the UK)") })
        let csv = RoPAReport.csv(records)
        #expect(!csv.contains(",,"), "no blank field: blanks say \"not recorded\"")
    }

    /// BLMK's DSCRO is NHS England's office, receiving from NHS Digital as its processor: neither the
    /// ICB's register nor its notice lists it as the ICB's processor, and its own records are NHS England's.
    @Test func theDSCROIsNotTheICBsProcessor() throws {
        let context = try Repository.context("flows/blmk", modelName: "blmk")
        let dscro = "Data Services for Commissioners Regional Office (DSCRO)"
        for record in RoPAReport.records(context, organisation: "blmk-icb") {
            let recipients = record.recipients.map { line in line.map { if case .text(let text) = $0 { text } else { "" } }.joined() }
            #expect(!recipients.contains { $0.contains(dscro) }, "\(record.purpose ?? "") lists the DSCRO")
        }
        #expect(!RoPAReport.records(context).contains { $0.kind == .controller && $0.organisation == "dscro" })
        let processorRecord = try #require(RoPAReport.records(context, organisation: "dscro").first)
        #expect(processorRecord.kind == .processor && processorRecord.controller == "nhs-digital")
        let tables = try #require(NoticeReport.tables(context, organisation: "blmk-icb"))
        for row in tables.flatMap(\.rows) {
            let shared = row.sharedWith.map { line in line.map { if case .text(let text) = $0 { text } else { "" } }.joined() }
            #expect(!shared.contains { $0.contains(dscro) }, "the notice shares \(row.purpose) with the DSCRO")
        }
    }
}
