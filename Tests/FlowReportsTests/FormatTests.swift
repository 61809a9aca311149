import FlowModel
import FlowReports
import Testing

struct CSVTests {
    @Test func quotesOnlyWhatNeedsIt() {
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("a, b") == "\"a, b\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.field("=1+1") == "'=1+1")
        #expect(CSV.field("@SUM(A1)") == "'@SUM(A1)")
    }

    /// OWASP's formula triggers: `= + - @ TAB CR`; a minus in the middle is ordinary text.
    @Test func everyFormulaTriggerIsKeptAsText() {
        #expect(CSV.field("-2+3+cmd|' /C calc'!A0") == "'-2+3+cmd|' /C calc'!A0")
        #expect(CSV.field("+1") == "'+1")
        #expect(CSV.field("\t=1+1") == "'\t=1+1")
        #expect(CSV.field("\r=1+1") == "\"'\r=1+1\"")
        #expect(CSV.field("opt-out") == "opt-out")
    }

    @Test func recordsEndWithCRLF() {
        let document = CSV.document(header: ["a", "b"], rows: [["1", "x,y"]])
        #expect(document == "a,b\r\n1,\"x,y\"\r\n")
    }

    @Test func everyRecordHasTheHeaderFieldCount() throws {
        let context = try Repository.context()
        let csv = RoPAReport.csv(RoPAReport.records(context))
        #expect(csv.hasSuffix("\r\n"))
        let records = try Self.parse(csv)
        #expect(records.first == RoPAReport.csvHeader)
        #expect(records.count > 10)
        for record in records { #expect(record.count == RoPAReport.csvHeader.count) }
        #expect(records.contains { $0[0] == "Art 30(1) controller" && $0[1] == "blmk-icb" && $0[6] == "risk-stratification-commissioning" })
        #expect(records.contains { $0[0] == "Art 30(2) processor" && $0[1] == "blmk-psl" })
    }

    /// A strict RFC 4180 reader.
    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var fields: [String] = []
        var field = ""
        var quoted = false
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if scalars.first == "\"" { scalars.removeFirst(); field += "\"" } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"":
                guard field.isEmpty else { throw RepositoryError(description: "quote inside an unquoted field") }
                quoted = true
            case ",":
                fields.append(field)
                field = ""
            case "\r":
                guard scalars.popFirst() == "\n" else { throw RepositoryError(description: "CR without LF") }
                fields.append(field)
                records.append(fields)
                fields = []
                field = ""
            case "\n":
                throw RepositoryError(description: "bare LF ends a record")
            default:
                field.unicodeScalars.append(scalar)
            }
        }
        guard !quoted, fields.isEmpty, field.isEmpty else { throw RepositoryError(description: "unterminated record") }
        return records
    }
}

struct ExpiryTests {
    @Test func windows() throws {
        let start = Day(year: 2026, month: 11, day: 23)!
        #expect(ExpiryWindow("90d")?.end(from: start) == Day(year: 2027, month: 2, day: 21))
        #expect(ExpiryWindow("2w")?.end(from: start) == Day(year: 2026, month: 12, day: 7))
        #expect(ExpiryWindow("3m")?.end(from: Day(year: 2026, month: 11, day: 30)!) == Day(year: 2027, month: 2, day: 28))
        #expect(ExpiryWindow("1y")?.end(from: Day(year: 2028, month: 2, day: 29)!) == Day(year: 2029, month: 2, day: 28))
        #expect(ExpiryWindow("0d")?.end(from: start) == start)
        for bad in ["", "d", "90", "9x", "-1d", "1.5d", "999999d"] { #expect(ExpiryWindow(bad) == nil, "\(bad)") }
    }

    @Test func soonestFirstAndExpiredFlagged() throws {
        let context = try Repository.context()
        let items = ExpiriesReport.items(context, until: ExpiryWindow("1y")!.end(from: context.asOf))
        #expect(!items.isEmpty)
        for (previous, next) in zip(items, items.dropFirst()) { #expect(previous.date <= next.date) }
        for item in items { #expect(item.hasExpired == (item.event == .expires && item.date < context.asOf)) }
        #expect(items.contains { $0.entry.id == "starter-dpia" && $0.event == .review })
    }

    @Test func expiredInstrumentIsReported() throws {
        let text = """
        use std
        agreement old "Old DSA" { kind dsa; valid-until 2020-01-31 }
        agreement soon "Soon" { kind dsa; valid-until 2026-12-01 }
        agreement later "Later" { kind dsa; valid-until 2030-01-01 }
        """
        let loaded = ModelLoader.load(paths: ["m"], provider: InMemorySourceProvider(["m/m.flow": text]))
        let model = try #require(loaded.model, "\(loaded.diagnostics.map(\.message))")
        let context = ReportContext(model: model, asOf: Repository.asOf, modelName: "m")
        let items = ExpiriesReport.items(context, until: ExpiryWindow("90d")!.end(from: context.asOf))
        #expect(items.map(\.entry.id) == ["old", "soon"])
        #expect(items[0].hasExpired)
        #expect(items[0].status.hasPrefix("expired"))
        #expect(!items[1].hasExpired)
        #expect(items[1].days == 8)
    }
}

struct MarkdownTests {
    @Test func tableCellsStayInTheirCells() {
        let document = ReportDocument(title: "T", generator: "test", blocks: [
            .table(Table(id: "t", caption: "c", headers: ["a", "b"],
                         rows: [[Cell(text: "x | y\nz"), Cell([.code("p|q"), .text(" <b>")])]])),
        ])
        let markdown = MarkdownWriter.markdown(document)
        #expect(markdown.contains("| x \\| y z | `p\\|q` \\<b\\> |"))
    }

    @Test func inlineParseMarksIdentifiers() {
        #expect(Inline.parse("flow `s1-f8` breaks") == [.text("flow "), .code("s1-f8"), .text(" breaks")])
        #expect(Inline.parse("odd ` tick") == [.text("odd ` tick")])
    }
}
