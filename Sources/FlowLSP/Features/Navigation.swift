import FlowLanguage
import FlowModel
import Foundation

extension LanguageServer {
    func definition(_ params: TextDocumentPositionParams) throws -> [Location]? {
        let (session, file) = try file(params.textDocument.uri)
        let context = CursorContext(file, offset: TextPositions.offset(of: params.position, in: file))
        if let token = context.token, token.kind == .string, context.property == nil, context.statement?.name == "include" {
            // `include "path"`: the file itself.
            let target = PathArithmetic.resolve(token.text, from: file.path)
            guard FileManager.default.fileExists(atPath: target) else { return nil }
            let start = Position(line: 0, character: 0)
            return [Location(uri: uris.uri(of: target), range: TextRange(start: start, end: start))]
        }
        guard let name = wordUnderCursor(file, params.position), let declared = declaration(named: name, in: session),
              let location = location(of: declared.symbol.nameSpan, in: session) else { return nil }
        return [location]
    }

    func references(_ params: ReferenceParams) throws -> [Location]? {
        let (session, file) = try file(params.textDocument.uri)
        guard let name = wordUnderCursor(file, params.position), let declared = declaration(named: name, in: session) else { return nil }
        let includeDeclaration = params.context?.includeDeclaration ?? true
        return session.allSymbols().flatMap { symbols in
            symbols.uses(of: name).filter { includeDeclaration || $0 != declared.symbol.nameSpan }.compactMap { location(of: $0, in: session) }
        }
    }

    func rename(_ params: RenameParams) throws -> WorkspaceEdit? {
        let (session, file) = try file(params.textDocument.uri)
        guard let name = wordUnderCursor(file, params.position), let declared = declaration(named: name, in: session) else {
            throw ResponseError(code: ResponseError.requestFailed, message: "there is no declared name here to rename")
        }
        guard !StandardLibrary.isLibraryPath(declared.path) else {
            throw ResponseError(code: ResponseError.requestFailed, message: "`\(name)` is declared by the standard library (`use std`), which cannot be edited")
        }
        guard Self.isName(params.newName) else {
            throw ResponseError(code: ResponseError.invalidParams, message: "`\(params.newName)` is not a name: use letters, digits, `-`, `_` and `.`")
        }
        var changes: [String: [TextEdit]] = [:]
        for symbols in session.allSymbols() where !StandardLibrary.isLibraryPath(symbols.file.path) {
            let edits = symbols.uses(of: name).map { TextEdit(range: TextPositions.range(of: $0, in: symbols.file), newText: params.newName) }
            if !edits.isEmpty { changes[uris.uri(of: symbols.file.path)] = edits }
        }
        return WorkspaceEdit(changes: changes)
    }

    func documentSymbols(_ params: DocumentParams) throws -> [DocumentSymbol]? {
        let (session, file) = try file(params.textDocument.uri)
        return session.symbols.symbols(file).declarations.map { documentSymbol($0, in: file) }
    }

    func workspaceSymbols(_ params: WorkspaceSymbolParams) throws -> [SymbolInformation]? {
        let query = params.query.lowercased()
        var result: [SymbolInformation] = []
        for session in sessions.values.sorted(by: { $0.location.key < $1.location.key }) {
            for symbols in session.allSymbols() where !StandardLibrary.isLibraryPath(symbols.file.path) {
                for symbol in symbols.allDeclarations where query.isEmpty || symbol.name.lowercased().contains(query) {
                    guard let location = location(of: symbol.nameSpan, in: session) else { continue }
                    result.append(SymbolInformation(name: symbol.name, kind: Self.symbolKind(symbol), location: location, containerName: session.location.name))
                }
            }
        }
        return result
    }

    private func documentSymbol(_ symbol: DeclaredSymbol, in file: SourceFile) -> DocumentSymbol {
        DocumentSymbol(
            name: symbol.name, detail: [symbol.kind?.rawValue, symbol.title].compactMap { $0 }.joined(separator: ": "), kind: Self.symbolKind(symbol),
            range: TextPositions.range(of: symbol.span, in: file), selectionRange: TextPositions.range(of: symbol.nameSpan, in: file),
            children: symbol.children.isEmpty ? nil : symbol.children.map { documentSymbol($0, in: file) }
        )
    }

    /// The protocol's SymbolKind for each kind of declaration.
    static func symbolKind(_ symbol: DeclaredSymbol) -> Int {
        switch symbol.kind {
        case .organisation: 5
        case .boundary: 3
        case .dataset: 23
        case .purpose: 22
        case .approval, .agreement, .contract, .arrangement, .dpia, .gateway, .notice: 11
        case .optOut: 24
        case .key: 20
        case .flow: 12
        case nil: 13
        }
    }

    /// The word under the cursor, read from the file's syntax.
    func wordUnderCursor(_ file: SourceFile, _ position: Position) -> String? {
        let context = CursorContext(file, offset: TextPositions.offset(of: position, in: file))
        guard let token = context.token, token.kind == .word, context.argumentIndex != nil else { return nil }
        return token.text
    }

    /// Whether the lexer reads `text` as exactly one word.
    static func isName(_ text: String) -> Bool {
        let file = SourceFile(path: "<rename>", text: text)
        let (tokens, diagnostics) = Lexer.tokenize(file)
        let words = tokens.filter { $0.kind == .word }
        return diagnostics.isEmpty && words.count == 1 && words[0].span.start == 0 && words[0].span.end == file.bytes.count
    }
}
