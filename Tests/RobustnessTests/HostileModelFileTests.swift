import Foundation
import Testing

/// A `.flow` file from a pull request is untrusted: through the built binary, it can read nothing
/// outside the workspace, and nothing it holds reaches the terminal as a control sequence.
@Suite(.serialized)
struct HostileModelFileTests {
    /// A file outside the test's workspace, with a line that must never be printed.
    private func secretBeside(_ directory: URL) throws -> URL {
        let secret = directory.appendingPathComponent("secret.txt")
        try "TOKEN=hunter2-do-not-print\n".write(to: secret, atomically: false, encoding: .utf8)
        return secret
    }

    @Test(arguments: ["/etc/passwd", "../secret.txt", "../../../../../../etc/passwd", "/proc/self/environ"])
    func includesCannotLeaveTheWorkspace(include: String) throws {
        let directory = try temporaryDirectory(["flows/a.flow": "include \"\(include)\"\n" + Sample.model])
        defer { removeTree(directory) }
        _ = try secretBeside(directory)
        let check = try Flowgate.run(["check", "flows"], in: directory)
        #expect(check.status == 2)
        #expect(check.output.contains("flows/a.flow:1:9: error[FG130]"), "\(check.all)")
        #expect(!check.all.contains("hunter2") && !check.all.contains("root:"))
    }

    @Test func aLinkedFileOutsideTheWorkspaceIsNotRead() throws {
        let directory = try temporaryDirectory(["flows/a.flow": Sample.model])
        defer { removeTree(directory) }
        let secret = try secretBeside(directory)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("flows/x.flow").path, withDestinationPath: secret.path)
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("flows/root").path, withDestinationPath: "/")
        let check = try Flowgate.run(["check", "flows", "--format", "sarif"], in: directory)
        #expect(check.status == 2)
        #expect(check.output.contains("FG130"))
        #expect(!check.all.contains("hunter2"))
        #expect(!check.timedOut && check.seconds < 60, "a link to / is not walked")
    }

    @Test func includeRootWidensTheWorkspace() throws {
        let directory = try temporaryDirectory([
            "flows/a.flow": "include \"../shared/p.flow\"\n" + Sample.model.replacingOccurrences(of: "purpose p \"Payroll\" { category processing-support }\n", with: ""),
            "shared/p.flow": "purpose p \"Payroll\" { category processing-support }\n",
        ])
        defer { removeTree(directory) }
        #expect(try Flowgate.run(["check", "flows"], in: directory).output.contains("FG130"))
        let widened = try Flowgate.run(["check", "flows", "--include-root", "shared"], in: directory)
        #expect(!widened.all.contains("FG130"), "\(widened.all)")
        #expect(widened.status != 2)
        // In a repository, the repository root is the workspace.
        try FileManager.default.createDirectory(at: directory.appendingPathComponent(".git"), withIntermediateDirectories: true)
        #expect(!(try Flowgate.run(["check", "flows"], in: directory).all.contains("FG130")))
    }

    @Test func aDirectoryOrANULIsNamedAsSuch() throws {
        let directory = try temporaryDirectory([
            "flows/a.flow": "include \"parts\"\ninclude \"b.flow\\u{0}.txt\"\n" + Sample.model,
            "flows/parts/b.flow": "",
        ])
        defer { removeTree(directory) }
        let check = try Flowgate.run(["check", "flows/a.flow"], in: directory)
        #expect(check.output.contains("names a directory"), "\(check.all)")
        #expect(check.output.contains("NUL"))
    }

    @Test func aBinaryFileIsNeverQuoted() throws {
        let directory = try temporaryDirectory(["flows/a.flow": Sample.model])
        defer { removeTree(directory) }
        let bytes: [UInt8] = Array("SECRET-KEY-hunter2 \u{0}\u{0} org {\n".utf8) + [0xFF, 0xFE]
        try Data(bytes).write(to: directory.appendingPathComponent("flows/key.flow"))
        let check = try Flowgate.run(["check", "flows"], in: directory)
        #expect(check.status == 2)
        #expect(!check.all.contains("hunter2"), "\(check.all)")
    }

    @Test func controlSequencesNeverReachTheTerminal() throws {
        let hostile = "\u{1B}[2J\u{1B}[Hno problems found\u{1B}]0;pwned\u{07}\u{1B}[8m\u{9B}"
        let model = Sample.model + "org c \"\(hostile)\" { kind trst }\nflow f9 a -> nowhere\(hostile.count) { data s }\n"
        let directory = try temporaryDirectory(["flows/a\u{1B}[31m\nb.flow": model])
        defer { removeTree(directory) }
        for format in ["text", "github"] {
            let check = try Flowgate.run(["check", "flows", "--format", format], in: directory)
            #expect(check.status == 2)
            #expect(check.all.contains("\\u{1B}"), "\(check.all)")
            #expect(!check.all.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" || $0 == "\u{9B}" })
        }
    }

    /// An approval's reference reaches `report expiries`, a file name `fmt`'s list: both escaped.
    @Test func reportsAndStatusLinesEscapeToo() throws {
        let starter = try String(contentsOfFile: Self.packageRoot + "/flows/starter/starter.flow", encoding: .utf8)
        let hostile = "\\u{1B}[2J\\u{1B}[Hno problems found\\u{1B}]0;pwned\\u{7}\\u{1B}[8m"
        let model = starter.replacingOccurrences(of: "reference \"CAG 2-03(a)/2013\"", with: "reference \"\(hostile)\"")
        #expect(model != starter)
        let directory = try temporaryDirectory(["flows/model.flow": model, "flows/x\u{1B}[31m.flow": "org   z \"Z\" { kind trust }\n"])
        defer { removeTree(directory) }
        let expiries = try Flowgate.run(["report", "expiries", "flows", "--within", "20y", "--as-of", "2026-11-23"], in: directory)
        #expect(expiries.output.contains("\\u{1B}[2J"), "\(expiries.all)")
        let format = try Flowgate.run(["fmt", "--check", "flows"], in: directory)
        #expect(format.output.contains("would reformat flows/x\\u{1B}[31m.flow"), "\(format.all)")
        // trace's bases line quotes the Art 6 citation.
        let cited = model.replacingOccurrences(of: "art6 e \"NHS Act 2006 s3 (ICB duty to arrange health services)\"", with: "art6 e \"\(hostile)\"")
        try cited.write(to: directory.appendingPathComponent("flows/model.flow"), atomically: false, encoding: .utf8)
        let trace = try Flowgate.run(["trace", "starter-local-flows", "flows"], in: directory)
        #expect(trace.output.contains("bases: art6 e \"\\u{1B}[2J"), "\(trace.all)")
        for run in [expiries, format, trace] {
            #expect(!run.all.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{07}" })
        }
    }

    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test func bidirectionalOverridesAreWarnedAboutAndEscaped() throws {
        let model = Sample.model.replacingOccurrences(of: "\"Payroll\" {", with: "\"Pay\u{202E}lor\u{2066}\" {")
        let directory = try temporaryDirectory(["flows/a.flow": model])
        defer { removeTree(directory) }
        let check = try Flowgate.run(["check", "flows", "--fail-on", "warning"], in: directory)
        #expect(check.output.contains("warning[FG129]"), "\(check.all)")
        let format = try Flowgate.run(["fmt", "--check", "flows"], in: directory)
        #expect(format.status == 1, "a warning does not make the file unformattable: \(format.all)")
        #expect(!check.all.unicodeScalars.contains { $0 == "\u{202E}" || $0 == "\u{2066}" })
    }

    @Test func onlyWebAndMailLinksAreAccepted() throws {
        for (url, accepted) in [("https://example.nhs.uk/privacy", true), ("mailto:dpo@example.nhs.uk", true),
                                ("javascript:alert(1)", false), (" JavaScript:alert(1)", false), ("data:text/html,x", false), ("example.nhs.uk", false)] {
            let model = Sample.model + "notice n \"Notice\" { controller a; url \"\(url)\" }\n"
            let directory = try temporaryDirectory(["flows/a.flow": model])
            defer { removeTree(directory) }
            let check = try Flowgate.run(["check", "flows"], in: directory)
            #expect(check.output.contains("error[FG113]: `url` must be") != accepted, "\(url): \(check.all)")
        }
    }
}
