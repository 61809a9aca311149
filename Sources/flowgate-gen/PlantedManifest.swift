import Foundation

/// planted.json: what was generated, and the findings `flowgate check --as-of ASOF` must report on
/// it — exactly one per planted subject, and nothing else. flowgate-bench --verify-planted reads it.
struct PlantedManifest: Encodable {
    struct Planted: Encodable {
        let count: Int
        /// The declarations the findings are reported on (a flow's or an approval's name).
        let subjects: [String]
    }

    /// Bumped when the estate's shape changes, so scripts do not reuse an estate of an older shape.
    var format = 2
    var generator = "flowgate-gen"
    let seed: UInt64
    let requestedFlows: Int
    let flows: Int
    let files: Int
    let asOf: String
    let size: [String: Int]
    let planted: [String: Planted]

    init(seed: UInt64, requestedFlows: Int, size: EstateSize, files: Int, ledger: PlantedLedger) {
        self.seed = seed
        self.requestedFlows = requestedFlows
        flows = size.flows
        self.files = files
        asOf = EstateDates.asOf
        self.size = [
            "practices": size.practices, "trusts": size.trusts, "icbs": size.icbs,
            "dscros": size.dscros, "csus": size.csus, "suppliers": size.suppliers,
        ]
        planted = Dictionary(uniqueKeysWithValues: Violation.allCases.map { violation in
            (violation.code, Planted(count: ledger.count(violation), subjects: ledger.subjects[violation] ?? []))
        })
    }

    /// Sorted keys: the same estate always gives byte-identical JSON.
    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
