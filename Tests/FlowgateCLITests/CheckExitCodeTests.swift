import Foundation
import Testing

/// Exit codes of `flowgate check`: 0 nothing at or above --fail-on, 1 findings, 2 invalid.
struct CheckExitCodeTests {
    /// Warnings only: a law-less Art 6(1)(e), no sharing agreement, no retention (FG008, FG026, FG031).
    static let warningOnly = """
    use std
    org a "A" { kind trust; public-authority yes }
    org b "B" { kind other }
    dataset d "Staff list" { origin non-health; identifiers name; subjects staff; source a }
    purpose p "Payroll" { category processing-support }
    flow f1 a -> b "Staff names" { data d; level identifiable; purpose p; art6 e }
    """

    static let errorModel = """
    use std
    org a "A" { kind trust; public-authority yes }
    org b "B" { kind other }
    dataset d "D" { origin england-health; special-category health; identifiers nhs-number; source a }
    purpose p "Research" { category research }
    flow f1 a -> b "No bases" { data d; level identifiable; purpose p }
    """

    @Test func invalidInputExitsTwo() throws {
        let directory = try temporaryDirectory(["flows/bad.flow": "org x {\n  kind nonsense\n}\n"])
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Flowgate.run(["check"], in: directory)
        #expect(result.status == 2)
        #expect(result.output.contains("flows/bad.flow:2:8: error[FG112]"))
    }

    @Test func missingPathExitsTwo() throws {
        let directory = try temporaryDirectory([:])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try Flowgate.run(["check", "nowhere"], in: directory).status == 2)
    }

    @Test func usageErrorExitsTwo() throws {
        let directory = try temporaryDirectory([:])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try Flowgate.run(["check", "--fail-on", "sometimes"], in: directory).status == 2)
        #expect(try Flowgate.run(["check", "--as-of", "2026-02-30"], in: directory).status == 2)
    }

    @Test func failOnDecidesWhetherWarningsFail() throws {
        let directory = try temporaryDirectory(["flows/m.flow": Self.warningOnly])
        defer { try? FileManager.default.removeItem(at: directory) }
        let byDefault = try Flowgate.run(["check", "--as-of", "2026-11-23", "--format", "json"], in: directory)
        #expect(byDefault.output.contains("\"warnings\": "))
        #expect(!byDefault.output.contains("\"severity\": \"error\""))
        #expect(byDefault.status == 0)
        #expect(try Flowgate.run(["check", "--as-of", "2026-11-23", "--fail-on", "warning"], in: directory).status == 1)
        #expect(try Flowgate.run(["check", "--as-of", "2026-11-23", "--fail-on", "info"], in: directory).status == 1)
    }

    @Test func errorsFailAtEveryLevel() throws {
        let directory = try temporaryDirectory(["flows/m.flow": Self.errorModel])
        defer { try? FileManager.default.removeItem(at: directory) }
        for level in ["error", "warning", "info"] {
            #expect(try Flowgate.run(["check", "--fail-on", level], in: directory).status == 1)
        }
    }

    @Test func baselineHidesKnownFindingsOnly() throws {
        let directory = try temporaryDirectory(["flows/m.flow": Self.errorModel])
        defer { try? FileManager.default.removeItem(at: directory) }
        let written = try Flowgate.run(["check", "--write-baseline", "baseline.json"], in: directory)
        #expect(written.status == 1)
        let baselined = try Flowgate.run(["check", "--baseline", "baseline.json"], in: directory)
        #expect(baselined.status == 0, "\(baselined.output)")
        #expect(baselined.output.contains("in baseline"))
        // A new problem is still reported.
        let more = Self.errorModel + "\nflow f2 a -> b \"Another\" { data d; level identifiable; purpose p }\n"
        try more.write(to: directory.appendingPathComponent("flows/m.flow"), atomically: true, encoding: .utf8)
        let after = try Flowgate.run(["check", "--baseline", "baseline.json"], in: directory)
        #expect(after.status == 1)
        #expect(after.output.contains("`f2`"))
        #expect(!after.output.contains("`f1`"))
    }

    @Test func aBrokenBaselineIsInvalidInput() throws {
        let directory = try temporaryDirectory(["flows/m.flow": Self.errorModel, "baseline.json": "{\"nope\": 1}"])
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(try Flowgate.run(["check", "--baseline", "baseline.json"], in: directory).status == 2)
    }
}
