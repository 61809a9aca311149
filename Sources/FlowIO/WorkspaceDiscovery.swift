import FlowModel
import Foundation

extension Workspace {
    /// The workspace of the paths a command is given: for each, the nearest enclosing directory that
    /// holds `.git` (the repository root) or `flowgate.toml` (a workspace file), else the directory
    /// given (or the file's directory); plus every `extraRoots` directory (`--include-root`).
    public static func discover(for paths: [String], extraRoots: [String] = []) -> Workspace {
        let manager = FileManager.default
        var roots: [String] = []
        for path in paths where !path.contains("\0") {
            var isDirectory: ObjCBool = false
            let exists = manager.fileExists(atPath: path, isDirectory: &isDirectory)
            let start = exists && isDirectory.boolValue ? path : PathArithmetic.directory(of: path)
            let directory = resolved(start)
            roots.append(enclosingMarker(from: directory) ?? directory)
        }
        roots += extraRoots.filter { !$0.contains("\0") }.map(resolved)
        var unique: [String] = []
        for root in roots where !unique.contains(root) { unique.append(root) }
        return Workspace(roots: unique)
    }

    /// Absolute, with symbolic links resolved: the form `identity(of:)` gives.
    static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }

    /// The nearest directory from `directory` upwards holding `.git` or `flowgate.toml`.
    static func enclosingMarker(from directory: String) -> String? {
        var current = directory
        while true {
            for marker in [".git", "flowgate.toml"] where FileManager.default.fileExists(atPath: current + "/" + marker) {
                return current
            }
            guard current != "/", !current.isEmpty else { return nil }
            current = PathArithmetic.directory(of: current)
        }
    }
}

/// Where a workspace file is, for the commands and the language server alike.
public enum WorkspaceFileSearch {
    /// The file named `fileName` in `directory` or the nearest folder above it that has one, not
    /// looking beyond the repository's root (a folder with `.git`); nil when there is none.
    public static func find(_ fileName: String, from directory: String) -> String? {
        var folder = PathArithmetic.normalise(directory)
        while true {
            let candidate = folder == "/" ? "/" + fileName : folder + "/" + fileName
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            if FileManager.default.fileExists(atPath: folder + "/.git") || folder == "/" { return nil }
            folder = PathArithmetic.directory(of: folder)
        }
    }
}
