/// A half-open byte range `[start, end)` in one source file.
public struct SourceSpan: Sendable, Hashable, Comparable {
    public let path: String
    public let start: Int
    public let end: Int

    public init(path: String, start: Int, end: Int) {
        self.path = path
        self.start = start
        self.end = max(start, end)
    }

    /// The smallest span covering both (same file assumed).
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(path: path, start: min(start, other.start), end: max(end, other.end))
    }

    public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        (lhs.path, lhs.start, lhs.end) < (rhs.path, rhs.start, rhs.end)
    }
}

/// All loaded sources by path, so diagnostics can be shown with their source lines.
public struct SourceMap: Sendable {
    public private(set) var files: [String: SourceFile] = [:]

    public init(_ files: [SourceFile] = []) {
        for file in files { add(file) }
    }

    public mutating func add(_ file: SourceFile) {
        files[file.path] = file
    }

    public subscript(path: String) -> SourceFile? { files[path] }

    public func location(of span: SourceSpan) -> SourceLocation? {
        files[span.path]?.location(of: span.start)
    }
}
