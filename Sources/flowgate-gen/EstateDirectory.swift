import FlowIO
import Foundation

/// The directory an estate is written to. An estate is complete only once `planted.json` exists:
/// it is deleted before anything else is written and written last, so an interrupted run leaves a
/// directory that flowgate-bench and scripts/bench-check.sh treat as incomplete, never as an
/// estate with fewer flows than its manifest says.
struct EstateDirectory {
    static let manifestName = "planted.json"
    /// Marks a directory as this tool's, so a later run may empty it. Hidden: flowgate skips it.
    static let markerName = ".flowgate-gen"

    let path: String

    /// Creates the directory, or empties one this tool wrote before (recognised by its marker, or by
    /// `planted.json` for estates from earlier versions). Any other non-empty directory is refused
    /// rather than overwritten.
    func prepare() throws {
        let files = FileManager.default
        try files.createDirectory(atPath: path, withIntermediateDirectories: true)
        let entries = try files.contentsOfDirectory(atPath: path)
        guard !entries.isEmpty else { return try writeMarker() }
        guard entries.contains(Self.markerName) || entries.contains(Self.manifestName) else {
            throw GenerationError("`\(path)` is not empty and was not written by flowgate-gen; choose an empty or new directory")
        }
        // The manifest goes first: from here on the directory is an incomplete estate.
        if entries.contains(Self.manifestName) { try files.removeItem(atPath: url(Self.manifestName).path) }
        for entry in entries where entry != Self.manifestName && entry != Self.markerName {
            try files.removeItem(atPath: url(entry).path)
        }
        try writeMarker()
    }

    /// Writes one `.flow` file (to a temporary name, then renamed, so no file is ever half-written).
    func write(_ relativePath: String, _ text: String) throws {
        let target = url(relativePath)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(text, to: target.path)
    }

    /// Writes the manifest, which makes the estate complete.
    func commit(manifest: String) throws {
        try AtomicFile.write(manifest, to: url(Self.manifestName).path)
    }

    private func writeMarker() throws {
        try AtomicFile.write("Written by flowgate-gen; the whole directory is replaced on the next run.\n", to: url(Self.markerName).path)
    }

    private func url(_ relativePath: String) -> URL {
        URL(fileURLWithPath: path).appendingPathComponent(relativePath)
    }
}

struct GenerationError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
