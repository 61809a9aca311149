import Foundation

/// Libraries shipped inside flowgate as package resources and brought in with `use NAME`.
/// Their declarations can be overridden by a user's model (a user declaration with the same name wins).
public enum StandardLibrary {
    public struct Library: Sendable {
        public let name: String
        /// Virtual path (`<std>/national.flow`) and text of each file, sorted by path.
        public let files: [(path: String, text: String)]
    }

    public static let libraries: [String: Library] = {
        var result: [String: Library] = [:]
        guard let root = Bundle.module.url(forResource: "std", withExtension: nil) else { return result }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        let files = names.filter { $0.hasSuffix(".flow") }.sorted().compactMap { name -> (String, String)? in
            guard let text = try? String(contentsOf: root.appendingPathComponent(name), encoding: .utf8) else { return nil }
            return ("<std>/\(name)", text)
        }
        result["std"] = Library(name: "std", files: files)
        return result
    }()

    /// Whether a path names a library file rather than a user's file.
    public static func isLibraryPath(_ path: String) -> Bool { path.hasPrefix("<") }
}
