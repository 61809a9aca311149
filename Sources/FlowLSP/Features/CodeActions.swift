import FlowLanguage
import FlowModel
import FlowRules
import Foundation

extension LanguageServer {
    /// Quick fixes for the findings in the range whose help names a mechanical fix.
    func codeActions(_ params: CodeActionParams) throws -> [CodeAction]? {
        let (session, file) = try file(params.textDocument.uri)
        let start = TextPositions.offset(of: params.range.start, in: file)
        let end = TextPositions.offset(of: params.range.end, in: file)
        var actions: [CodeAction] = []
        for finding in session.findings where finding.span.path == file.path && finding.span.start <= end && start <= finding.span.end {
            guard let help = finding.help, let fix = QuickFix(finding: finding, help: help, file: file) else { continue }
            actions.append(CodeAction(title: "\(finding.code): \(fix.title)", edit: WorkspaceEdit(changes: [params.textDocument.uri: fix.edits])))
        }
        return actions
    }
}

/// A finding's fix, when its help says exactly what to write: a property line added to the
/// declaration (`add \`applies ndoo\``), or an instrument declared with the names filled in and
/// cited on the flow (`declare \`contract NAME { controller … processor … }\``).
struct QuickFix {
    let title: String
    let edits: [TextEdit]

    init?(finding: Finding, help: String, file: SourceFile) {
        let context = CursorContext(file, offset: finding.span.start)
        guard let declaration = context.declaration else { return nil }
        if let skeleton = Self.match(#"declare `(contract|agreement|arrangement) NAME \{ ([^`]*) \}`"#, in: help),
           let fix = Self.declare(keyword: skeleton[0], body: skeleton[1], for: declaration, in: file) {
            self = fix
            return
        }
        guard let addition = Self.match(#"add `([a-z0-9-]+) ([^`]+)`"#, in: help),
              LanguageSchema.properties(of: declaration.name)?.contains(addition[0]) == true,
              !Self.hasPlaceholder(addition[1]) else { return nil }
        title = "add `\(addition[0]) \(addition[1])`"
        edits = [Self.add(property: addition[0], value: addition[1], to: declaration, in: file)]
    }

    /// A new declaration after `declaration`, built from the help's one-line body: each property
    /// on its own line, values `…` filled from the flow (its purposes, data and parties) or left
    /// out; and the flow citing it.
    private static func declare(keyword: String, body: String, for declaration: SyntaxNode, in file: SourceFile) -> QuickFix? {
        guard declaration.name == "flow", let properties = LanguageSchema.properties(of: keyword) else { return nil }
        let header = declaration.arguments
        guard header.count >= 4, let arrow = header.firstIndex(ofKind: .arrow), arrow >= 2, arrow + 1 < header.count else { return nil }
        let flowID = header.text(at: 0)
        let parties = "\(header.text(at: arrow - 1)), \(header.text(at: arrow + 1))"
        let filled: [String: String] = [
            "purposes": Self.arguments(of: "purpose", in: declaration),
            "datasets": Self.arguments(of: "data", in: declaration),
            "parties": parties,
        ].compactMapValues { $0 }
        var lines: [(String, [String])] = []
        for word in body.split(separator: " ").map(String.init) {
            if properties.contains(word) { lines.append((word, [])) } else if !lines.isEmpty { lines[lines.count - 1].1.append(word) }
        }
        let name = "\(flowID)-\(keyword)"
        var text = "\n\(keyword) \(name) {\n"
        for (property, words) in lines {
            let value = words.joined(separator: " ")
            if value.isEmpty || value.contains("…") {
                guard let fill = filled[property] else { continue }
                text += "  \(property) \(fill)\n"
            } else {
                text += "  \(property) \(value)\n"
            }
        }
        text += "}\n"
        let end = TextPositions.position(of: declaration.span.end, in: file)
        let insertion = TextEdit(range: TextRange(start: end, end: end), newText: "\n" + text.dropLast())
        return QuickFix(title: "declare `\(keyword) \(name)` and cite it", edits: [add(property: "agreement", value: name, to: declaration, in: file), insertion])
    }

    private init(title: String, edits: [TextEdit]) {
        self.title = title
        self.edits = edits
    }

    /// `value` added to the declaration's `property` line (as one more list item), or a new line
    /// for it at the end of the block.
    static func add(property: String, value: String, to declaration: SyntaxNode, in file: SourceFile) -> TextEdit {
        if let existing = declaration.statements.first(where: { $0.name == property }) {
            let end = TextPositions.position(of: existing.headerSpan.end, in: file)
            return TextEdit(range: TextRange(start: end, end: end), newText: ", \(value)")
        }
        let indent = declaration.statements.first.map { String(repeating: " ", count: TextPositions.position(of: $0.keywordSpan.start, in: file).character) } ?? "  "
        guard let close = declaration.block?.closeSpan else {
            let end = TextPositions.position(of: declaration.headerSpan.end, in: file)
            return TextEdit(range: TextRange(start: end, end: end), newText: " {\n\(indent)\(property) \(value)\n}")
        }
        let closing = TextPositions.position(of: close.start, in: file)
        let lineStart = Position(line: closing.line, character: 0)
        return TextEdit(range: TextRange(start: lineStart, end: lineStart), newText: "\(indent)\(property) \(value)\n")
    }

    /// A property line's arguments as written (`a, b`), or nil when the block has no such line.
    private static func arguments(of property: String, in declaration: SyntaxNode) -> String? {
        guard let statement = declaration.statements.first(where: { $0.name == property }) else { return nil }
        let arguments = statement.arguments
        var text = ""
        for position in 0..<arguments.count {
            if arguments.kind(at: position) == .comma { text += "," } else { text += (text.isEmpty ? "" : " ") + arguments.text(at: position) }
        }
        return text
    }

    /// Words in capitals (`CONDITION`, `APPROVAL`) and `…` stand for what the author must choose.
    private static func hasPlaceholder(_ value: String) -> Bool {
        value.contains("…") || value.contains("\"") || value.split(separator: " ").contains { word in
            word.count > 1 && word.allSatisfy { $0.isUppercase || $0 == "-" }
        }
    }

    private static func match(_ pattern: String, in text: String) -> [String]? {
        guard let expression = try? NSRegularExpression(pattern: pattern),
              let found = expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return nil }
        return (1..<found.numberOfRanges).compactMap { Swift.Range(found.range(at: $0), in: text).map { String(text[$0]) } }
    }
}
