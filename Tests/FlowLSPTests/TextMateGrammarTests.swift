import FlowLanguage
import FlowLSP
import FlowModel
import Foundation
import Testing

/// The VS Code extension's TextMate grammar: made from the language's schema, and giving every
/// file of flows/ the scopes its tokens imply.
@Suite struct TextMateGrammarTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let grammarPath = root.appendingPathComponent("editors/vscode/syntaxes/flow.tmLanguage.json")

    @Test func theCommittedGrammarIsTheOneTheSchemaMakes() throws {
        let generated = TextMateGrammar.json()
        if ProcessInfo.processInfo.environment["FLOWGATE_UPDATE_GOLDEN"] == "1" {
            try generated.write(to: Self.grammarPath, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: Self.grammarPath, encoding: .utf8)
        #expect(committed == generated, "editors/vscode/syntaxes/flow.tmLanguage.json is stale; rerun with FLOWGATE_UPDATE_GOLDEN=1")
    }

    @Test func everyFileOfFlowsGetsTheScopesItsTokensImply() throws {
        let matcher = try TextMateMatcher(grammar: try Data(contentsOf: Self.grammarPath))
        let files = try flowFiles()
        #expect(files.count >= 10)
        let library = StandardLibrary.libraries["std"]?.files.map { SourceFile(path: $0.path, text: $0.text) } ?? []
        let declared = Set((files + library).flatMap { FileSymbols($0).declaredNames })
        var failures: [String] = []
        var checked: [String: Int] = [:]
        for file in files {
            let scopes = matcher.scopes(of: String(decoding: file.bytes, as: UTF8.self))
            func expect(_ span: SourceSpan, _ scope: String) {
                checked[scope, default: 0] += 1
                let (line, first) = position(of: span.start, in: file)
                let (_, last) = position(of: span.end, in: file)
                let units = first..<max(first + 1, last)
                guard units.allSatisfy({ $0 < scopes[line].count && scopes[line][$0].contains(scope) }) else {
                    let found = first < scopes[line].count ? scopes[line][first] : []
                    failures.append("\(file.path):\(line + 1):\(first + 1): `\(file.lineText(line + 1))` expected \(scope), found \(found)")
                    return
                }
            }
            for token in Lexer.tokenize(file).tokens {
                if token.kind == .comment { expect(token.span, "comment.line.number-sign.flow") }
                if token.kind == .string { expect(token.span, "string.quoted.double.flow") }
            }
            func walk(_ node: SyntaxNode, parent: SyntaxNode?) {
                expect(node.keywordSpan, parent == nil ? "keyword.declaration.flow" : "keyword.other.property.flow")
                let vocabulary = parent.flatMap { LanguageSchema.vocabulary(of: node.name, in: $0.name)?.values } ?? []
                let arguments = node.arguments
                for position in 0..<arguments.count where arguments.kind(at: position) == .word {
                    let text = arguments.text(at: position)
                    if vocabulary.contains(text) || (parent == nil && node.name == "at" && position == 1) {
                        expect(arguments.span(at: position), "constant.language.flow")
                    } else if declared.contains(text) {
                        expect(arguments.span(at: position), "variable.other.name.flow")
                    }
                }
                for statement in node.statements { walk(statement, parent: node) }
            }
            for node in Parser.parse(file).syntax.statements { walk(node, parent: nil) }
        }
        #expect(failures.isEmpty, "\(failures.count) tokens mis-scoped, first: \(failures.prefix(15).joined(separator: "\n"))")
        // Every kind of token was met, so none of the checks above is vacuous.
        for scope in ["comment.line.number-sign.flow", "string.quoted.double.flow", "keyword.declaration.flow", "keyword.other.property.flow", "constant.language.flow", "variable.other.name.flow"] {
            #expect(checked[scope, default: 0] > 50, "\(scope)")
        }
    }

    private func flowFiles() throws -> [SourceFile] {
        let folder = Self.root.appendingPathComponent("flows")
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".flow") { paths.append(path) }
        }
        return try paths.sorted().map { path in
            SourceFile(path: "flows/" + path, bytes: Array(try Data(contentsOf: folder.appendingPathComponent(path))))
        }
    }

    /// Zero-based line and UTF-16 column of a byte offset.
    private func position(of offset: Int, in file: SourceFile) -> (line: Int, column: Int) {
        let line = (file.lineStarts.lastIndex { $0 <= offset }) ?? 0
        let column = String(decoding: file.bytes[file.lineStarts[line]..<offset], as: UTF8.self).utf16.count
        return (line, column)
    }
}
