import FlowLanguage
import FlowModel
import Foundation

/// `flowgate lsp`: reads framed JSON-RPC messages, answers each request in turn, and publishes
/// diagnostics for the model a document belongs to whenever one of its documents changes. A
/// request that fails is answered with an error and the server goes on.
public final class LanguageServer {
    private let writer: MessageWriter
    let uris: DocumentURI
    var documents = DocumentStore()
    /// One per model that has an open document; dropped when its last document closes.
    var sessions: [String: ModelSession] = [:]
    /// Which model each folder's files belong to, worked out once per folder.
    var locations: [String: ModelLocation] = [:]
    var asOf: Day
    private var shutdownRequested = false
    /// Models edited since they were last checked. A burst of edits (typing) is checked once, when
    /// no message is waiting or before a request is answered.
    var stale: Set<String> = []

    /// flowgate's version, which `initialize` tells the client.
    let version: String

    public init(output: Int32, libraryFolder: String?, asOf: Day, version: String = "") {
        writer = MessageWriter(descriptor: output)
        self.version = version
        uris = DocumentURI(libraryFolder: libraryFolder)
        self.asOf = asOf
    }

    /// Serves until `exit` or the end of the input; the process's exit status (0 after `shutdown`).
    public func run(input: Int32) -> Int32 {
        var reader = MessageReader(descriptor: input)
        while true {
            let body: [UInt8]?
            do { body = try reader.next() } catch { return 1 }
            guard let body else { return 1 }
            if let status = handle(body) { return status }
            if !reader.hasPendingInput { checkEditedModels() }
        }
    }

    /// Handles one message's body; an exit status when the server is to stop.
    public func handle(_ body: [UInt8]) -> Int32? {
        guard let header = try? JSONCoding.decode(IncomingHeader.self, from: body) else {
            send(ResponseMessage<Bool>(id: nil, result: nil, error: ResponseError(code: ResponseError.parseError, message: "the message is not JSON-RPC")))
            return nil
        }
        guard let method = header.method else { return nil }
        switch method {
        case "exit": return shutdownRequested ? 0 : 1
        case "shutdown":
            shutdownRequested = true
            send(ResponseMessage<Bool>(id: header.id, result: nil, error: nil))
        case "initialize": answer(header.id, body, initialize)
        case "textDocument/didOpen": notification(body, didOpen)
        case "textDocument/didChange": notification(body, didChange)
        case "textDocument/didClose": notification(body, didClose)
        case "textDocument/didSave": notification(body, didSave)
        case "workspace/didChangeWatchedFiles": notification(body, didChangeWatchedFiles)
        case "textDocument/hover": answer(header.id, body, hover)
        case "textDocument/definition": answer(header.id, body, definition)
        case "textDocument/references": answer(header.id, body, references)
        case "textDocument/completion": answer(header.id, body, completion)
        case "textDocument/codeAction": answer(header.id, body, codeActions)
        case "textDocument/formatting": answer(header.id, body, formatting)
        case "textDocument/documentSymbol": answer(header.id, body, documentSymbols)
        case "workspace/symbol": answer(header.id, body, workspaceSymbols)
        case "textDocument/rename": answer(header.id, body, rename)
        default:
            // Unknown notifications (`initialized`, `$/cancelRequest`, …) need nothing.
            if let id = header.id {
                send(ResponseMessage<Bool>(id: id, result: nil, error: ResponseError(code: ResponseError.methodNotFound, message: "unsupported method `\(method)`")))
            }
        }
        return nil
    }

    /// Decodes the params, runs the handler and sends its result, or the error it failed with.
    private func answer<Params: Decodable, Result: Encodable>(_ id: RequestID?, _ body: [UInt8], _ handler: (Params) throws -> Result?) {
        checkEditedModels()
        do {
            let params = try JSONCoding.decode(IncomingParams<Params>.self, from: body).params
            send(ResponseMessage(id: id, result: try handler(params), error: nil))
        } catch let error as ResponseError {
            send(ResponseMessage<Bool>(id: id, result: nil, error: error))
        } catch let error as DecodingError {
            send(ResponseMessage<Bool>(id: id, result: nil, error: ResponseError(code: ResponseError.invalidParams, message: "invalid params: \(error)")))
        } catch {
            send(ResponseMessage<Bool>(id: id, result: nil, error: ResponseError(code: ResponseError.requestFailed, message: "\(error)")))
        }
    }

    /// Notifications are not answered: one that cannot be handled is passed over.
    private func notification<Params: Decodable>(_ body: [UInt8], _ handler: (Params) throws -> Void) {
        guard let params = try? JSONCoding.decode(IncomingParams<Params>.self, from: body).params else { return }
        try? handler(params)
    }

    func send<Message: Encodable>(_ message: Message) {
        guard let bytes = try? JSONCoding.encode(message) else { return }
        writer.write(bytes)
    }


    private func initialize(_ params: InitializeParams) throws -> InitializeResult {
        if let text = params.initializationOptions?.asOf {
            guard let day = Day(iso: text) else {
                throw ResponseError(code: ResponseError.invalidParams, message: "`asOf` is not a date (YYYY-MM-DD): \(text)")
            }
            asOf = day
        }
        return InitializeResult(capabilities: ServerCapabilities(), serverInfo: .init(name: "flowgate", version: version))
    }

    // MARK: - Models

    /// The model `path` belongs to, checked (a new session is checked at once).
    func session(for path: String) -> ModelSession {
        openSession(for: path).session
    }

    /// The model `path` belongs to, and whether it was made (and checked) just now.
    func openSession(for path: String) -> (session: ModelSession, isNew: Bool) {
        if StandardLibrary.isLibraryPath(path), let holder = sessions.values.sorted(by: { $0.location.key < $1.location.key }).first(where: { $0.files.contains(path) }) {
            return (holder, false)
        }
        let folder = PathArithmetic.directory(of: path)
        let location = locations[folder] ?? ModelLocation.containing(path)
        locations[folder] = location
        if let session = sessions[location.key] { return (session, false) }
        let session = ModelSession(location: location)
        sessions[location.key] = session
        session.check(documents: documents, asOf: asOf)
        return (session, true)
    }

    /// Checks the models edited since their last check and publishes their diagnostics.
    public func checkEditedModels() {
        for key in stale.sorted() {
            if let session = sessions[key] { recheck(session) }
        }
        stale = []
    }

    /// Checks the model again and publishes what changed.
    func recheck(_ session: ModelSession) {
        stale.remove(session.location.key)
        session.check(documents: documents, asOf: asOf)
        publishDiagnostics(of: session)
    }

    /// The session and file for a request about `uri`; the file as the latest check read it.
    func file(_ uri: String) throws -> (session: ModelSession, file: SourceFile) {
        let path = try uris.requirePath(of: uri)
        if !StandardLibrary.isLibraryPath(path), documents[path] == nil, !FileManager.default.fileExists(atPath: path) {
            throw ResponseError(code: ResponseError.invalidParams, message: "no such document: \(uri)")
        }
        let session = session(for: path)
        guard let file = session.source(path) else {
            throw ResponseError(code: ResponseError.invalidParams, message: "`\(path)` is not part of the model \(session.location.name.map { "`\($0)`" } ?? "in \(session.location.key)")")
        }
        return (session, file)
    }

    // MARK: - Introspection for tests and benchmarks

    /// How many files every session holds lowered, and how many documents are open.
    public var retainedFileCount: Int { sessions.values.reduce(0) { $0 + $1.cachedFileCount + $1.symbols.count } }
    public var openDocumentCount: Int { documents.count }
    /// The latest checks' milliseconds loading models and running the rules over them.
    public var lastCheckTimes: (load: Double, rules: Double) {
        sessions.values.reduce((0, 0)) { ($0.0 + $1.lastCheckTimes.load, $0.1 + $1.lastCheckTimes.rules) }
    }
    /// How many files the latest checks parsed (the others came from the cache).
    public var parsedOnLastCheck: Int { sessions.values.reduce(0) { $0 + $1.lastParsedCount } }
}
