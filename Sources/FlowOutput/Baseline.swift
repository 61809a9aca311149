import Foundation
import FlowRules

/// A baseline: the fingerprints of findings already known, so CI reports only new ones.
public struct Baseline: Sendable, Equatable {
    public let fingerprints: Set<String>

    public init(fingerprints: Set<String>) {
        self.fingerprints = fingerprints
    }

    public init(findings: [Finding]) {
        self.fingerprints = Set(findings.map(\.fingerprint))
    }

    /// Deterministic JSON: findings sorted by fingerprint, with code and target for readers.
    public static func document(for findings: [Finding]) -> String {
        var seen: Set<String> = []
        let entries = findings.sorted { $0.fingerprint < $1.fingerprint }.filter { seen.insert($0.fingerprint).inserted }
        let root = JSONValue.object([
            ("tool", .string("flowgate")),
            ("baselineVersion", .number(1)),
            ("findings", .array(entries.map { finding in
                .object([
                    ("fingerprint", .string(finding.fingerprint)),
                    ("code", .string(finding.code)),
                    ("target", .string(finding.target)),
                    ("message", .string(finding.message)),
                ])
            })),
        ])
        return root.serialized() + "\n"
    }

    public struct ParseError: Error, CustomStringConvertible {
        public let description: String
    }

    /// Reads a baseline document written by `document(for:)`.
    public static func parse(_ bytes: [UInt8]) throws -> Baseline {
        guard let root = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
              root["baselineVersion"] as? Int == 1, let entries = root["findings"] as? [[String: Any]] else {
            throw ParseError(description: "not a flowgate baseline (expected a JSON object with \"baselineVersion\": 1 and \"findings\")")
        }
        var fingerprints: Set<String> = []
        for entry in entries {
            guard let fingerprint = entry["fingerprint"] as? String, fingerprint.count == 16, fingerprint.allSatisfy(\.isHexDigit) else {
                throw ParseError(description: "a baseline entry has no valid \"fingerprint\"")
            }
            fingerprints.insert(fingerprint)
        }
        return Baseline(fingerprints: fingerprints)
    }
}
