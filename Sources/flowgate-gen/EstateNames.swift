/// The names every section of an estate uses for the others' declarations. Sections are written to
/// different files, so they agree on names through this one place rather than by passing text around.
enum Name {
    static func practice(_ index: Int) -> String { "gp-\(index)" }
    static func trust(_ index: Int) -> String { "trust-\(index)" }
    static func icb(_ index: Int) -> String { "icb-\(index)" }
    static func csu(_ index: Int) -> String { "csu-\(index)" }
    static func dscro(_ index: Int) -> String { "dscro-\(index)" }
    static func supplier(_ index: Int) -> String { "supplier-\(index)" }

    static let nhsEngland = "nhs-england"
    static let publicAudience = "gen-public"

    // Purposes (national.flow).
    static let collection = "gen-collection"
    static let commissioning = "gen-commissioning"
    static let riskStratification = "gen-rs"
    static let riskCommissioning = "gen-rs-commissioning"
    static let invoiceValidation = "gen-iv"
    static let publication = "gen-publication"
    static let care = "gen-care"

    // Legal instruments (national.flow).
    static let s259 = "gen-s259"
    static let commissioningApproval = "gen-cag-2-03a"
    static let riskApproval = "gen-cag-7-04a"
    static let invoiceApproval = "gen-cag-7-07"
    static let nationalDPIA = "gen-nhse-dpia"

    // Per ICB (regions.flow).
    static func icbDPIA(_ icb: Int) -> String { "icb-\(icb)-dpia" }
    static func csuContract(_ icb: Int) -> String { "icb-\(icb)-csu-contract" }
    static func riskContract(_ icb: Int) -> String { "icb-\(icb)-rs-contract" }
    static func riskSUS(_ icb: Int) -> String { "icb-\(icb)-sus-rs" }
    static func dscroContract(_ dscro: Int) -> String { "dscro-\(dscro)-contract" }

    // Per trust (trusts/).
    static func sus(_ trust: Int) -> String { "sus-\(trust)" }
    static func filteredSUS(_ trust: Int) -> String { "sus-\(trust)-ndoo" }
    static func discharges(_ trust: Int) -> String { "trust-\(trust)-discharges" }
    static func careDPIA(_ trust: Int) -> String { "trust-\(trust)-care-dpia" }
}

/// Dates shared by the estate's agreements: all in force on the benchmark's analysis date
/// (2026-11-23), so only planted declarations are out of date.
enum EstateDates {
    static let asOf = "2026-11-23"
    static let agreementsFrom = "2025-04-01"
    static let agreementsUntil = "2028-03-31"
    static let agreementsReview = "2027-03-31"
    static let dpiaCompleted = "2025-02-14"
    static let dpiaReview = "2027-02-14"
    static let dsptYear = "\"2025-26\""
}
