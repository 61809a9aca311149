import FlowReports
import Foundation
import Testing

/// Opens the HTML DPIA annex in a real browser: headless Chromium (Debian's `chromium` package) must be
/// on PATH. Missing Chromium is a failure, not a skip: CI installs it (`apt-get install -y chromium`).
@Suite("Headless Chromium")
struct ChromiumTests {
    @Test func annexRendersInChromium() throws {
        let chromium = try #require(Chromium.executable(), "chromium is not on PATH; install it with `apt-get install -y chromium`")
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowgate-chromium-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let context = try Repository.context("flows/blmk", modelName: "blmk")
        let scope = try #require(DPIAScope(context, purpose: "risk-stratification-case-finding"))
        let file = directory.appendingPathComponent("annex.html")
        try Data(DPIAReport.html(context, scope: scope, svg: try Repository.svg(context, scope: scope)).utf8).write(to: file)

        // The DOM Chromium builds: the inline SVG with its text alternative, and every table.
        let dom = try Chromium.run(chromium, ["--dump-dom", file.absoluteString], profile: directory.appendingPathComponent("profile"))
        #expect(dom.contains("<svg"))
        #expect(dom.contains("role=\"img\""))
        #expect(dom.contains("id=\"dpia-figure-desc\""))
        #expect(dom.contains("class=\"node\""), "the diagram's nodes are in the DOM")
        for id in Repository.annexTables {
            #expect(dom.contains("<table id=\"\(id)\""), "missing table \(id)")
        }
        #expect(dom.contains("s1-f8"))
        #expect(dom.components(separatedBy: "<caption>").count - 1 == Repository.annexTables.count)
        for heading in Repository.annexSections { #expect(dom.contains(heading), "missing section \(heading)") }

        // It draws, and it prints to PDF (the A4 print path).
        let png = directory.appendingPathComponent("annex.png")
        _ = try Chromium.run(chromium, ["--window-size=1280,2400", "--screenshot=\(png.path)", file.absoluteString],
                             profile: directory.appendingPathComponent("profile"))
        let image = try Data(contentsOf: png)
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(image.count > 50_000)
        let pdf = directory.appendingPathComponent("annex.pdf")
        _ = try Chromium.run(chromium, ["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", file.absoluteString],
                             profile: directory.appendingPathComponent("profile"))
        let document = try Data(contentsOf: pdf)
        #expect(document.starts(with: Array("%PDF".utf8)))
    }
}

enum Chromium {
    /// `chromium` (or `chromium-browser`) found on PATH.
    static func executable() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = directory + "/" + name
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }

    /// Runs headless Chromium with its own profile directory and returns standard output; fails after
    /// two minutes rather than hanging the test run.
    static func run(_ executable: String, _ arguments: [String], profile: URL) throws -> String {
        let output = profile.deletingLastPathComponent().appendingPathComponent("stdout-\(UUID().uuidString)")
        guard FileManager.default.createFile(atPath: output.path, contents: nil) else {
            throw RepositoryError(description: "cannot create \(output.path)")
        }
        let handle = try FileHandle(forWritingTo: output)
        defer { try? handle.close() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--disable-extensions", "--hide-scrollbars", "--user-data-dir=\(profile.path)",
        ] + arguments
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        if process.isRunning {
            process.terminate()
            throw RepositoryError(description: "chromium did not finish in 2 minutes: \(arguments)")
        }
        guard process.terminationStatus == 0 else {
            throw RepositoryError(description: "chromium exited with status \(process.terminationStatus): \(arguments)")
        }
        return try String(contentsOf: output, encoding: .utf8)
    }
}
