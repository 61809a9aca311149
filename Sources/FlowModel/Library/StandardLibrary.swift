/// Libraries shipped inside flowgate and brought in with `use NAME`. Their files are compiled into
/// the binary (Package.swift embeds `Library/std/*.flow`), so an installed `flowgate` needs nothing
/// beside it. Their declarations can be overridden by a user's model (a user declaration with the
/// same name wins).
public enum StandardLibrary {
    public struct Library: Sendable {
        public let name: String
        /// Virtual path (`<std>/national.flow`) and text of each file, sorted by path.
        public let files: [(path: String, text: String)]
    }

    /// Each embedded file of `std` by its name in `Library/std/`. SwiftPM names an embedded
    /// resource after its file, with the dot made an underscore.
    static let embeddedStandardFiles: [(name: String, bytes: [UInt8])] = [
        ("approvals.flow", PackageResources.approvals_flow),
        ("datasets.flow", PackageResources.datasets_flow),
        ("gateways.flow", PackageResources.gateways_flow),
        ("national.flow", PackageResources.national_flow),
        ("optouts.flow", PackageResources.optouts_flow),
        ("purposes.flow", PackageResources.purposes_flow),
    ]

    public static let libraries: [String: Library] = {
        let files = embeddedStandardFiles.sorted { $0.name < $1.name }.map { file in
            (path: "<std>/\(file.name)", text: String(decoding: file.bytes, as: UTF8.self))
        }
        return ["std": Library(name: "std", files: files)]
    }()

    /// Whether a path names a library file rather than a user's file.
    public static func isLibraryPath(_ path: String) -> Bool { path.hasPrefix("<") }
}
