import FlowModel
import Foundation

/// The part of a generated estate's planted.json (written by flowgate-gen) that the bench checks:
/// the analysis date, and for each finding code the declarations it must be reported on.
struct PlantedManifest {
    let asOf: Day
    /// Code -> subjects (flow or approval names), one finding expected per subject.
    let subjects: [String: [String]]

    struct Invalid: Error, CustomStringConvertible {
        let description: String
    }

    init(path: String) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Invalid(description: "cannot read `\(path)`: is the estate complete? (flowgate-gen writes planted.json last)")
        }
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let planted = root["planted"] as? [String: Any] else {
            throw Invalid(description: "`\(path)` is not a flowgate-gen manifest")
        }
        var subjects: [String: [String]] = [:]
        for (code, entry) in planted {
            // Manifests from before subjects were recorded hold bare counts, which cannot be checked by subject.
            guard let names = (entry as? [String: Any])?["subjects"] as? [String] else {
                throw Invalid(description: "`\(path)` lists no subjects for \(code); regenerate the estate with this flowgate-gen")
            }
            subjects[code] = names
        }
        self.subjects = subjects
        let date = root["asOf"] as? String ?? "2026-11-23"
        guard let asOf = Day(iso: date) else { throw Invalid(description: "`\(path)` has an invalid asOf `\(date)`") }
        self.asOf = asOf
    }
}
