import FlowLanguage
import FlowModel

/// A legal instrument or a waiver, with the dates that decide whether it can still be relied on.
public struct InstrumentEntry: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case approval = "s251 approval"
        case agreement = "agreement"
        case contract = "Art 28 contract"
        case arrangement = "Art 26 arrangement"
        case dpia = "DPIA"
        case gateway = "statutory gateway"
        case waiver = "waiver"
        /// Listed by `report expiries` only, for its yearly review: a notice is not an instrument
        /// flows rely on, so `instruments()` leaves it out.
        case notice = "privacy notice"

        var order: Int { Kind.allCases.firstIndex(of: self)! }
    }

    public let kind: Kind
    /// The declaration's id; for a waiver, `CODE target`.
    public let id: String
    public let title: String?
    public let reference: String?
    public let validFrom: Day?
    /// Nil: the model states no end date.
    public let validUntil: KnownDate?
    public let nextReview: KnownDate?
    public let completed: Day?
    public let span: SourceSpan

    /// Days from `asOf` to the end date (negative once expired), when the end date is known.
    public func daysToExpiry(asOf: Day) -> Int? {
        validUntil?.day.map { asOf.days(until: $0) }
    }

    public func daysToReview(asOf: Day) -> Int? {
        nextReview?.day.map { asOf.days(until: $0) }
    }

    /// Expired: the end date is before `asOf` (an instrument is still good on its last day).
    public func isExpired(asOf: Day) -> Bool {
        guard let end = validUntil?.day else { return false }
        return end < asOf
    }
}

extension ReportContext {
    /// Every instrument and waiver: the user's own declarations, and standard-library declarations the
    /// model's flows cite. In kind order, then by id.
    public func instruments() -> [InstrumentEntry] {
        let cited = citedInstruments()
        func include(_ id: String, _ span: SourceSpan) -> Bool {
            !StandardLibrary.isLibraryPath(span.path) || cited.contains(id)
        }
        var result: [InstrumentEntry] = []
        for approval in model.approvals.values where include(approval.id, approval.span) {
            result.append(InstrumentEntry(
                kind: .approval, id: approval.id, title: approval.title, reference: approval.reference,
                validFrom: approval.validFrom, validUntil: approval.validUntil, nextReview: approval.nextReview,
                completed: approval.lastReviewed, span: approval.span))
        }
        for agreement in model.agreements.values where include(agreement.id, agreement.span) {
            result.append(InstrumentEntry(
                kind: .agreement, id: agreement.id, title: agreement.title, reference: agreement.reference,
                validFrom: agreement.validFrom, validUntil: agreement.validUntil, nextReview: agreement.nextReview.map(KnownDate.known),
                completed: nil, span: agreement.span))
        }
        for contract in model.contracts.values where include(contract.id, contract.span) {
            result.append(InstrumentEntry(
                kind: .contract, id: contract.id, title: contract.title, reference: contract.reference,
                validFrom: contract.validFrom, validUntil: contract.validUntil, nextReview: nil, completed: nil, span: contract.span))
        }
        for arrangement in model.arrangements.values where include(arrangement.id, arrangement.span) {
            result.append(InstrumentEntry(
                kind: .arrangement, id: arrangement.id, title: arrangement.title, reference: arrangement.reference,
                validFrom: nil, validUntil: arrangement.validUntil, nextReview: nil, completed: nil, span: arrangement.span))
        }
        for dpia in model.impactAssessments.values where include(dpia.id, dpia.span) {
            result.append(InstrumentEntry(
                kind: .dpia, id: dpia.id, title: dpia.title, reference: dpia.reference,
                validFrom: nil, validUntil: nil, nextReview: dpia.nextReview.map(KnownDate.known), completed: dpia.completed, span: dpia.span))
        }
        for gateway in model.gateways.values where include(gateway.id, gateway.span) {
            result.append(InstrumentEntry(
                kind: .gateway, id: gateway.id, title: gateway.title, reference: gateway.citation,
                validFrom: gateway.validFrom, validUntil: gateway.validUntil.map(KnownDate.known), nextReview: nil, completed: nil,
                span: gateway.span))
        }
        for waiver in model.waivers {
            result.append(InstrumentEntry(
                kind: .waiver, id: waiver.code + " " + waiver.target.name, title: waiver.justification, reference: waiver.reference,
                validFrom: nil, validUntil: waiver.expires.map(KnownDate.known), nextReview: nil, completed: nil, span: waiver.span))
        }
        return result.sorted { lhs, rhs in
            if lhs.kind != rhs.kind { return lhs.kind.order < rhs.kind.order }
            if lhs.id != rhs.id { return utf8Less(lhs.id, rhs.id) }
            return lhs.span < rhs.span
        }
    }

    /// Ids of instruments some flow cites: confidentiality instruments, Art 6 gateways, agreements, DPIAs.
    func citedInstruments(flows indices: [Int]? = nil) -> Set<String> {
        var result: Set<String> = []
        for index in indices ?? Array(model.flows.indices) {
            let flow = model.flows[index]
            if let instrument = flow.confidentiality?.instrument { result.insert(instrument.name) }
            if let gateway = flow.article6?.gateway { result.insert(gateway.name) }
            for agreement in flow.agreements { result.insert(agreement.name) }
            if let dpia = flow.dpia { result.insert(dpia.name) }
        }
        return result
    }

    /// "valid until 2027-09-30 (311 days)", "expired on 2022-09-30 (1515 days ago)", "end date unknown".
    func validityText(_ entry: InstrumentEntry) -> String {
        var parts: [String] = []
        if let from = entry.validFrom, asOf < from { parts.append("not in force until \(from)") }
        switch entry.validUntil {
        case .known(let end)?:
            let days = asOf.days(until: end)
            parts.append(days < 0 ? "expired on \(end) (\(LegalWording.days(-days)) ago)" : "valid until \(end) (\(LegalWording.days(days)) left)")
        case .unknown?: parts.append("end date unknown")
        case nil: parts.append(entry.kind == .dpia ? "no end date (reviewed)" : "no end date stated")
        }
        return parts.joined(separator: "; ")
    }

    func reviewText(_ entry: InstrumentEntry) -> String {
        var parts: [String] = []
        if let completed = entry.completed { parts.append((entry.kind == .dpia ? "completed " : "last reviewed ") + completed.description) }
        switch entry.nextReview {
        case .known(let day)?:
            let days = asOf.days(until: day)
            parts.append(days < 0 ? "review overdue since \(day) (\(LegalWording.days(-days)))" : "next review \(day) (in \(LegalWording.days(days)))")
        case .unknown?: parts.append("next review unknown")
        case nil: break
        }
        return parts.joined(separator: "; ")
    }
}
