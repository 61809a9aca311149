import Foundation
import Testing

/// `flowgate diff` end to end: the built binary in a temporary git repository.
struct DiffCommandTests {
    struct Result {
        let status: Int32
        let output: String
        let error: String
    }

    static var flowgate: URL {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        let beside = directory.appendingPathComponent("flowgate")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("flowgate")
    }

    @discardableResult
    static func run(_ executable: URL, _ arguments: [String], in directory: URL) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["GIT_AUTHOR_NAME"] = "t"
        environment["GIT_AUTHOR_EMAIL"] = "t@example.invalid"
        environment["GIT_COMMITTER_NAME"] = "t"
        environment["GIT_COMMITTER_EMAIL"] = "t@example.invalid"
        process.environment = environment
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let errorHandle = error.fileHandleForReading
        let errorData = Box()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData.data = errorHandle.readDataToEndOfFile() }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: outputData, as: UTF8.self),
                      error: String(decoding: errorData.data, as: UTF8.self))
    }

    final class Box: @unchecked Sendable { var data = Data() }

    static func diff(_ arguments: [String], in directory: URL) throws -> Result {
        try run(flowgate, ["diff"] + arguments, in: directory)
    }

    static func git(_ arguments: [String], in directory: URL) throws {
        let result = try run(URL(fileURLWithPath: "/usr/bin/env"), ["git"] + arguments, in: directory)
        #expect(result.status == 0, "git \(arguments.joined(separator: " ")): \(result.error)")
    }

    /// A repository with `files` committed; the caller removes it.
    static func repository(_ files: [String: String]) throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowgate-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try write(files, in: directory)
        try git(["init", "-q"], in: directory)
        try git(["add", "-A"], in: directory)
        try git(["commit", "-q", "-m", "base"], in: directory)
        return directory
    }

    static func write(_ files: [String: String], in directory: URL) throws {
        for (path, text) in files {
            let url = directory.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    static let changed = Models.declarations + """
    flow f1 a -> b "Payroll" { data n; level identifiable; purpose p; art6 e "NHS Act 2006 s14Z"; retention "6 years" destroy }
    flow f3 a -> c "To the supplier" { data h; level identifiable; purpose p }
    """

    @Test func reportsTheChangeInEveryFormat() throws {
        let repo = try Self.repository(["flows/m.flow": Models.base])
        defer { try? FileManager.default.removeItem(at: repo) }
        #expect(try Self.diff(["HEAD", "--as-of", "2026-01-01"], in: repo).output.contains("No changes to flows, recipients or findings."))
        try Self.write(["flows/m.flow": Self.changed], in: repo)

        let text = try Self.diff(["HEAD", "flows", "--as-of", "2026-01-01"], in: repo)
        #expect(text.status == 0, "\(text.error)")
        #expect(text.output.hasPrefix("Comparing HEAD → working tree\n"))
        #expect(text.output.contains("Flows: 1 added, 1 removed, 1 changed"))
        #expect(text.output.contains("  + c \"C Analytics Ltd\" via f3"))
        #expect(text.output.contains("  + flows/m.flow:11: error[FG0"))

        let json = try Self.diff(["HEAD", "--as-of", "2026-01-01", "--format", "json"], in: repo)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect((object["summary"] as? [String: Any])?["flowsAdded"] as? Int == 1)

        let markdown = try Self.diff(["HEAD", "--as-of", "2026-01-01", "--format", "markdown", "--diagram", "change.svg"], in: repo)
        #expect(markdown.status == 0)
        #expect(markdown.output.hasPrefix("### flowgate diff: `HEAD` → working tree"))
        let svg = try String(contentsOf: repo.appendingPathComponent("change.svg"), encoding: .utf8)
        #expect(svg.contains("<svg") && svg.contains("+ f3"))
        #expect(try Self.diff(["HEAD", "--as-of", "2026-01-01", "--diagram", "change.dot"], in: repo).status == 0)
        #expect(try String(contentsOf: repo.appendingPathComponent("change.dot"), encoding: .utf8).hasPrefix("digraph flowgate_diff {"))

        // f3 brings new errors: --fail-on makes that exit 1.
        #expect(try Self.diff(["HEAD", "--as-of", "2026-01-01", "--fail-on", "error"], in: repo).status == 1)
        // Against the working tree's own state once committed, nothing is new.
        try Self.git(["commit", "-q", "-am", "change"], in: repo)
        #expect(try Self.diff(["HEAD", "--as-of", "2026-01-01", "--fail-on", "info"], in: repo).status == 0)
        #expect(try Self.diff(["HEAD~1", "--as-of", "2026-01-01"], in: repo).output.contains("Flows: 1 added, 1 removed, 1 changed"))
    }

    @Test func readsIncludesOutsideThePathFromTheRevision() throws {
        let shared = Models.declarations
        let model = "include \"../shared/declarations.flow\"\n" + Models.f1 + "\n" + Models.f2 + "\n"
        let repo = try Self.repository(["flows/m.flow": model, "shared/declarations.flow": shared])
        defer { try? FileManager.default.removeItem(at: repo) }
        let same = try Self.diff(["HEAD", "flows", "--as-of", "2026-01-01"], in: repo)
        #expect(same.status == 0, "\(same.error)")
        #expect(same.output.contains("No changes"))
        // The old side reads the included file as it was at HEAD: a change to it shows.
        let health = shared.replacingOccurrences(of: "{ origin non-health; identifiers name;", with: "{ origin england-health; special-category health; identifiers name;")
        #expect(health != shared)
        try Self.write(["shared/declarations.flow": health], in: repo)
        let changed = try Self.diff(["HEAD", "flows", "--as-of", "2026-01-01"], in: repo)
        #expect(changed.output.contains("New special-category flows (1):\n  ! f1 (a -> b): n, identifiable"), "\(changed.output)")
    }

    @Test func worksFromASubdirectoryAndWithNewPaths() throws {
        let repo = try Self.repository(["sub/flows/m.flow": Models.base])
        defer { try? FileManager.default.removeItem(at: repo) }
        let sub = repo.appendingPathComponent("sub")
        try Self.write(["flows/m.flow": Self.changed, "more/n.flow": "flow g1 a -> c { data s; level aggregate; purpose p }\n"], in: sub)
        let result = try Self.diff(["HEAD", "flows", "more", "--as-of", "2026-01-01"], in: sub)
        #expect(result.status == 0, "\(result.error)")
        #expect(result.output.contains("Flows: 2 added, 1 removed, 1 changed"))
        #expect(result.output.contains("  + g1 (a -> c): s, aggregate  more/n.flow:1"))
        // A path that did not exist at REV: an empty old model, everything added.
        let fresh = try Self.diff(["HEAD", "more", "flows/m.flow", "--as-of", "2026-01-01"], in: sub)
        #expect(fresh.status == 0, "\(fresh.error)")
    }

    @Test func invalidInputExitsTwo() throws {
        let repo = try Self.repository(["flows/m.flow": Models.base])
        defer { try? FileManager.default.removeItem(at: repo) }
        let unknown = try Self.diff(["no-such-branch"], in: repo)
        #expect(unknown.status == 2)
        #expect(unknown.error.contains("cannot read revision `no-such-branch`: no commit `no-such-branch` in this repository"))
        #expect(try Self.diff(["HEAD", "--diagram", "x.txt"], in: repo).status == 2)
        #expect(try Self.diff(["--", "-x"], in: repo).status == 2)

        try Self.write(["flows/m.flow": "org x {\n  kind nonsense\n}\n"], in: repo)
        let broken = try Self.diff(["HEAD"], in: repo)
        #expect(broken.status == 2)
        #expect(broken.error.contains("flows/m.flow:2:8: error[FG112]"))
        #expect(broken.error.contains("the model in the working tree is invalid"))
        try Self.git(["commit", "-q", "-am", "broken"], in: repo)
        try Self.write(["flows/m.flow": Models.base], in: repo)
        let brokenBefore = try Self.diff(["HEAD"], in: repo)
        #expect(brokenBefore.status == 2)
        #expect(brokenBefore.error.contains("the model at `HEAD` is invalid"))

        let plain = FileManager.default.temporaryDirectory.appendingPathComponent("flowgate-diff-\(UUID().uuidString)")
        try Self.write(["flows/m.flow": Models.base], in: plain)
        defer { try? FileManager.default.removeItem(at: plain) }
        let outside = try Self.diff(["HEAD"], in: plain)
        #expect(outside.status == 2)
        #expect(outside.error.contains("not a git repository"))
    }
}
