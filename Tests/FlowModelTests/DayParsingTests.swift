import FlowModel
import Testing

@Suite struct DayParsingTests {
    @Test(arguments: [
        ("2026-03-31", Day(year: 2026, month: 3, day: 31)),
        ("2024-02-29", Day(year: 2024, month: 2, day: 29)),
        ("1900-01-01", Day(year: 1900, month: 1, day: 1)),
        ("9999-12-31", Day(year: 9999, month: 12, day: 31)),
    ])
    func acceptsStrictISODates(text: String, expected: Day?) {
        #expect(expected != nil)
        #expect(Day(iso: text) == expected)
        #expect(Day(iso: text)?.description == text)
    }

    @Test(arguments: [
        "", "2026", "2026-1-01", "2026-01-1", "2026-01-011", "02026-01-01", "2026/01/01", "2026-01-01 ",
        "+026-01-01", "2026-+1-01", "2026-01--1", "２０２６-01-01", "2026-13-01", "2026-00-10", "2026-02-29",
        "2026-04-31", "1899-12-31", "2026-01-00", "abcd-ef-gh", "2026-01-0a",
    ])
    func rejectsAnythingElse(text: String) {
        #expect(Day(iso: text) == nil)
    }
}
