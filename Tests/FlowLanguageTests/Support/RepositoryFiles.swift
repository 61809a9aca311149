import Foundation

/// The `.flow` files checked into the repository, found by walking from the package root.
enum RepositoryFiles {
    /// Tests/FlowLanguageTests/Support/RepositoryFiles.swift → the package root.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Top-level folders that `.gitignore` names exactly (`/fuzz-corpus-run/`): scratch output, not
    /// part of the repository, and liable to change while the tests run.
    static let ignoredFolders: Set<String> = {
        let text = (try? String(contentsOf: packageRoot.appendingPathComponent(".gitignore"), encoding: .utf8)) ?? ""
        return Set(text.split(separator: "\n").compactMap { line -> String? in
            let name = line.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "/"))
            return name.isEmpty || name.contains("*") || name.contains("/") || name.hasPrefix("#") ? nil : name
        })
    }()

    /// Paths relative to the package root, sorted; build folders (`.build*`), `.git` and ignored
    /// top-level folders are skipped.
    static let flowFiles: [String] = {
        var result: [String] = []
        var pending = [packageRoot.path]
        let manager = FileManager.default
        while let directory = pending.popLast() {
            let entries = (try? manager.contentsOfDirectory(atPath: directory)) ?? []
            let isRoot = directory == packageRoot.path
            for entry in entries where !entry.hasPrefix(".build") && entry != ".git" && !(isRoot && ignoredFolders.contains(entry)) {
                let path = directory + "/" + entry
                var isDirectory: ObjCBool = false
                guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
                if isDirectory.boolValue {
                    pending.append(path)
                } else if entry.hasSuffix(".flow") {
                    result.append(String(path.dropFirst(packageRoot.path.count + 1)))
                }
            }
        }
        return result.sorted()
    }()

    static func bytes(_ relativePath: String) -> [UInt8]? {
        FileManager.default.contents(atPath: packageRoot.appendingPathComponent(relativePath).path).map(Array.init)
    }
}
