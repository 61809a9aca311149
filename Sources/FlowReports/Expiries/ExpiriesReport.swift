import FlowLanguage
import FlowModel
import FlowOutput

/// How far ahead `flowgate report expiries` looks: `90d`, `12w`, `6m` (calendar months), `1y`.
public struct ExpiryWindow: Sendable, Hashable, CustomStringConvertible {
    public enum Unit: Character, Sendable, Hashable {
        case day = "d", week = "w", month = "m", year = "y"
    }

    public let amount: Int
    public let unit: Unit

    public init?(_ text: String) {
        guard let last = text.last, let unit = Unit(rawValue: last), text.count >= 2 else { return nil }
        let digits = text.dropLast()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), digits.count <= 5, let amount = Int(digits) else { return nil }
        self.amount = amount
        self.unit = unit
    }

    public var description: String { "\(amount)\(unit.rawValue)" }

    /// The last day of the window that starts on `start`. Month and year windows end on the same day
    /// of the month (the month's last day when it is shorter).
    public func end(from start: Day) -> Day {
        switch unit {
        case .day: return start.adding(days: amount)
        case .week: return start.adding(days: 7 * amount)
        case .month, .year: return start.adding(months: unit == .month ? amount : 12 * amount) ?? Day.latest
        }
    }
}

/// An instrument's expiry or review date that falls before the end of the window.
public struct ExpiryItem: Sendable, Hashable {
    public enum Event: String, Sendable, Hashable {
        case expires = "expires"
        case review = "review due"
    }

    public let entry: InstrumentEntry
    public let event: Event
    public let date: Day
    /// From the as-of date to `date`; negative when it has passed.
    public let days: Int

    /// Already expired: the last valid day is before the as-of date.
    public var hasExpired: Bool { event == .expires && days < 0 }

    public var status: String {
        switch event {
        case .expires: days < 0 ? "expired \(LegalWording.days(-days)) ago" : days == 0 ? "expires today" : "expires in \(LegalWording.days(days))"
        case .review: days < 0 ? "review overdue by \(LegalWording.days(-days))" : days == 0 ? "review due today" : "review due in \(LegalWording.days(days))"
        }
    }
}

public enum ExpiriesReport {
    /// Expiry and review dates on or before `until` (past ones included), soonest first.
    public static func items(_ context: ReportContext, until: Day) -> [ExpiryItem] {
        var items: [ExpiryItem] = []
        for entry in context.instruments() {
            if let end = entry.validUntil?.day, end <= until {
                items.append(ExpiryItem(entry: entry, event: .expires, date: end, days: context.asOf.days(until: end)))
            }
            if let review = entry.nextReview?.day, review <= until {
                items.append(ExpiryItem(entry: entry, event: .review, date: review, days: context.asOf.days(until: review)))
            }
        }
        for notice in context.model.notices.values where !StandardLibrary.isLibraryPath(notice.span.path) {
            guard let due = notice.reviewDue, due <= until else { continue }
            let entry = InstrumentEntry(
                kind: .notice, id: notice.id, title: notice.title, reference: notice.url, validFrom: nil, validUntil: nil,
                nextReview: .known(due), completed: notice.reviewed, span: notice.span)
            items.append(ExpiryItem(entry: entry, event: .review, date: due, days: context.asOf.days(until: due)))
        }
        return items.sorted { lhs, rhs in
            if lhs.date != rhs.date { return lhs.date < rhs.date }
            if lhs.event != rhs.event { return lhs.event == .expires }
            if lhs.entry.kind != rhs.entry.kind { return lhs.entry.kind.order < rhs.entry.kind.order }
            return utf8Less(lhs.entry.id, rhs.entry.id)
        }
    }

    /// Instruments whose end or review date the model records as `unknown`.
    public static func unknownDates(_ context: ReportContext) -> [InstrumentEntry] {
        context.instruments().filter { $0.validUntil == .unknown || $0.nextReview == .unknown }
    }

    public static func text(_ context: ReportContext, window: ExpiryWindow, items: [ExpiryItem]) -> String {
        let until = window.end(from: context.asOf)
        var out = "Expiries and reviews due by \(until) (within \(window) of \(context.asOf)), soonest first:\n\n"
        if items.isEmpty { out += "  none\n" }
        for item in items {
            let reference = item.entry.reference.map { " (\($0))" } ?? ""
            out += "  \(item.date)  \(item.status)\n"
            out += "      \(item.entry.kind.rawValue) \(item.entry.id)\(reference) at \(context.location(item.entry.span))\n"
        }
        let expired = items.filter(\.hasExpired).count
        let overdue = items.filter { $0.event == .review && $0.days < 0 }.count
        out += "\n\(expired) expired, \(overdue) overdue for review, \(items.count - expired - overdue) due in the window.\n"
        let unknown = unknownDates(context)
        if !unknown.isEmpty {
            out += "\nDates recorded as unknown (check the register and record them):\n"
            for entry in unknown {
                let what = [entry.validUntil == .unknown ? "end date" : nil, entry.nextReview == .unknown ? "next review" : nil]
                    .compactMap { $0 }.joined(separator: " and ")
                out += "  \(entry.kind.rawValue) \(entry.id): \(what) unknown\n"
            }
        }
        // References (`reference "…"`) and paths come from the model: nothing may drive the terminal.
        return TerminalText.escaped(out, keepingLineBreaks: true)
    }

    public static func json(_ context: ReportContext, window: ExpiryWindow, items: [ExpiryItem]) -> String {
        let value = JSONValue.object([
            ("asOf", .string(context.asOf.description)),
            ("within", .string(window.description)),
            ("until", .string(window.end(from: context.asOf).description)),
            ("items", .array(items.map { item in
                .object([
                    ("kind", .string(item.entry.kind.rawValue)),
                    ("id", .string(item.entry.id)),
                    ("title", .optional(item.entry.title)),
                    ("reference", .optional(item.entry.reference)),
                    ("event", .string(item.event.rawValue)),
                    ("date", .string(item.date.description)),
                    ("days", .number(item.days)),
                    ("expired", .bool(item.hasExpired)),
                    ("status", .string(item.status)),
                    ("location", .string(context.location(item.entry.span))),
                ])
            })),
            ("unknownDates", .array(unknownDates(context).map { entry in
                .object([
                    ("kind", .string(entry.kind.rawValue)),
                    ("id", .string(entry.id)),
                    ("endDateUnknown", .bool(entry.validUntil == .unknown)),
                    ("reviewUnknown", .bool(entry.nextReview == .unknown)),
                ])
            })),
        ])
        return value.serialized() + "\n"
    }
}
