import FlowReports
import Foundation
import Testing

/// The "our uses of information" tables regenerated from flows/ are compared with the seed privacy
/// notices (flows/blmk/notice, flows/nottingham/notice): every purpose a notice lists has a row, and the legal bases and choices
/// the notice states for it are in that row.
struct NoticeSeedTests {
    /// A notice entry, the purposes the model records it as, and what the notice says that the generated
    /// row must also say: (phrase in the notice, phrase in the row).
    struct Entry: Sendable, CustomStringConvertible {
        let heading: String
        let purposes: [String]
        let says: [(notice: String, row: String)]
        var description: String { heading }
    }

    // MARK: BLMK (seed 001): the "Our Uses of Information" table

    static let blmk: [Entry] = [
        Entry(heading: "Complaints", purposes: ["complaints", "publication"],
              says: [("rely on your explicit consent", "Art 9(2)(a) explicit consent"), ("publish service user stories", "anonymised")]),
        Entry(heading: "Funding treatments", purposes: ["individual-funding-requests"],
              says: [("gain your explicit consent", "explicit consent")]),
        Entry(heading: "Continuing Healthcare", purposes: ["continuing-healthcare"],
              says: [("gain your explicit consent", "explicit consent")]),
        Entry(heading: "Safeguarding", purposes: ["safeguarding"],
              says: [("rely on a statutory basis rather than consent", "statutory requirement or gateway")]),
        Entry(heading: "Risk stratification", purposes: ["risk-stratification-case-finding", "risk-stratification-commissioning"],
              says: [("CAG7-04(a)/2013", "CAG 7-04(a)/2013"), ("Prescribing Services Ltd", "Prescribing Services Ltd (processor)"),
                     ("please contact your GP Practice", "Risk stratification objection")]),
        Entry(heading: "Invoice Validation", purposes: ["invoice-validation"],
              says: [("Regulation 5 of the Health Service (Control of Patient Information) Regulations 2002", "s251 support (COPI reg 5)"),
                     ("NHS number", "Invoice validation backing data")]),
        Entry(heading: "Patient and Public Involvement", purposes: ["patient-involvement"],
              says: [("We will rely on your consent", "Art 6(1)(a) consent"), ("You can opt out at any time", "Withdrawal of consent")]),
        Entry(heading: "Commissioning", purposes: ["commissioning", "contract-monitoring", "audit", "mandated-collection"],
              says: [("does not directly identify you", "pseudonymised"), ("national data opt-out policy", "National Data Opt-out: applied by NHS Digital")]),
        Entry(heading: "For Other organisations to provide support services for us", purposes: ["processing-support", "archiving", "individual-care"],
              says: [("Circle MSK", "Circle MSK (processor)"), ("Oasis", "Oasis (processor)"), ("RSR Consultants", "RSR Consultants (processor)")]),
        Entry(heading: "National Registries", purposes: ["registries"],
              says: [("Section 251 of the NHS Act 2006", "s251 support (COPI reg 5)")]),
        Entry(heading: "Research", purposes: ["research"],
              says: [("Your consent will be obtained", "explicit consent")]),
        Entry(heading: "Fraud Prevention", purposes: ["fraud-prevention"],
              says: [("Part 6 of the Local Audit and Accountability Act 2014", "Local Audit and Accountability Act 2014 Part 6"),
                     ("The Cabinet Office conducts data matching", "Cabinet Office (National Fraud Initiative) (controller)")]),
    ]

    /// The headings of the seed's "Our Uses of Information" table: short tab-indented lines between the
    /// table's header and "Exercising an Opt-out".
    static func blmkHeadings(_ text: String) -> [String] {
        let lines = text.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.contains("Purpose/Activity") }),
              let end = lines.firstIndex(where: { $0.hasPrefix("Exercising an Opt-out") }) else { return [] }
        return lines[(start + 2)..<end].filter { $0.hasPrefix("\t") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && $0.count <= 60 && !$0.hasSuffix(".") }
    }

    @Test func blmkTableListsEveryPurposeOfTheNotice() throws {
        let seed = try Repository.seed("001_cf4540c316238db9.txt", model: "blmk")
        let headings = Self.blmkHeadings(seed)
        #expect(headings.count == 12)
        #expect(Set(headings) == Set(Self.blmk.map(\.heading)), "the notice's entries and the test's map differ")
        let context = try Repository.context()
        let table = try #require(NoticeReport.tables(context, organisation: "blmk-icb")?.first)
        #expect(table.notice == "blmk-notice")
        try Self.compare(Self.blmk, seed: seed, table: table)
    }

    // MARK: Nottingham (seed 000): "Commissioning Purposes"

    static let nottingham: [Entry] = [
        Entry(heading: "Performance managing contracts", purposes: ["contract-monitoring"], says: []),
        Entry(heading: "Reviewing the care delivered by providers", purposes: ["commissioning"], says: []),
        Entry(heading: "To prepare statistics on NHS performance", purposes: ["commissioning"], says: []),
        Entry(heading: "To help us plan future services", purposes: ["commissioning"], says: []),
        Entry(heading: "To reconcile claims for payments", purposes: ["contract-monitoring"], says: []),
        Entry(heading: "To audit NHS accounts and services", purposes: ["audit"], says: []),
        Entry(heading: "must by law submit certain information to NHS Digital", purposes: ["mandated-collection"],
              says: [("Identifiable – when disclosed from Primary and Secondary Care Services to NHS Digital", ": identifiable")]),
    ]

    /// What the notice says of the whole section, and where each must show in the commissioning row.
    static let nottinghamBases: [(notice: String, row: String)] = [
        ("6(1)(e)", "Art 6(1)(e) public task"),
        ("9(2)(h)", "Art 9(2)(h) health or social care"),
        ("Schedule 1 part 1 (2)", "DPA 2018 Sch 1 Pt 1 para 2"),
        ("CAG 2-03(a)/2013", "CAG 2-03(a)/2013"),
        ("North of England Commissioning Support Unit (NECSU)", "North of England Commissioning Support Unit (NECSU) (processor)"),
        ("Pseudonymised – when received by the ICB", ": pseudonymised"),
    ]

    @Test func nottinghamTableListsEveryPurposeOfTheNotice() throws {
        let seed = try Repository.seed("000_90054c5f119ff1b5.txt", model: "nottingham")
        let bullets = seed.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { $0.hasPrefix("· ") && !$0.contains("We use these datasets") }
        #expect(bullets.count == 6)
        for bullet in bullets {
            #expect(Self.nottingham.contains { bullet.contains($0.heading) }, "the test does not map the notice's purpose \(bullet)")
        }
        let context = try Repository.context()
        let table = try #require(NoticeReport.tables(context, organisation: "nn-icb")?.first)
        #expect(table.notice == "nn-commissioning-notice")
        try Self.compare(Self.nottingham, seed: seed, table: table)
        let row = try #require(table.rows.first { $0.purpose == "commissioning" })
        let text = Self.text(row)
        for (notice, generated) in Self.nottinghamBases {
            #expect(seed.contains(notice), "the notice no longer says \(notice)")
            #expect(text.contains(generated), "the commissioning row does not say \(generated)")
        }
        // The notice's opt-out sentence is carried into the row.
        #expect(Self.text(row).contains("Opt-out of identifiable information being used for commissioning"))
    }

    /// Every purpose the model's notice lists has a row too, not only the ones the seed's headings map to.
    @Test(arguments: ["blmk-icb", "nn-icb"])
    func everyDeclaredPurposeHasARow(organisation: String) throws {
        let context = try Repository.context()
        for table in try #require(NoticeReport.tables(context, organisation: organisation)) {
            let notice = try #require(context.model.notices[table.notice ?? ""])
            let rows = Set(table.rows.map(\.purpose))
            for purpose in notice.purposes { #expect(rows.contains(purpose.name), "\(notice.id) lists \(purpose.name)") }
            for row in table.rows {
                #expect(!row.legalBasis.isEmpty)
                #expect(!row.optOut.isEmpty)
            }
        }
    }

    static func compare(_ entries: [Entry], seed: String, table: NoticeTable) throws {
        for entry in entries {
            #expect(seed.contains(entry.heading), "the notice no longer says \(entry.heading)")
            let rows = table.rows.filter { entry.purposes.contains($0.purpose) }
            #expect(Set(rows.map(\.purpose)) == Set(entry.purposes), "\(entry.heading): rows for \(entry.purposes)")
            let text = rows.map(Self.text).joined(separator: "\n")
            for (notice, generated) in entry.says {
                #expect(seed.contains(notice), "\(entry.heading): the notice no longer says \(notice)")
                #expect(text.contains(generated), "\(entry.heading): the generated rows do not say \(generated)")
            }
        }
    }

    static func text(_ row: NoticeRow) -> String {
        (row.data + row.legalBasis + row.sharedWith + row.optOut).map { line in
            line.map { inline -> String in
                switch inline {
                case .text(let text), .code(let text), .strong(let text), .emphasis(let text): text
                case .link(let text, _): text
                }
            }.joined()
        }.joined(separator: "\n")
    }
}
