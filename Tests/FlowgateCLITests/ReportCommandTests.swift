import Foundation
import Testing

/// `flowgate report …` and `flowgate trace`: files written, exit statuses, usage errors.
struct ReportCommandTests {
    static let model = """
    use std
    org trust "Trust" { kind trust; public-authority yes }
    org icb "ICB" { kind icb; public-authority yes }
    org supplier "Supplier" { kind supplier; processor-for icb }
    dataset d "Records" { origin england-health; special-category health; identifiers nhs-number; subjects patients; source trust }
    purpose p "Commissioning" { category commissioning-planning }
    agreement dsa "DSA" { kind dsa; parties trust, icb; valid-until 2027-01-31 }
    flow f1 trust -> icb "Records" {
      data d
      level identifiable
      purpose p
      role controller
      art6 e "NHS Act 2006 s3"
      art9 h
      sch1 part1 para2
      confidentiality s251-reg5
      agreement dsa
    }
    contract c "Contract" { controller icb; processor supplier; valid-until 2028-01-01 }
    flow f2 icb -> supplier "Hosting" { data d; level identifiable; purpose p; role processor; art6 e "NHS Act 2006 s3"; art9 h; sch1 part1 para2; agreement c }
    """

    @Test func dpiaMarkdownWritesTheDiagramBesideIt() throws {
        let directory = try temporaryDirectory(["flows/m.flow": Self.model])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Flowgate.run(["report", "dpia", "--as-of", "2026-11-23", "-o", "out/annex.md"], in: directory)
        #expect(result.status == 0, "\(result.error)")
        let markdown = try String(contentsOf: directory.appendingPathComponent("out/annex.md"), encoding: .utf8)
        let svg = try String(contentsOf: directory.appendingPathComponent("out/annex.svg"), encoding: .utf8)
        #expect(markdown.contains("](<annex.svg>)"))
        #expect(svg.contains("<svg"))
        #expect(result.output.contains("wrote out/annex.svg"))
    }

    /// `-o FILE.docx` writes a Word package with the diagram inside; a Word document needs a file.
    @Test func dpiaDocxIsAZipPackageWithTheDiagram() throws {
        let directory = try temporaryDirectory(["flows/m.flow": Self.model])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Flowgate.run(["report", "dpia", "--as-of", "2026-11-23", "-o", "out/annex.docx"], in: directory)
        #expect(result.status == 0, "\(result.error)")
        let bytes = try Data(contentsOf: directory.appendingPathComponent("out/annex.docx"))
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(bytes.range(of: Data("word/media/diagram.png".utf8)) != nil)
        let again = try Flowgate.run(["report", "dpia", "--as-of", "2026-11-23", "-o", "out/again.docx"], in: directory)
        #expect(again.status == 0)
        #expect(try Data(contentsOf: directory.appendingPathComponent("out/again.docx")) == bytes, "the same bytes every time")
        let stdout = try Flowgate.run(["report", "dpia", "--format", "docx"], in: directory)
        #expect(stdout.status == 2)
        #expect(stdout.error.contains("give -o FILE.docx"), "\(stdout.error)")
    }

    /// `--template FILE` renders the annex through it; a broken template exits 2.
    @Test func dpiaThroughATemplate() throws {
        let template = "{{% CONTENT_TYPE: TEXT}}{{title}}\n{{#flows}}{{id}}: {{from}} -> {{to}}\n{{/flows}}{{#risks}}{{number}} {{code}}\n{{/risks}}"
        let directory = try temporaryDirectory(["flows/m.flow": Self.model, "t.mustache": template, "bad.mustache": "{{#flows}}"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Flowgate.run(["report", "dpia", "--as-of", "2026-11-23", "--template", "t.mustache"], in: directory)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.hasPrefix("DPIA annex: the processing recorded in "))
        #expect(result.output.contains("\nf1: Trust -> ICB\nf2: ICB -> Supplier\n"))
        #expect(result.output.contains("\nR1 FG"))
        let bad = try Flowgate.run(["report", "dpia", "--template", "bad.mustache"], in: directory)
        #expect(bad.status == 2)
        #expect(bad.error.contains("is not valid Mustache"), "\(bad.error)")
        let both = try Flowgate.run(["report", "dpia", "--template", "t.mustache", "--format", "html"], in: directory)
        #expect(both.status == 2)
    }

    /// The Markdown's diagram goes to FILE.svg: `-o x.svg --format md` would overwrite the diagram
    /// with the report.
    @Test func dpiaMarkdownCannotBeWrittenOverItsOwnDiagram() throws {
        let directory = try temporaryDirectory(["flows/m.flow": Self.model])
        defer { try? FileManager.default.removeItem(at: directory) }
        for name in ["x.svg", "X.SVG"] {
            let result = try Flowgate.run(["report", "dpia", "--format", "md", "-o", name], in: directory)
            #expect(result.status == 2)
            #expect(result.error.contains("is where the Markdown report's diagram goes"), "\(result.error)")
            #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent(name).path))
        }
    }

    /// Write failures give the reason once, never a Foundation error dump or the path twice.
    @Test func writeFailuresAreShortAndSayThePathOnce() throws {
        let directory = try temporaryDirectory(["flows/m.flow": Self.model, "taken": "a file\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let render = try Flowgate.run(["render", "flows", "-o", "taken/diagrams"], in: directory)
        #expect(render.status == 2)
        #expect(render.error == "error: cannot create directory `taken/diagrams`: Not a directory\n", "\(render.error)")
        let report = try Flowgate.run(["report", "ropa", "flows", "-o", "taken/ropa.csv"], in: directory)
        #expect(report.status == 2)
        #expect(report.error == "error: cannot write `taken/ropa.csv`: Not a directory\n", "\(report.error)")
    }

    @Test func dpiaHTMLIsOneFileAndTheSameEveryTime() throws {
        let directory = try temporaryDirectory(["flows/m.flow": Self.model])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try Flowgate.run(["report", "dpia", "--purpose", "p", "--as-of", "2026-11-23", "-o", "a.html"], in: directory).status == 0)
        #expect(try Flowgate.run(["report", "dpia", "--purpose", "p", "--as-of", "2026-11-23", "-o", "b.html"], in: directory).status == 0)
        let first = try Data(contentsOf: directory.appendingPathComponent("a.html"))
        let second = try Data(contentsOf: directory.appendingPathComponent("b.html"))
        #expect(first == second)
        #expect(String(decoding: first, as: UTF8.self).contains("<svg"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("a.svg").path))
    }

    @Test func usageErrorsExitTwo() throws {
        let directory = try temporaryDirectory(["flows/m.flow": Self.model])
        defer { try? FileManager.default.removeItem(at: directory) }
        let purpose = try Flowgate.run(["report", "dpia", "--purpose", "comissioning", "-o", "x.md"], in: directory)
        #expect(purpose.status == 2)
        #expect(purpose.error.contains("did you mean `commissioning`?"))
        #expect(try Flowgate.run(["report", "dpia", "-o", "x.pdf"], in: directory).status == 2)
        #expect(try Flowgate.run(["report", "notice", "--org", "nobody"], in: directory).status == 2)
        #expect(try Flowgate.run(["report", "ropa", "--org", "nobody"], in: directory).status == 2)
        #expect(try Flowgate.run(["report", "expiries", "--within", "soon"], in: directory).status == 2)
        #expect(try Flowgate.run(["trace", "nothing"], in: directory).status == 2)
        #expect(try Flowgate.run(["trace", "d", "--upstream", "--downstream"], in: directory).status == 2)
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("x.md").path))
    }

    @Test func invalidModelExitsTwoAndWritesNothing() throws {
        let directory = try temporaryDirectory(["flows/bad.flow": "org x {\n  kind nonsense\n}\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Flowgate.run(["report", "dpia", "-o", "annex.html"], in: directory)
        #expect(result.status == 2)
        #expect(result.error.contains("flows/bad.flow:2:8"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("annex.html").path))
    }

    @Test func expiriesExitOneOnlyOnceSomethingHasExpired() throws {
        let directory = try temporaryDirectory(["flows/m.flow": Self.model])
        defer { try? FileManager.default.removeItem(at: directory) }
        let due = try Flowgate.run(["report", "expiries", "--as-of", "2026-11-23"], in: directory)
        #expect(due.status == 0)
        #expect(due.output.contains("2027-01-31  expires in 69 days"))
        let expired = try Flowgate.run(["report", "expiries", "--as-of", "2027-02-01", "--format", "json"], in: directory)
        #expect(expired.status == 1)
        #expect(expired.output.contains("\"expired\": true"))
        let quiet = try Flowgate.run(["report", "expiries", "--as-of", "2026-11-23", "--within", "30d"], in: directory)
        #expect(quiet.status == 0)
        #expect(quiet.output.contains("  none\n"))
    }

    @Test func ropaAndNoticeAndTrace() throws {
        let directory = try temporaryDirectory(["flows/m.flow": Self.model])
        defer { try? FileManager.default.removeItem(at: directory) }
        let csv = try Flowgate.run(["report", "ropa", "--as-of", "2026-11-23"], in: directory)
        #expect(csv.status == 0)
        #expect(csv.output.hasPrefix("record,organisation,"))
        #expect(csv.output.contains("\r\nArt 30(2) processor,supplier,"))
        let notice = try Flowgate.run(["report", "notice", "--org", "icb", "--as-of", "2026-11-23"], in: directory)
        #expect(notice.status == 0)
        #expect(notice.output.contains("| Commissioning<br>`p` |"))
        let trace = try Flowgate.run(["trace", "supplier", "--upstream", "--format", "json"], in: directory)
        #expect(trace.status == 0)
        #expect(trace.output.contains("\"id\": \"f1\""))
        let dot = try Flowgate.run(["trace", "d", "--format", "dot"], in: directory)
        #expect(dot.output.hasPrefix("digraph"))
    }
}
