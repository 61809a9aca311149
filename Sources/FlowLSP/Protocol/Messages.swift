/// Params and results of the requests and notifications the server handles.

struct InitializeParams: Decodable {
    struct Options: Decodable {
        /// The date that decides expiry and overdue reviews (YYYY-MM-DD); default today, UTC.
        var asOf: String?
    }

    var rootUri: String?
    var initializationOptions: Options?
}

struct InitializeResult: Encodable {
    struct ServerInfo: Encodable {
        let name: String
        let version: String
    }

    let capabilities: ServerCapabilities
    let serverInfo: ServerInfo
}

struct ServerCapabilities: Encodable {
    struct Sync: Encodable {
        let openClose = true
        /// 2: incremental changes.
        let change = 2
        let save = true
    }

    struct CompletionOptions: Encodable {
        let triggerCharacters = [" ", ">"]
    }

    struct RenameOptions: Encodable {
        let prepareProvider = false
    }

    struct CodeActionOptions: Encodable {
        let codeActionKinds = ["quickfix"]
    }

    let textDocumentSync = Sync()
    let hoverProvider = true
    let definitionProvider = true
    let referencesProvider = true
    let completionProvider = CompletionOptions()
    let codeActionProvider = CodeActionOptions()
    let documentFormattingProvider = true
    let documentSymbolProvider = true
    let workspaceSymbolProvider = true
    let renameProvider = RenameOptions()
    let positionEncoding = "utf-16"
}

struct DidOpenTextDocumentParams: Decodable {
    var textDocument: TextDocumentItem
}

struct DidChangeTextDocumentParams: Decodable {
    struct Change: Decodable {
        /// Absent: the change replaces the whole text.
        var range: TextRange?
        var text: String
    }

    var textDocument: VersionedTextDocumentIdentifier
    var contentChanges: [Change]
}

struct DidCloseTextDocumentParams: Decodable {
    var textDocument: TextDocumentIdentifier
}

struct DidSaveTextDocumentParams: Decodable {
    var textDocument: TextDocumentIdentifier
}

struct DidChangeWatchedFilesParams: Decodable {
    struct FileEvent: Decodable {
        var uri: String
        var type: Int
    }

    var changes: [FileEvent]
}

struct TextDocumentPositionParams: Decodable {
    var textDocument: TextDocumentIdentifier
    var position: Position
}

struct RenameParams: Decodable {
    var textDocument: TextDocumentIdentifier
    var position: Position
    var newName: String
}

struct ReferenceParams: Decodable {
    struct Context: Decodable {
        var includeDeclaration: Bool
    }

    var textDocument: TextDocumentIdentifier
    var position: Position
    var context: Context?
}

struct DocumentParams: Decodable {
    var textDocument: TextDocumentIdentifier
}

struct WorkspaceSymbolParams: Decodable {
    var query: String
}

struct CodeActionParams: Decodable {
    var textDocument: TextDocumentIdentifier
    var range: TextRange
}

struct PublishDiagnosticsParams: Encodable, Equatable {
    let uri: String
    let version: Int?
    let diagnostics: [LSPDiagnostic]
}

struct LSPDiagnostic: Encodable, Sendable, Equatable {
    struct RelatedInformation: Encodable, Sendable, Equatable {
        let location: Location
        let message: String
    }

    let range: TextRange
    /// 1 error, 2 warning, 3 information.
    let severity: Int
    let code: String
    let source = "flowgate"
    let message: String
    let relatedInformation: [RelatedInformation]?
}

struct Hover: Encodable {
    let contents: MarkupContent
    let range: TextRange?
}

struct CompletionItem: Encodable, Hashable {
    /// The protocol's CompletionItemKind: 10 property, 12 value, 14 keyword, 6 variable (a declared name).
    let label: String
    let kind: Int
    let detail: String?
}

struct CompletionList: Encodable {
    let isIncomplete = false
    let items: [CompletionItem]
}

struct CodeAction: Encodable {
    let title: String
    let kind = "quickfix"
    let edit: WorkspaceEdit
}

struct DocumentSymbol: Encodable {
    let name: String
    let detail: String?
    /// The protocol's SymbolKind.
    let kind: Int
    let range: TextRange
    let selectionRange: TextRange
    let children: [DocumentSymbol]?
}

struct SymbolInformation: Encodable {
    let name: String
    let kind: Int
    let location: Location
    let containerName: String?
}
