import FlowModel
import FlowWorkspace

/// The document notifications: the editor's text replaces the disk's while a document is open,
/// and the model it belongs to is checked again.
extension LanguageServer {
    func didOpen(_ params: DidOpenTextDocumentParams) throws {
        let path = try uris.requirePath(of: params.textDocument.uri)
        documents.open(path: path, uri: params.textDocument.uri, version: params.textDocument.version, text: params.textDocument.text)
        guard !StandardLibrary.isLibraryPath(path) else { return }
        let (session, isNew) = openSession(for: path)
        if isNew { publishDiagnostics(of: session) } else { recheck(session) }
    }

    func didChange(_ params: DidChangeTextDocumentParams) throws {
        let path = try uris.requirePath(of: params.textDocument.uri)
        try documents.change(path: path, version: params.textDocument.version, changes: params.contentChanges)
        guard !StandardLibrary.isLibraryPath(path) else { return }
        stale.insert(session(for: path).location.key)
    }

    func didSave(_ params: DidSaveTextDocumentParams) throws {
        let path = try uris.requirePath(of: params.textDocument.uri)
        guard !StandardLibrary.isLibraryPath(path) else { return }
        let session = session(for: path)
        session.diskChanged()
        recheck(session)
    }

    func didClose(_ params: DidCloseTextDocumentParams) throws {
        let path = try uris.requirePath(of: params.textDocument.uri)
        documents.close(path: path)
        guard !StandardLibrary.isLibraryPath(path) else { return }
        let session = session(for: path)
        let stillOpen = documents.documents.keys.contains { session.location.holds($0) }
        if stillOpen {
            session.diskChanged()
            recheck(session)
        } else {
            // Nothing of the model is open: its diagnostics are withdrawn and its files let go.
            withdrawDiagnostics(of: session)
            sessions[session.location.key] = nil
        }
    }

    func didChangeWatchedFiles(_ params: DidChangeWatchedFilesParams) throws {
        locations = [:]
        guard params.changes.contains(where: { $0.uri.hasSuffix("/" + WorkspaceManifest.fileName) }) else {
            for session in sessions.values.sorted(by: { $0.location.key < $1.location.key }) {
                session.diskChanged()
                recheck(session)
            }
            return
        }
        // The workspace file changed: which models there are, and their settings, may have too.
        // Every model starts again from the open documents.
        for session in sessions.values.sorted(by: { $0.location.key < $1.location.key }) { withdrawDiagnostics(of: session) }
        sessions = [:]
        for path in documents.documents.keys.sorted() where !StandardLibrary.isLibraryPath(path) {
            let (session, isNew) = openSession(for: path)
            if isNew { publishDiagnostics(of: session) }
        }
    }

    /// Clears every diagnostic the session published.
    func withdrawDiagnostics(of session: ModelSession) {
        for published in session.publishedPaths.keys.sorted() {
            send(NotificationMessage(method: "textDocument/publishDiagnostics", params: PublishDiagnosticsParams(uri: uris.uri(of: published), version: nil, diagnostics: [])))
        }
        session.publishedPaths = [:]
    }
}
