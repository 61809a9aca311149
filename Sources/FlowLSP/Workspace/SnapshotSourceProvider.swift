import FlowIO
import FlowModel

/// The model's files as the server holds them (the editor's text for open documents, what was
/// last read from disk for the others), so a load reads nothing that has not changed. Anything
/// else (an include from outside the model's folders) is read from disk.
struct SnapshotSourceProvider: SourceProvider {
    let files: [String: [UInt8]]
    let disk: FileSystemSourceProvider

    var workspace: Workspace? { disk.workspace }

    func read(_ path: String) throws -> [UInt8] {
        if let bytes = files[path] { return bytes }
        return try disk.read(path)
    }

    func size(of path: String) -> Int? { files[path]?.count ?? disk.size(of: path) }

    func isDirectory(_ path: String) -> Bool { files[path] == nil && disk.isDirectory(path) }

    func exists(_ path: String) -> Bool { files[path] != nil || disk.exists(path) }

    func flowFiles(under directory: String) throws -> [String] {
        let prefix = directory == "/" ? "/" : directory + "/"
        return files.keys.filter { $0.hasPrefix(prefix) }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    func identity(of path: String) -> String { files[path] != nil ? path : disk.identity(of: path) }
}
