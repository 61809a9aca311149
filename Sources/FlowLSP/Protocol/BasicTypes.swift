/// The Language Server Protocol 3.17 structures the server reads and writes (only those it uses).

public struct Position: Codable, Sendable, Hashable, Comparable {
    /// Zero-based line.
    public var line: Int
    /// Zero-based, in UTF-16 code units (the protocol's default position encoding).
    public var character: Int

    public init(line: Int, character: Int) {
        self.line = line
        self.character = character
    }

    public static func < (lhs: Position, rhs: Position) -> Bool { (lhs.line, lhs.character) < (rhs.line, rhs.character) }
}

public struct TextRange: Codable, Sendable, Hashable {
    public var start: Position
    public var end: Position

    public init(start: Position, end: Position) {
        self.start = start
        self.end = end
    }
}

public struct Location: Codable, Sendable, Hashable {
    public var uri: String
    public var range: TextRange
}

public struct TextDocumentIdentifier: Codable, Sendable {
    public var uri: String
}

public struct VersionedTextDocumentIdentifier: Codable, Sendable {
    public var uri: String
    public var version: Int?
}

public struct TextDocumentItem: Codable, Sendable {
    public var uri: String
    public var languageId: String?
    public var version: Int
    public var text: String
}

public struct TextEdit: Codable, Sendable, Hashable {
    public var range: TextRange
    public var newText: String
}

public struct WorkspaceEdit: Codable, Sendable {
    /// By document URI.
    public var changes: [String: [TextEdit]]
}

public struct MarkupContent: Codable, Sendable {
    public var kind = "markdown"
    public var value: String
}
