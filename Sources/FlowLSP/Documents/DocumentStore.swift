import FlowLanguage

/// The documents the client has open, by path: their text is the editor's, not the disk's.
struct DocumentStore {
    struct Document {
        let uri: String
        var version: Int
        var bytes: [UInt8]
    }

    private(set) var documents: [String: Document] = [:]

    var count: Int { documents.count }

    subscript(path: String) -> Document? { documents[path] }

    mutating func open(path: String, uri: String, version: Int, text: String) {
        documents[path] = Document(uri: uri, version: version, bytes: Array(text.utf8))
    }

    mutating func close(path: String) {
        documents[path] = nil
    }

    /// Applies the client's changes in order: a change with a range replaces that range, one
    /// without replaces the whole text.
    mutating func change(path: String, version: Int?, changes: [DidChangeTextDocumentParams.Change]) throws {
        guard var document = documents[path] else {
            throw ResponseError(code: ResponseError.invalidParams, message: "`\(path)` is not open")
        }
        for change in changes {
            guard let range = change.range else {
                document.bytes = Array(change.text.utf8)
                continue
            }
            let file = SourceFile(path: path, bytes: document.bytes)
            let start = TextPositions.offset(of: range.start, in: file)
            let end = max(start, TextPositions.offset(of: range.end, in: file))
            document.bytes.replaceSubrange(start..<end, with: Array(change.text.utf8))
        }
        if let version { document.version = version }
        documents[path] = document
    }
}
