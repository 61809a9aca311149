/// How many organisations of each kind an estate has, chosen so that it holds a requested number
/// of flows. Practices are the unit of scale (each brings a fixed chain of flows); the other kinds
/// follow England's proportions (about 150 practices per ICB, 30 per trust), capped at the real
/// number of ICBs, DSCROs and CSUs.
struct EstateSize: Equatable {
    let practices: Int
    let trusts: Int
    let icbs: Int
    let dscros: Int
    let csus: Int
    let suppliers: Int

    /// Flows each part of the estate contributes (see TrustChain, RegionSection and PracticeChain).
    static let flowsPerPractice = 8
    static let flowsPerTrust = 5
    static let flowsPerICB = 4

    var flows: Int {
        practices * Self.flowsPerPractice + trusts * Self.flowsPerTrust + icbs * Self.flowsPerICB
    }

    // Who works with whom is fixed by index, so any file can name its partners without seeing the others.
    func icb(ofPractice practice: Int) -> Int { practice % icbs }
    func icb(ofTrust trust: Int) -> Int { trust % icbs }
    func region(_ icb: Int) -> Region { Region(icb: icb, dscro: icb % dscros, csu: icb % csus, supplier: icb % suppliers) }
    func trusts(inICB icb: Int) -> [Int] { Array(stride(from: icb, to: trusts, by: icbs)) }
    func icbs(servedByCSU csu: Int) -> [Int] { Array(stride(from: csu, to: icbs, by: csus)) }
    func icbs(servedBySupplier supplier: Int) -> [Int] { Array(stride(from: supplier, to: icbs, by: suppliers)) }
}

// Custom initialisers live in an extension so that tests keep the memberwise one, to build a small
// estate with several ICBs per CSU and supplier.
extension EstateSize {
    /// An estate of `practices` practices in England's proportions.
    init(practices: Int) {
        let practices = max(2, practices)
        let icbs = max(1, min(42, practices / 150))
        self.init(
            practices: practices,
            // Every ICB links the SUS+ of at least two trusts in its area.
            trusts: max(2 * icbs, practices / 30),
            icbs: icbs,
            dscros: max(1, min(10, icbs / 4)),
            csus: max(1, min(12, icbs / 3)),
            suppliers: max(1, min(21, icbs / 2))
        )
    }

    /// The largest estate with at most `flows` flows (at least the smallest estate): the count is
    /// exact up to one practice chain, i.e. within 8 flows of the request.
    init(flows target: Int) {
        var low = 2
        var high = max(2, target / Self.flowsPerPractice + 1)
        // `flows` grows with `practices`, so the answer is found by bisection.
        while low < high {
            let middle = (low + high + 1) / 2
            if EstateSize(practices: middle).flows <= target { low = middle } else { high = middle - 1 }
        }
        self.init(practices: low)
    }
}

/// The organisations one ICB works with: its DSCRO, its CSU (a controlled environment for finance)
/// and its risk-stratification supplier.
struct Region {
    let icb: Int
    let dscro: Int
    let csu: Int
    let supplier: Int

    var icbName: String { Name.icb(icb) }
    var dscroName: String { Name.dscro(dscro) }
    var csuName: String { Name.csu(csu) }
    var supplierName: String { Name.supplier(supplier) }
}
