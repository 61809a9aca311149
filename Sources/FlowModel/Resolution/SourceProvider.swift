/// Where `.flow` files come from. The file system implementation lives at the edge (FlowIO);
/// tests use an in-memory one. Paths are `/`-separated.
public protocol SourceProvider: Sendable {
    /// The file's bytes; throws `SourceProviderError` with a user-facing reason.
    func read(_ path: String) throws -> [UInt8]
    /// Size in bytes, or nil when the file does not exist or cannot be examined.
    func size(of path: String) -> Int?
    func isDirectory(_ path: String) -> Bool
    func exists(_ path: String) -> Bool
    /// Every `*.flow` file below `directory`, recursively, sorted by path; throws on unreadable folders.
    func flowFiles(under directory: String) throws -> [String]
    /// A path that is the same for every spelling of one file (symbolic links resolved).
    func identity(of path: String) -> String
    /// Where files may be read from; nil when anywhere (files handed over in memory).
    var workspace: Workspace? { get }
}

extension SourceProvider {
    public var workspace: Workspace? { nil }
}

public struct SourceProviderError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Pure `/`-path arithmetic.
public enum PathArithmetic {
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let directory = String(path[..<slash])
        return directory.isEmpty ? "/" : directory
    }

    /// `relative` resolved against the directory of `file`, normalised.
    public static func resolve(_ relative: String, from file: String) -> String {
        if relative.hasPrefix("/") { return normalise(relative) }
        return normalise(directory(of: file) + "/" + relative)
    }

    /// Removes `.` and resolves `..` where possible, keeping the path relative if it was.
    public static func normalise(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." {
                parts.removeLast()
                continue
            }
            if part == "..", isAbsolute { continue }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }
}
