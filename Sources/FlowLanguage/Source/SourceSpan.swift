/// A half-open byte range `[start, end)` in one source file.
///
/// The path is held as an interned `SourcePath` that lives as long as the process, without a
/// reference count: spans are copied with every token, reference and declaration, and retaining
/// the path's string on each copy was a large share of loading and checking a big estate.
public struct SourceSpan: Sendable, Hashable, Comparable {
    private unowned(unsafe) let file: SourcePath
    public let start: Int
    public let end: Int

    public var path: String { file.path }

    public init(path: String, start: Int, end: Int) {
        self.init(file: SourcePath.interned(path), start: start, end: end)
    }

    init(file: SourcePath, start: Int, end: Int) {
        self.file = file
        self.start = start
        self.end = max(start, end)
    }

    /// Whether both spans are in the same file, decided without comparing paths.
    public func isInSameFile(as other: SourceSpan) -> Bool { file === other.file }

    /// The smallest span covering both (same file assumed).
    public func union(_ other: SourceSpan) -> SourceSpan {
        SourceSpan(file: file, start: min(start, other.start), end: max(end, other.end))
    }

    // Interning makes one path one object, so identity stands for equal paths.
    public static func == (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        lhs.file === rhs.file && lhs.start == rhs.start && lhs.end == rhs.end
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(file))
        hasher.combine(start)
        hasher.combine(end)
    }

    public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        guard lhs.file === rhs.file else { return lhs.path < rhs.path }
        return (lhs.start, lhs.end) < (rhs.start, rhs.end)
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
