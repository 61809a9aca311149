import FlowIO
import FlowModel
import FlowRules
import Foundation

/// The standard library's files, written read-only into the user's cache folder so that going
/// to a definition in `use std` opens a real file in any editor. The folder is named after the
/// files' contents, so a new flowgate never shows an old library.
public enum LibraryFolder {
    /// The folder, written when missing; nil when it cannot be written.
    public static func prepare(cacheRoot: String? = nil) -> String? {
        let environment = ProcessInfo.processInfo.environment
        guard let root = cacheRoot ?? environment["XDG_CACHE_HOME"] ?? environment["HOME"].map({ $0 + "/.cache" }),
              let library = StandardLibrary.libraries["std"] else { return nil }
        let contents = library.files.map { $0.path + "\n" + $0.text }.joined(separator: "\n")
        let folder = PathArithmetic.normalise(root) + "/flowgate/std-" + Fingerprint.of(contents)
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for (path, text) in library.files {
                let target = folder + "/" + path.dropFirst("<std>/".count)
                if let existing = FileManager.default.contents(atPath: target), existing.elementsEqual(text.utf8) { continue }
                try? FileManager.default.removeItem(atPath: target)
                try AtomicFile.write(text, to: target)
                try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: target)
            }
            return folder
        } catch {
            return nil
        }
    }
}
