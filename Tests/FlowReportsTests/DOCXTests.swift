import FlowGraphviz
import FlowRender
import FlowReports
import Foundation
import Testing

/// The Word annex as Word users get it: LibreOffice (Debian's `libreoffice-writer-nogui`, headless)
/// opens it and prints it to PDF; poppler turns the pages into PNG images. Missing tools are a
/// failure, not a skip (`scripts/ensure-packages.sh --test` installs them).
@Suite("DOCX through LibreOffice")
struct DOCXTests {
    @Test(arguments: GoldenReportTests.icbModels)
    func annexConvertsToA4Pages(model: String) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowgate-docx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let context = try Repository.context("flows/" + model, modelName: model)
        let scope = try #require(DPIAScope(context, purpose: nil))
        let png = try GraphvizRenderer.shared.render(dot: DOTWriter.dot(try DPIAReport.diagram(context, scope: scope)), format: .png, engine: .dot)
        let image = try #require(DOCXWriter.Image(png: png))
        let file = directory.appendingPathComponent("annex.docx")
        try Data(DPIAReport.docx(context, scope: scope, image: image)).write(to: file)

        // LibreOffice's own profile in the temporary folder: parallel runs must not share one.
        let profile = "-env:UserInstallation=" + directory.appendingPathComponent("profile").absoluteString
        _ = try Process.output("/usr/bin/soffice", [profile, "--headless", "--convert-to", "pdf", "--outdir", directory.path, file.path])
        let pdf = directory.appendingPathComponent("annex.pdf")
        #expect(FileManager.default.fileExists(atPath: pdf.path), "LibreOffice wrote no PDF")

        let info = String(decoding: try Process.output("/usr/bin/pdfinfo", ["-f", "1", "-l", "1000", pdf.path]), as: UTF8.self)
        let pages = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") })
        #expect(pages > 3)
        // Every page is A4, portrait or (for the wide tables) landscape: 595 × 842 points.
        let sizes = info.split(separator: "\n").filter { $0.hasPrefix("Page") && $0.contains("size:") }
        #expect(sizes.count == pages)
        var portrait = 0
        for size in sizes {
            let numbers = size.split(separator: " ").compactMap { Double($0) }.suffix(2).map { Int($0.rounded()) }
            #expect(numbers.sorted() == [595, 842], "not A4: \(size)")
            if numbers == [595, 842] { portrait += 1 }
        }
        #expect(portrait > 0 && portrait < pages, "portrait pages, with the wide tables on landscape pages")

        let text = String(decoding: try Process.output("/usr/bin/pdftotext", ["-layout", pdf.path, "-"]), as: UTF8.self)
        for heading in Repository.annexSections { #expect(text.contains(heading), "the PDF lacks \(heading)") }
        #expect(text.contains("To complete"))
        #expect(text.contains("Controller: NHS"), "the controller is named by its name")

        _ = try Process.output("/usr/bin/pdftoppm", ["-r", "30", "-png", pdf.path, directory.appendingPathComponent("page").path])
        let images = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasPrefix("page") && $0.hasSuffix(".png") }
        #expect(images.count == pages)
        for name in images {
            let bytes = try Data(contentsOf: directory.appendingPathComponent(name))
            #expect(bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        }
    }

    /// Same annex, same bytes: entries carry a fixed date, so a rerun does not change a committed file;
    /// `unzip -t` (Info-ZIP, not flowgate's own code) finds every entry's checksum right.
    @Test func sameAnnexSameBytes() throws {
        let context = try Repository.context("flows/nottingham", modelName: "nottingham")
        let scope = try #require(DPIAScope(context, purpose: nil))
        let first = DPIAReport.docx(context, scope: scope, image: nil)
        let second = DPIAReport.docx(context, scope: scope, image: nil)
        #expect(first == second)
        #expect(first.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowgate-zip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("annex.docx")
        try Data(first).write(to: file)
        let listing = String(decoding: try Process.output("/usr/bin/unzip", ["-t", file.path]), as: UTF8.self)
        #expect(listing.contains("No errors detected"))
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels"] {
            #expect(listing.contains("testing: " + part), "missing \(part)")
        }
    }

    /// Headings use Word's heading styles and tables are real tables with a repeating header row.
    @Test func headingsAndTablesAreWordStructures() throws {
        let context = try Repository.context("flows/nottingham", modelName: "nottingham")
        let scope = try #require(DPIAScope(context, purpose: nil))
        let xml = DOCXWriter.documentXML(DPIAReport.document(context, scope: scope))
        for heading in Repository.annexSections {
            #expect(xml.contains("<w:pStyle w:val=\"Heading1\"/><w:keepNext/></w:pPr><w:r><w:t xml:space=\"preserve\">\(heading)</w:t>"),
                    "\(heading) is not a Heading 1")
        }
        #expect(xml.components(separatedBy: "<w:tbl>").count - 1 == Repository.annexTables.count)
        #expect(xml.components(separatedBy: "<w:tblHeader/>").count - 1 == Repository.annexTables.count)
        _ = try DOCXText.text(ofDocumentXML: Data(xml.utf8))
    }
}
