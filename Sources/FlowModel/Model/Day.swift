/// A calendar date without time zone: what legal instruments and waivers expire on.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month),
              (1...Day.daysInMonth(year: year, month: month)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` strictly: ASCII digits and hyphens, nothing else. Read as bytes, since
    /// a national estate has hundreds of thousands of dates and splitting each into substrings was
    /// a visible part of loading.
    public init?(iso text: String) {
        var text = text
        let parsed: (year: Int, month: Int, day: Int)? = text.withUTF8 { bytes in
            guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = Int(bytes[index]) - Int(UInt8(ascii: "0"))
                    guard (0...9).contains(digit) else { return nil }
                    value = value * 10 + digit
                }
                return value
            }
            guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
            return (year, month, day)
        }
        guard let parsed else { return nil }
        self.init(year: parsed.year, month: parsed.month, day: parsed.day)
    }

    /// The days a date written to the day, the month or the year covers: `2025-07-14`, `2025-07`
    /// (1–31 July) or `2025` (the whole year). Sources often give no more than a month or a year.
    public static func period(iso text: String) -> ClosedRange<Day>? {
        if let day = Day(iso: text) { return day...day }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts.count <= 2, parts[0].count == 4, let year = Int(parts[0]) else { return nil }
        if parts.count == 1 {
            guard let first = Day(year: year, month: 1, day: 1), let last = Day(year: year, month: 12, day: 31) else { return nil }
            return first...last
        }
        guard parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month),
              let first = Day(year: year, month: month, day: 1),
              let last = Day(year: year, month: month, day: daysInMonth(year: year, month: month)) else { return nil }
        return first...last
    }

    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for differences between days.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let m = month
        let dayOfYear = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    public func days(until other: Day) -> Int { other.ordinal - ordinal }

    public static let earliest = Day(year: 1900, month: 1, day: 1)!
    public static let latest = Day(year: 9999, month: 12, day: 31)!

    /// The day `count` days later (or earlier), held within the years `Day` allows: a model may
    /// write any date up to 9999-12-31 and any count, so the arithmetic saturates instead of trapping.
    public func adding(days count: Int) -> Day {
        let (sum, overflow) = ordinal.addingReportingOverflow(count)
        let target = overflow ? (count > 0 ? Day.latest.ordinal : Day.earliest.ordinal) : max(Day.earliest.ordinal, min(Day.latest.ordinal, sum))
        // Civil-from-days (proleptic Gregorian), the inverse of `ordinal`.
        let z = target + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return Day(year: year, month: month, day: day)!
    }

    /// The same day of the month `count` months later (the month's last day when it is shorter),
    /// or nil past 9999-12-31 or before 1900: "a year after 9999-12-31" is no date at all, and a
    /// rule asking when a review falls due must hear that, not trap.
    public func adding(months count: Int) -> Day? {
        let (index, overflow) = (year * 12 + month - 1).addingReportingOverflow(count)
        guard !overflow else { return nil }
        let newYear = index >= 0 ? index / 12 : (index - 11) / 12
        let newMonth = index - newYear * 12 + 1
        guard (Day.earliest.year...Day.latest.year).contains(newYear) else { return nil }
        return Day(year: newYear, month: newMonth, day: min(day, Day.daysInMonth(year: newYear, month: newMonth)))
    }

    public var description: String {
        let y = String(year)
        let m = month < 10 ? "0\(month)" : String(month)
        let d = day < 10 ? "0\(day)" : String(day)
        return "\(y)-\(m)-\(d)"
    }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A date the model may honestly not know ("valid until: unknown" for an approval whose register
/// entry could not be checked) — never guessed.
public enum KnownDate: Sendable, Hashable {
    case known(Day)
    case unknown

    public var day: Day? {
        if case .known(let day) = self { return day }
        return nil
    }
}
