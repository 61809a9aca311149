import Foundation
import Testing

/// CI's currency checks (scripts/check-committed-outputs.sh) must not depend on the day they run:
/// committed diagrams are drawn as of flowgate.toml's `as-of`, not today. Run with the clock
/// years ahead (libfaketime, Debian's `faketime`, which `make test` installs), when instruments in
/// flows/ have expired, they still pass.
@Suite("Committed outputs with the clock years ahead")
struct CommittedOutputsTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Six years from now, as faketime's absolute start time.
    static var future: String {
        let calendar = Calendar(identifier: .gregorian)
        let year = calendar.dateComponents(in: TimeZone(identifier: "UTC")!, from: Date()).year! + 6
        return "\(year)-06-01 12:00:00"
    }

    @Test func currencyChecksPassYearsAhead() throws {
        let faketime = try #require(Self.faketime(), "faketime is not on PATH; `make test` installs it (apt-get install -y faketime)")
        let future = Self.future

        // The clock really is moved for flowgate: a check without --as-of runs as of the future day,
        // and there the model's findings are not those of the pinned date (instruments have expired).
        let late = try Flowgate.run([future, Flowgate.executable.path, "check", "flows/blmk", "--format", "json"],
                                    in: Self.packageRoot, executable: faketime)
        #expect(late.output.contains("\"asOf\": \"\(future.prefix(10))\""), "faketime did not reach flowgate: \(late.output.prefix(300))")
        let pinned = try Flowgate.run(["check", "flows/blmk", "--format", "json", "--as-of", Self.pinnedDate()], in: Self.packageRoot)
        #expect(Self.fingerprints(late.output) != Self.fingerprints(pinned.output), "the model's findings do not change with the date, so this test proves nothing")

        // CI's checks of the committed outputs, as .ci/run runs them, pass all the same.
        let script = Self.packageRoot.appendingPathComponent("scripts/check-committed-outputs.sh").path
        let checks = try Flowgate.run([future, "bash", script, Flowgate.executable.path], in: Self.packageRoot, executable: faketime)
        #expect(checks.status == 0, "\(checks.output)\n\(checks.error)")
        #expect(checks.output.contains("committed outputs are current"))
    }

    static func faketime() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("faketime") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// flowgate.toml's `as-of`.
    static func pinnedDate() throws -> String {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("flowgate.toml"), encoding: .utf8)
        let line = try #require(text.split(separator: "\n").first { $0.hasPrefix("as-of") })
        return String(try #require(line.split(separator: "=").last)).trimmingCharacters(in: .whitespaces)
    }

    static func fingerprints(_ json: String) -> Set<String> {
        Set(json.split(separator: "\n").filter { $0.contains("\"fingerprint\"") }.map { String($0) })
    }
}
