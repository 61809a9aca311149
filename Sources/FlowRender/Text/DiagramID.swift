/// Stable identifiers for diagram elements and output files, derived from model names only (never
/// from positions or counters), so that an unrelated edit never renames an element.
public enum DiagramID {
    /// An injective encoding of `name` into `[A-Za-z0-9_-]`: letters, digits and `-` are kept, `_`
    /// becomes `__`, and every other UTF-8 byte becomes `_` + two upper-case hex digits
    /// (`a->b:sus` → `a-_3Eb_3Asus`). The result never contains `.`, which compound ids use as a separator.
    public static func encode(_ name: String) -> String {
        var result = ""
        for byte in name.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: "_"):
                result += "__"
            default:
                result += "_" + hex(byte)
            }
        }
        return result
    }

    /// SVG/DOT id of an organisation node: `org-<name>`.
    public static func organisation(_ name: String) -> String { "org-" + encode(name) }
    /// SVG/DOT id of the overview's box standing for an organisation's partners: `partners-<name>`.
    public static func partners(_ name: String) -> String { "partners-" + encode(name) }
    /// SVG/DOT id of a dataset node (dataset view): `dataset-<name>`.
    public static func dataset(_ name: String) -> String { "dataset-" + encode(name) }
    /// SVG id of a flow edge: `flow-<flow id>`.
    public static func flow(_ id: String) -> String { "flow-" + encode(id) }
    /// SVG id of an overview edge standing for every flow between two nodes (by node id):
    /// `flows-<from node>.<to node>`, e.g. `flows-org-dscro.org-csu`.
    public static func flowPair(from: String, to: String) -> String { "flows-" + from + "." + to }
    /// SVG id of a lineage edge from `input` to the transform output `output`: `derive-<output>.<input>`.
    public static func derivation(output: String, input: String) -> String {
        "derive-" + encode(output) + "." + encode(input)
    }
    /// SVG id of a boundary cluster: `cluster-boundary-<name>` (its DOT subgraph is named `%` + this id;
    /// see `DOTWriter`).
    public static func boundary(_ name: String) -> String { "cluster-boundary-" + encode(name) }
    /// SVG id of the dataset view's lineage cluster.
    public static let lineageCluster = "cluster-lineage"

    /// The file name stem for a view: `overview`, `purpose-<id>`, `dataset-<id>`, `org-<id>`
    /// (`org-<id>-depth<N>` when N is not 1), `partners-<id>`. Safe on every file system: `[A-Za-z0-9_-]` only, at most
    /// 120 characters (longer ids are cut and given a stable hash suffix).
    public static func fileStem(for view: DiagramView) -> String {
        switch view {
        case .overview: "overview"
        case .purpose(let id): "purpose-" + fileSafe(id)
        case .dataset(let id): "dataset-" + fileSafe(id)
        case .organisation(let id, let depth): "org-" + fileSafe(id) + (depth == 1 ? "" : "-depth\(depth)")
        case .partners(let id): "partners-" + fileSafe(id)
        }
    }

    /// The file name stem of one page of a view drawn over several: the view's stem, then
    /// `.<index>-of-<count>` (`overview.2-of-3`). The dot keeps it apart from every view's own stem
    /// (encoded ids never contain one).
    public static func fileStem(for view: DiagramView, part: DiagramPart?) -> String {
        guard let part else { return fileStem(for: view) }
        return fileStem(for: view) + ".\(part.index)-of-\(part.count)"
    }

    static func fileSafe(_ id: String) -> String {
        let encoded = encode(id)
        guard encoded.count > 100 else { return encoded }
        return String(encoded.prefix(80)) + "-" + hex64(fnv1a(id))
    }

    /// FNV-1a, 64 bit: a stable hash (Swift's `Hasher` is seeded per process).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    private static let digits = Array("0123456789ABCDEF")

    private static func hex(_ byte: UInt8) -> String {
        String([digits[Int(byte >> 4)], digits[Int(byte & 0xF)]])
    }

    private static func hex64(_ value: UInt64) -> String {
        (0..<8).reversed().map { hex(UInt8(truncatingIfNeeded: value >> (UInt64($0) * 8))) }.joined()
    }
}
