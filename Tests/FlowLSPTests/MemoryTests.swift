import FlowLSP
import Foundation
import Testing

/// The server is a long-lived process: what an edit makes, the next edit lets go.
@Suite struct MemoryTests {
    typealias Fixture = LanguageServerFixture

    /// The edited document's title, different on every edit.
    static func edited(_ number: Int) -> String {
        Fixture.flows.replacingOccurrences(of: "SUS extract for risk stratification", with: "SUS extract, revision \(number)")
    }

    @Test func residentMemoryStaysFlatAcrossAThousandEdits() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let client = try fixture.start()
        let uri = fixture.uri("flows.flow")
        try Fixture.open(client, uri: uri, text: Fixture.flows)
        _ = try client.diagnostics(for: uri)
        var afterWarmUp = 0
        for number in 1...1_000 {
            try Fixture.replaceAll(client, uri: uri, text: Self.edited(number), version: number + 1)
            let diagnostics = try client.diagnostics(for: uri, version: number + 1)
            #expect(diagnostics.contains { $0["code"] as? String == "FG015" })
            if number == 100 { afterWarmUp = try client.residentKibibytes() }
        }
        let afterAll = try client.residentKibibytes()
        // Allocator caches settle in the first hundred edits; the next nine hundred add nothing
        // that lasts (a leak of one model per edit would be tens of megabytes).
        #expect(afterAll - afterWarmUp < 4_096, "resident \(afterWarmUp) KiB after 100 edits, \(afterAll) KiB after 1,000")
        _ = try client.result("shutdown", NSNull())
        #expect(try client.exit() == 0)
    }

    @Test func anEditParsesOnlyTheEditedFileAndTheServerHoldsOneEntryPerFile() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let sink = open("/dev/null", O_WRONLY)
        defer { close(sink) }
        let server = LanguageServer(output: sink, libraryFolder: nil, asOf: try #require(.init(iso: "2026-11-23")))
        let uri = fixture.uri("flows.flow")
        try send(server, ["jsonrpc": "2.0", "id": 1, "method": "initialize", "params": ["rootUri": fixture.root.absoluteString]])
        try send(server, ["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": ["uri": uri, "languageId": "flow", "version": 1, "text": Fixture.flows]]])
        // Both files of the model and the six of the standard library.
        #expect(server.parsedOnLastCheck == 8)
        let retained = server.retainedFileCount
        for number in 1...1_000 {
            try send(server, ["jsonrpc": "2.0", "method": "textDocument/didChange", "params": [
                "textDocument": ["uri": uri, "version": number + 1], "contentChanges": [["text": Self.edited(number)]],
            ]])
            // As the server's loop does when no other message is waiting.
            server.checkEditedModels()
            #expect(server.parsedOnLastCheck == 1)
            #expect(server.retainedFileCount == retained)
        }
        #expect(server.openDocumentCount == 1)
        try send(server, ["jsonrpc": "2.0", "method": "textDocument/didClose", "params": ["textDocument": ["uri": uri]]])
        // Nothing of the model is open: the server lets all of it go.
        #expect(server.retainedFileCount == 0)
        #expect(server.openDocumentCount == 0)
    }

    private func send(_ server: LanguageServer, _ message: [String: Any]) throws {
        let body = try JSONSerialization.data(withJSONObject: message)
        #expect(server.handle(Array(body)) == nil)
    }
}
