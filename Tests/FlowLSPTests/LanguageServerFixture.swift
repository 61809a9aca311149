import Foundation
import Testing

/// A small workspace with one model (`demo`, in `model/`) that uses the standard library: a
/// processor flow under s251 support that misses the National Data Opt-out (FG015) and an Art 28
/// contract (FG024); the missing retention period (FG031) is waived.
struct LanguageServerFixture {
    let root: URL

    static let parties = """
    use std

    org trust "Example Hospital NHS Trust" {
      kind trust
      public-authority yes
      confidentiality-duty yes
      apd yes
    }

    org supplier "Risk stratification supplier" {
      kind supplier
      processor-for trust
      confidentiality-duty yes
    }

    purpose local-risk "Local risk stratification" {
      category risk-stratification-case-finding
    }

    approval local-rs "Local risk stratification" {
      reference "CAG 7-04(a)/2013"
      regulation 5
      purposes local-risk
      datasets sus
      controllers trust
      processors supplier
      ndoo unknown
      valid-until 2030-09-30
      next-review 2030-01-01
    }

    """

    static let flows = """
    flow rs-extract trust -> supplier "SUS extract for risk stratification" {
      data sus
      level identifiable
      purpose local-risk
      role processor
      art6 e "NHS Act 2006 s14Z"
      art9 h
      sch1 part1 para2
      confidentiality s251-reg5 local-rs
    }

    waiver FG031 supplier {
      justification "Retention is set by the supplier's contract"
      owner "IG lead"
      reference "IG-1"
      expires 2027-06-30
    }

    """

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("flowgate-lsp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("model"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try "[models.demo]\npaths = [\"model\"]\n".write(to: root.appendingPathComponent("flowgate.toml"), atomically: true, encoding: .utf8)
        try Self.parties.write(to: url("parties.flow"), atomically: true, encoding: .utf8)
        try Self.flows.write(to: url("flows.flow"), atomically: true, encoding: .utf8)
    }

    func url(_ name: String) -> URL { root.appendingPathComponent("model").appendingPathComponent(name) }

    func uri(_ name: String) -> String { url(name).absoluteString }

    func remove() { try? FileManager.default.removeItem(at: root) }

    /// A fixture and a started server for `body`, then `shutdown` and `exit`, which must end the
    /// server with status 0; the fixture is removed afterwards.
    static func withServer(_ body: (LanguageServerClient, LanguageServerFixture) throws -> Void) throws {
        let fixture = try LanguageServerFixture()
        defer { fixture.remove() }
        let client = try fixture.start()
        try body(client, fixture)
        let shutdown = try client.request("shutdown", NSNull())
        #expect(shutdown["error"] == nil && shutdown["result"] is NSNull)
        #expect(try client.exit() == 0)
    }

    /// `initialize`, then `initialized`.
    func start() throws -> LanguageServerClient {
        let client = try LanguageServerClient(directory: root)
        _ = try client.result("initialize", ["processId": NSNull(), "rootUri": root.absoluteString, "capabilities": [String: Any]()])
        try client.notify("initialized", [String: Any]())
        return client
    }

    static func open(_ client: LanguageServerClient, uri: String, text: String, version: Int = 1) throws {
        try client.notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "flow", "version": version, "text": text]])
    }

    /// The edits of the quick fix titled `title` (up to a prefix) offered on a line of the document.
    static func quickFix(_ client: LanguageServerClient, uri: String, titled title: String, line: Int = 0) throws -> [[String: Any]] {
        let range = ["start": ["line": line, "character": 0], "end": ["line": line, "character": 4]]
        let actions = try #require(try client.result("textDocument/codeAction", ["textDocument": ["uri": uri], "range": range, "context": ["diagnostics": []]]) as? [[String: Any]])
        let action = try #require(actions.first { ($0["title"] as? String ?? "").hasPrefix(title) }, "no quick fix `\(title)` among \(actions.compactMap { $0["title"] })")
        return ((action["edit"] as? [String: Any])?["changes"] as? [String: Any])?[uri] as? [[String: Any]] ?? []
    }

    static func replaceAll(_ client: LanguageServerClient, uri: String, text: String, version: Int) throws {
        try client.notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": version], "contentChanges": [["text": text]]])
    }
}
