/// `word/styles.xml`: Word's own style names (Title, Heading 1–3, Caption…) so that a DPO's template,
/// navigation pane and table of contents pick them up; 10 pt body text, tables with a light grid.
enum DOCXStyles {
    static let xml = DOCXWriter.xmlDeclaration
        + "<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
        + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Arial\" w:hAnsi=\"Arial\" w:eastAsia=\"Arial\" w:cs=\"Arial\"/>"
        + "<w:sz w:val=\"20\"/><w:szCs w:val=\"20\"/><w:lang w:val=\"en-GB\"/></w:rPr></w:rPrDefault>"
        + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
        + paragraphStyle("Normal", name: "Normal", isDefault: true)
        + paragraphStyle("Title", name: "Title", paragraph: "<w:spacing w:after=\"240\"/>", run: "<w:b/><w:sz w:val=\"40\"/>")
        + paragraphStyle("Subtitle", name: "Subtitle", paragraph: "<w:spacing w:after=\"60\"/>", run: "<w:color w:val=\"404040\"/>")
        + paragraphStyle("Generated", name: "Generated note", paragraph: "<w:spacing w:after=\"240\"/>", run: "<w:i/><w:color w:val=\"595959\"/>")
        + heading(1, size: 32) + heading(2, size: 26) + heading(3, size: 22)
        + paragraphStyle("Caption", name: "caption", paragraph: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\"/>", run: "<w:i/>")
        + paragraphStyle("ListBullet", name: "List Bullet", paragraph: "<w:ind w:left=\"360\" w:hanging=\"360\"/>")
        + paragraphStyle("TableText", name: "Table text", paragraph: "<w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
                         run: "<w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/>")
        + "<w:style w:type=\"character\" w:styleId=\"Code\"><w:name w:val=\"Code\"/>"
        + "<w:rPr><w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\" w:cs=\"Courier New\"/></w:rPr></w:style>"
        + "<w:style w:type=\"table\" w:styleId=\"ReportTable\"><w:name w:val=\"Report table\"/><w:tblPr>"
        + "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>" }.joined()
        + "</w:tblBorders><w:tblCellMar><w:left w:w=\"57\" w:type=\"dxa\"/><w:right w:w=\"57\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
        + "</w:styles>\n"

    static func paragraphStyle(_ id: String, name: String, isDefault: Bool = false, paragraph: String = "", run: String = "") -> String {
        "<w:style w:type=\"paragraph\"" + (isDefault ? " w:default=\"1\"" : "") + " w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
            + (isDefault ? "" : "<w:basedOn w:val=\"Normal\"/><w:qFormat/>")
            + (paragraph.isEmpty ? "" : "<w:pPr>" + paragraph + "</w:pPr>") + (run.isEmpty ? "" : "<w:rPr>" + run + "</w:rPr>") + "</w:style>"
    }

    /// "heading 1" is the name Word recognises; the outline level puts it in the navigation pane.
    static func heading(_ level: Int, size: Int) -> String {
        paragraphStyle("Heading\(level)", name: "heading \(level)",
                       paragraph: "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"\(level - 1)\"/>",
                       run: "<w:b/><w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>")
    }
}
