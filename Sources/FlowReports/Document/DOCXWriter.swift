/// Writes a `ReportDocument` as a Word document (WordprocessingML in a ZIP package), for DPOs who edit
/// DPIAs in Word: headings in Word's heading styles (so the navigation pane and a table of contents
/// work), real tables with header rows that repeat on every page, A4 pages — portrait, with wide
/// tables on landscape pages. The same document always gives the same bytes (`ZIPArchive`).
public enum DOCXWriter {
    /// The diagram, when there is one, as a PNG of `width` × `height` pixels.
    public struct Image: Sendable, Hashable {
        public let png: [UInt8]
        public let width: Int
        public let height: Int

        /// Nil when the bytes are not a PNG (its size is read from the IHDR chunk).
        public init?(png: [UInt8]) {
            guard png.count > 24, png.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { return nil }
            func word(_ offset: Int) -> Int { png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) } }
            self.png = png
            self.width = word(16)
            self.height = word(20)
        }
    }

    public static func docx(_ document: ReportDocument, image: Image? = nil) -> [UInt8] {
        var parts: [(path: String, bytes: [UInt8])] = [
            ("[Content_Types].xml", Array(contentTypes(hasImage: image != nil).utf8)),
            ("_rels/.rels", Array(packageRelationships.utf8)),
            ("docProps/core.xml", Array(coreProperties(document).utf8)),
            ("word/document.xml", Array(documentXML(document, image: image).utf8)),
            ("word/styles.xml", Array(DOCXStyles.xml.utf8)),
            ("word/_rels/document.xml.rels", Array(documentRelationships(hasImage: image != nil).utf8)),
        ]
        if let image { parts.append(("word/media/diagram.png", image.png)) }
        return ZIPArchive.stored(parts)
    }

    // MARK: Package parts

    static func contentTypes(hasImage: Bool) -> String {
        xmlDeclaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + (hasImage ? "<Default Extension=\"png\" ContentType=\"image/png\"/>" : "")
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
            + "<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
            + "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
            + "</Types>\n"
    }

    static let packageRelationships = xmlDeclaration
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
        + "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        + "</Relationships>\n"

    static func documentRelationships(hasImage: Bool) -> String {
        xmlDeclaration + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
            + (hasImage ? "<Relationship Id=\"rIdDiagram\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"media/diagram.png\"/>" : "")
            + "</Relationships>\n"
    }

    static func coreProperties(_ document: ReportDocument) -> String {
        xmlDeclaration + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
            + "xmlns:dc=\"http://purl.org/dc/elements/1.1/\">"
            + "<dc:title>" + HTMLText.escape(document.title) + "</dc:title>"
            + "<dc:creator>" + HTMLText.escape(document.generator) + "</dc:creator>"
            + "</cp:coreProperties>\n"
    }

    static let xmlDeclaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    // MARK: The document

    /// `word/document.xml`: one paragraph or table per line, for reading diffs.
    public static func documentXML(_ document: ReportDocument, image: Image? = nil) -> String {
        var out = xmlDeclaration
        out += "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
            + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" "
            + "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
            + "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
            + "xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\n<w:body>\n"
        out += paragraph(style: "Title", [.text(document.title)])
        for line in document.subtitle { out += paragraph(style: "Subtitle", line) }
        out += paragraph(style: "Generated", [.text("Generated by " + document.generator + " from .flow files.")])
        for (index, block) in document.blocks.enumerated() {
            switch block {
            case .heading(let level, let text, _):
                // A heading goes on the landscape page of the wide table it introduces.
                if index + 1 < document.blocks.count, case .table(let next) = document.blocks[index + 1], next.wide {
                    out += sectionBreak(landscape: false)
                }
                out += paragraph(style: "Heading\(min(max(level - 1, 1), 3))", [.text(text)], keepWithNext: true)
            case .paragraph(let inlines):
                out += paragraph(style: nil, inlines)
            case .list(let items):
                for item in items { out += paragraph(style: "ListBullet", [.text("• ")] + item) }
            case .table(let table):
                let introduced = index > 0 && { if case .heading = document.blocks[index - 1] { true } else { false } }()
                if table.wide, !introduced { out += sectionBreak(landscape: false) }
                out += paragraph(style: "Caption", [.text(table.caption)], keepWithNext: true)
                out += self.table(table, landscape: table.wide)
                if table.wide { out += sectionBreak(landscape: true) }
            case .figure(let figure):
                if let image { out += drawing(image, alternative: figure.alternative) }
                out += paragraph(style: "Caption", [.text(figure.caption)])
                out += paragraph(style: nil, [.text(figure.description)])
                if image == nil { out += paragraph(style: nil, [.text(figure.flowSummary)]) }
            }
        }
        out += "<w:sectPr>" + pageSetup(landscape: false) + "</w:sectPr>\n</w:body>\n</w:document>\n"
        return out
    }

    /// Ends the section before it: `landscape` says how the ended section's pages are laid out.
    static func sectionBreak(landscape: Bool) -> String {
        "<w:p><w:pPr><w:sectPr>" + pageSetup(landscape: landscape) + "<w:type w:val=\"nextPage\"/></w:sectPr></w:pPr></w:p>\n"
    }

    /// A4 (in twentieths of a point) with 2 cm margins.
    static func pageSetup(landscape: Bool) -> String {
        (landscape ? "<w:pgSz w:w=\"16838\" w:h=\"11906\" w:orient=\"landscape\"/>" : "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>")
            + "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
    }

    static func paragraph(style: String?, _ inlines: [Inline], keepWithNext: Bool = false) -> String {
        var properties = style.map { "<w:pStyle w:val=\"\($0)\"/>" } ?? ""
        if keepWithNext { properties += "<w:keepNext/>" }
        return "<w:p>" + (properties.isEmpty ? "" : "<w:pPr>" + properties + "</w:pPr>") + runs(inlines) + "</w:p>\n"
    }

    static func runs(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let text): run(text)
            case .code(let text): run(text, properties: "<w:rStyle w:val=\"Code\"/>")
            case .strong(let text): run(text, properties: "<w:b/>")
            case .emphasis(let text): run(text, properties: "<w:i/>")
            case .link(let text, let target): run(text == target || target.hasPrefix("#") ? text : text + " (" + target + ")")
            }
        }.joined()
    }

    static func run(_ text: String, properties: String = "") -> String {
        "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>" + properties + "</w:rPr>") + "<w:t xml:space=\"preserve\">" + HTMLText.escape(text) + "</w:t></w:r>"
    }

    /// A table across the text width; the header row repeats on every page and rows do not split.
    static func table(_ table: Table, landscape: Bool) -> String {
        let width = landscape ? 16838 - 2 * 1134 : 11906 - 2 * 1134
        let columns = max(table.headers.count, 1)
        let widths = columnWidths(table, columns: columns, total: width)
        var out = "<w:tbl><w:tblPr><w:tblStyle w:val=\"ReportTable\"/><w:tblW w:w=\"\(width)\" w:type=\"dxa\"/>"
            + "<w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
            + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>\n"
        out += "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        for (position, header) in table.headers.enumerated() { out += cell([[.strong(header)]], width: widths[position]) }
        out += "</w:tr>\n"
        for row in table.rows {
            out += "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
            for position in 0..<columns {
                let lines = position < row.count ? row[position].lines : []
                out += cell(lines, width: widths[position])
            }
            out += "</w:tr>\n"
        }
        return out + "</w:tbl>\n"
    }

    /// Each column is first given room for its longest word (up to 16 characters, so words are not
    /// broken); what is left is shared by how much more the columns hold on average (up to 60
    /// characters) — a column of long messages is wide, a column of codes or ratings narrow.
    static func columnWidths(_ table: Table, columns: Int, total: Int) -> [Int] {
        // An 8-point character is about 90 twentieths of a point wide, and a cell has 2 × 57 of margin.
        let perCharacter = 90
        let margin = 120
        var minimums: [Int] = []
        var extras: [Int] = []
        for position in 0..<columns {
            let texts = table.rows.map { row in position < row.count ? PlainText.lines(row[position].lines) : "" }
                + [position < table.headers.count ? table.headers[position] : ""]
            let mean = min(texts.map(\.count).reduce(0, +) / texts.count, 60)
            let word = min(texts.flatMap { $0.split(whereSeparator: { $0 == " " || $0 == "/" }) }.map(\.count).max() ?? 0, 16)
            minimums.append(max(word, 3) * perCharacter + margin)
            extras.append(max(mean - word, 0) + 1)
        }
        let needed = minimums.reduce(0, +)
        guard needed < total else { return minimums.map { $0 * total / needed } }
        let spare = total - needed
        let weight = extras.reduce(0, +)
        return zip(minimums, extras).map { $0 + spare * $1 / weight }
    }

    /// Each line of the cell is a paragraph; a cell must hold at least one.
    static func cell(_ lines: [[Inline]], width: Int) -> String {
        let paragraphs = (lines.isEmpty ? [[]] : lines).map { "<w:p><w:pPr><w:pStyle w:val=\"TableText\"/></w:pPr>" + runs($0) + "</w:p>" }
        return "<w:tc><w:tcPr><w:tcW w:w=\"\(width)\" w:type=\"dxa\"/></w:tcPr>" + paragraphs.joined() + "</w:tc>"
    }

    /// The diagram inline, scaled to the portrait text width (and at most 20 cm high).
    static func drawing(_ image: Image, alternative: String) -> String {
        let emuPerTwip = 635
        let maxWidth = (11906 - 2 * 1134) * emuPerTwip
        let maxHeight = 7_200_000
        let scale = min(Double(maxWidth) / Double(max(image.width, 1)), Double(maxHeight) / Double(max(image.height, 1)))
        let cx = Int(Double(image.width) * scale)
        let cy = Int(Double(image.height) * scale)
        let description = HTMLText.attribute(alternative)
        return "<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">"
            + "<wp:extent cx=\"\(cx)\" cy=\"\(cy)\"/><wp:docPr id=\"1\" name=\"Diagram\" descr=\"\(description)\"/>"
            + "<a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic>"
            + "<pic:nvPicPr><pic:cNvPr id=\"1\" name=\"diagram.png\" descr=\"\(description)\"/><pic:cNvPicPr/></pic:nvPicPr>"
            + "<pic:blipFill><a:blip r:embed=\"rIdDiagram\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>"
            + "<pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"\(cx)\" cy=\"\(cy)\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr>"
            + "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>\n"
    }
}
