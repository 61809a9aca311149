import FlowRules

/// Compares the findings with what was planted, by code and by the declaration each is reported
/// on: every planted subject must have exactly one finding of its code, and there must be no other
/// finding. Anything else means a rule missed a planted violation or the estate is not clean.
struct PlantedVerification {
    struct Line {
        let code: String
        let planted: Int
        let found: Int
        let missing: [String]
    }

    let lines: [Line]
    /// Findings beyond one per planted subject: unplanted codes or subjects, and duplicates.
    let extra: [Finding]

    init(manifest: PlantedManifest, findings: [Finding]) {
        var expected: [String: Int] = [:]
        for (code, subjects) in manifest.subjects {
            for subject in subjects { expected["\(code) \(subject)", default: 0] += 1 }
        }
        var matched: [String: Int] = [:]
        var extra: [Finding] = []
        for finding in findings {
            let key = "\(finding.code) \(finding.target)"
            if matched[key, default: 0] < expected[key, default: 0] {
                matched[key, default: 0] += 1
            } else {
                extra.append(finding)
            }
        }
        lines = manifest.subjects.keys.sorted().map { code in
            let subjects = manifest.subjects[code] ?? []
            let missing = subjects.filter { matched["\(code) \($0)", default: 0] == 0 }
            return Line(code: code, planted: subjects.count, found: subjects.count - missing.count, missing: missing)
        }
        self.extra = extra
    }

    var passed: Bool { extra.isEmpty && lines.allSatisfy { $0.missing.isEmpty } }

    /// `planted FG001 120/120 found` per code, the missing subjects, then `extra findings: N` with examples.
    var report: String {
        var text = ""
        for line in lines {
            text += "planted \(line.code) \(line.found)/\(line.planted) found"
            if !line.missing.isEmpty {
                text += "; missing: " + line.missing.prefix(10).joined(separator: ", ") + (line.missing.count > 10 ? ", …" : "")
            }
            text += "\n"
        }
        text += "extra findings: \(extra.count)\n"
        for finding in extra.prefix(10) {
            text += "  \(finding.code) on `\(finding.target)`: \(finding.message)\n"
        }
        return text
    }
}
