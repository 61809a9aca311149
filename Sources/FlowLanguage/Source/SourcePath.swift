import Dispatch

/// One file path, shared by every span in that file. Instances are interned and never freed, so a
/// span can refer to one without counting references; a process sees few distinct paths.
final class SourcePath: Sendable {
    let path: String

    private init(_ path: String) { self.path = path }

    private static let lock = DispatchQueue(label: "flowgate.source-paths")
    // Read and written only on `lock`.
    nonisolated(unsafe) private static var table: [String: SourcePath] = [:]

    /// The one instance for `path`. Takes a lock: call it once per file, not once per span.
    static func interned(_ path: String) -> SourcePath {
        lock.sync {
            if let existing = table[path] { return existing }
            let created = SourcePath(path)
            table[path] = created
            return created
        }
    }
}
