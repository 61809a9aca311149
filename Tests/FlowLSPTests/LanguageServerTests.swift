import Foundation
import Testing

/// `flowgate lsp` driven by a client process, as an editor drives it.
@Suite struct LanguageServerTests {
    typealias Fixture = LanguageServerFixture

    @Test func initializeAnnouncesTheFeatures() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let client = try LanguageServerClient(directory: fixture.root)
        let result = try client.result("initialize", ["processId": NSNull(), "rootUri": fixture.root.absoluteString, "capabilities": [String: Any]()]) as? [String: Any]
        let capabilities = result?["capabilities"] as? [String: Any] ?? [:]
        for feature in ["hoverProvider", "definitionProvider", "referencesProvider", "documentFormattingProvider", "documentSymbolProvider", "workspaceSymbolProvider"] {
            #expect(capabilities[feature] as? Bool == true, "\(feature)")
        }
        #expect(capabilities["completionProvider"] != nil && capabilities["codeActionProvider"] != nil && capabilities["renameProvider"] != nil)
        #expect((result?["serverInfo"] as? [String: Any])?["name"] as? String == "flowgate")
        _ = try client.result("shutdown", NSNull())
        #expect(try client.exit() == 0)
    }

    @Test func exitWithoutShutdownIsAFailureAndABadDateIsRefused() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let client = try LanguageServerClient(directory: fixture.root, arguments: ["lsp"])
        let refused = try client.request("initialize", ["processId": NSNull(), "initializationOptions": ["asOf": "last Tuesday"]])
        #expect((refused["error"] as? [String: Any])?["code"] as? Int == -32602)
        _ = try client.result("initialize", ["processId": NSNull(), "initializationOptions": ["asOf": "2026-11-23"]])
        #expect(try client.exit() == 1)
    }

    @Test func brokenDocumentGetsLocatedDiagnosticsAndTheFixClearsThem() throws {
        try Fixture.withServer { client, fixture in
            let uri = fixture.uri("flows.flow")
            let broken = Fixture.flows.replacingOccurrences(of: "  level identifiable", with: "  levle identifiable")
            try Fixture.open(client, uri: uri, text: broken)
            let diagnostics = try client.diagnostics(for: uri)
            let unknown = try #require(diagnostics.first { $0["code"] as? String == "FG111" })
            #expect((unknown["message"] as? String)?.contains("`levle` is not a property of a flow") == true)
            let range = unknown["range"] as? [String: [String: Int]]
            #expect(range?["start"] == ["line": 2, "character": 2])
            #expect(range?["end"] == ["line": 2, "character": 7])
            #expect(unknown["severity"] as? Int == 1)

            // The fix, sent as an incremental change of the five characters.
            try client.notify("textDocument/didChange", [
                "textDocument": ["uri": uri, "version": 2],
                "contentChanges": [["range": ["start": ["line": 2, "character": 2], "end": ["line": 2, "character": 7]], "text": "level"]],
            ])
            let fixed = try client.diagnostics(for: uri, version: 2)
            let codes = fixed.compactMap { $0["code"] as? String }
            #expect(!codes.contains { $0.hasPrefix("FG1") })
            // The model is valid again, so the rules run: the missing opt-out, with its witness path.
            let optOut = try #require(fixed.first { $0["code"] as? String == "FG015" })
            let related = optOut["relatedInformation"] as? [[String: Any]] ?? []
            #expect(related.contains { ($0["message"] as? String ?? "").contains("trust -> supplier | sus | identifiable") })
            // FG031 is waived in the file.
            #expect(!codes.contains("FG031"))
        }
    }

    @Test func anOptOutLostAtAMergeShowsTheBranchThatCarriedIt() throws {
        try Fixture.withServer { client, fixture in
            let uri = fixture.uri("flows.flow")
            let merge = "at trust filter sus -> sus-filtered {\n  opt-out ndoo\n}\n\nat trust link sus-filtered, sus -> sus-merged\n\n"
            let text = merge + Fixture.flows.replacingOccurrences(of: "  data sus\n", with: "  data sus-merged\n")
            try Fixture.open(client, uri: uri, text: text)
            let optOut = try #require(try client.diagnostics(for: uri).first { $0["code"] as? String == "FG015" })
            let related = optOut["relatedInformation"] as? [[String: Any]] ?? []
            let branch = try #require(related.first { ($0["message"] as? String ?? "").hasPrefix("joins the path at 1: at trust: filter sus | sus-filtered") })
            #expect(((branch["location"] as? [String: Any])?["range"] as? [String: Any]).flatMap { ($0["start"] as? [String: Int])?["line"] } == 0)
            #expect(related.contains { ($0["message"] as? String ?? "").hasPrefix("path 1: at trust: link sus-filtered, sus | sus-merged") })
        }
    }

    @Test func findingsWithOneRootCausePointAtEachOther() throws {
        try Fixture.withServer { client, fixture in
            let uri = fixture.uri("flows.flow")
            let first = Fixture.flows.replacingOccurrences(of: "  art6 e \"NHS Act 2006 s14Z\"\n", with: "  art6 e\n")
            let flow = String(first.prefix { $0 != "}" }) + "}\n"
            let text = first + "\n" + flow.replacingOccurrences(of: "flow rs-extract", with: "flow rs-second")
            try Fixture.open(client, uri: uri, text: text)
            let missingLaw = try client.diagnostics(for: uri).filter { $0["code"] as? String == "FG008" }
            #expect(missingLaw.count == 2)
            let lines = missingLaw.compactMap { (($0["range"] as? [String: Any])?["start"] as? [String: Int])?["line"] }
            for (diagnostic, otherLine) in zip(missingLaw, lines.reversed()) {
                let related = diagnostic["relatedInformation"] as? [[String: Any]] ?? []
                let sameCause = related.filter { ($0["message"] as? String ?? "").hasPrefix("same root cause") }
                #expect(sameCause.count == 1)
                let location = sameCause.first?["location"] as? [String: Any]
                #expect(((location?["range"] as? [String: Any])?["start"] as? [String: Int])?["line"] == otherLine)
            }
        }
    }

    @Test func theWorkspaceFileDecidesTheRuleSettings() throws {
        try Fixture.withServer { client, fixture in
            let uri = fixture.uri("flows.flow")
            try Fixture.open(client, uri: uri, text: Fixture.flows)
            #expect(try client.diagnostics(for: uri).contains { $0["code"] as? String == "FG015" })
            let workspaceFile = fixture.root.appendingPathComponent("flowgate.toml")
            try "[models.demo]\npaths = [\"model\"]\n\n[models.demo.rules]\nFG015 = { disabled = true, reason = \"test\" }\n"
                .write(to: workspaceFile, atomically: true, encoding: .utf8)
            try client.notify("workspace/didChangeWatchedFiles", ["changes": [["uri": workspaceFile.absoluteString, "type": 2]]])
            var codes = try client.diagnostics(for: uri).compactMap { $0["code"] as? String }
            // The old model's diagnostics are withdrawn first (an empty list), then the new ones come.
            if codes.isEmpty { codes = try client.diagnostics(for: uri).compactMap { $0["code"] as? String } }
            #expect(codes.contains("FG024"))
            #expect(!codes.contains("FG015"))
        }
    }

    @Test func hoverExplainsVocabularyApprovalsAndRuleCodes() throws {
        try Fixture.withServer { client, fixture in
            let uri = fixture.uri("flows.flow")
            try Fixture.open(client, uri: uri, text: Fixture.flows)
            let document = ClientDocument(text: Fixture.flows)
            func hover(_ needle: String, within: Int) throws -> String {
                let result = try client.result("textDocument/hover", ["textDocument": ["uri": uri], "position": document.position(of: needle, within: within)])
                return ((result as? [String: Any])?["contents"] as? [String: Any])?["value"] as? String ?? ""
            }
            #expect(try hover("art6 e", within: 5).contains("Art 6(1)(e) public task"))
            #expect(try hover("art6 e", within: 5).contains("basis in law"))
            #expect(try hover("sch1 part1 para2", within: 12).contains("DPA 2018 Sch 1 Pt 1 para 2 health or social care purposes"))
            #expect(try hover("s251-reg5", within: 3).contains("COPI reg 5"))
            let approval = try hover("local-rs", within: 2)
            #expect(approval.contains("CAG 7-04(a)/2013"))
            #expect(approval.contains("until 2030-09-30"))
            #expect(approval.contains("in force on 2026-11-23"))
            #expect(try hover("FG031", within: 2).contains("retention"))
            #expect(try hover("level identifiable", within: 2) == "**level** — a property of a flow (required)\n\nOne of (identifiability level): `identifiable`, `pseudonymised-weak`, `pseudonymised`, `anonymised-in-context`, `anonymised`, `aggregate`")
            #expect(try hover("waiver", within: 2).hasPrefix("**waiver** declares a waiver\n\nRequired: `justification`, `owner`, `reference`, `expires`"))
            // Nothing to say about a comma-free title string.
            let title = try client.result("textDocument/hover", ["textDocument": ["uri": uri], "position": document.position(of: "SUS extract", within: 2)])
            #expect(title == nil || title is NSNull)
        }
    }

    @Test func definitionGoesToAnotherFileAndIntoTheStandardLibrary() throws {
        try Fixture.withServer { client, fixture in
            let uri = fixture.uri("flows.flow")
            try Fixture.open(client, uri: uri, text: Fixture.flows)
            let document = ClientDocument(text: Fixture.flows)
            let supplier = try #require(try client.result("textDocument/definition", ["textDocument": ["uri": uri], "position": document.position(of: "supplier", within: 3)]) as? [[String: Any]])
            #expect(supplier.first?["uri"] as? String == fixture.uri("parties.flow"))
            #expect((supplier.first?["range"] as? [String: [String: Int]])?["start"] == ["line": 9, "character": 4])

            let sus = try #require(try client.result("textDocument/definition", ["textDocument": ["uri": uri], "position": document.position(of: "data sus", within: 6)]) as? [[String: Any]])
            let libraryURI = try #require(sus.first?["uri"] as? String)
            let libraryFile = try #require(URL(string: libraryURI))
            #expect(libraryFile.lastPathComponent == "datasets.flow")
            // Served as a read-only file the editor can open.
            let text = try String(contentsOf: libraryFile, encoding: .utf8)
            #expect(text.contains("dataset sus"))
            #expect(!FileManager.default.isWritableFile(atPath: libraryFile.path) || getuid() == 0)
            let permissions = try FileManager.default.attributesOfItem(atPath: libraryFile.path)[.posixPermissions] as? Int
            #expect(permissions == 0o444)

            // `include "…"` leads to the file.
            let including = "include \"parties.flow\"\n\n" + Fixture.flows
            try Fixture.replaceAll(client, uri: uri, text: including, version: 2)
            let included = try #require(try client.result("textDocument/definition", ["textDocument": ["uri": uri], "position": ["line": 0, "character": 12]]) as? [[String: Any]])
            #expect(included.first?["uri"] as? String == fixture.uri("parties.flow"))
            try Fixture.replaceAll(client, uri: uri, text: Fixture.flows, version: 3)

            // References of `supplier` across both files.
            let references = try #require(try client.result("textDocument/references", [
                "textDocument": ["uri": uri], "position": document.position(of: "supplier", within: 3), "context": ["includeDeclaration": true],
            ]) as? [[String: Any]])
            #expect(Set(references.compactMap { $0["uri"] as? String }) == [fixture.uri("flows.flow"), fixture.uri("parties.flow")])
            // The flow, the waiver, the declaration and the approval; not `kind supplier`, a value.
            #expect(references.count == 4)
        }
    }

    @Test func completionOffersPropertiesValuesAndNamesOfTheRightKind() throws {
        try Fixture.withServer { client, fixture in
            let uri = fixture.uri("flows.flow")
            func labels(after line: String) throws -> [String] {
                let text = Fixture.flows.replacingOccurrences(of: "  role processor\n", with: "  role processor\n\(line)\n")
                try Fixture.replaceAll(client, uri: uri, text: text, version: 2)
                let position = ClientDocument(text: text).position(of: line, within: line.utf16.count)
                let result = try client.result("textDocument/completion", ["textDocument": ["uri": uri], "position": position]) as? [String: Any]
                return (result?["items"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
            }
            try Fixture.open(client, uri: uri, text: Fixture.flows)
            let properties = try labels(after: "  ")
            #expect(properties.contains("applies") && properties.contains("retention") && properties.contains("agreement"))
            #expect(!properties.contains("processor-for"))
            #expect(try labels(after: "  level ").contains("pseudonymised-weak"))
            #expect(try labels(after: "  confidentiality ").contains("s251-reg5"))
            let purposes = try labels(after: "  purpose ")
            #expect(purposes.contains("local-risk"))
            #expect(!purposes.contains("trust"))
            #expect(try labels(after: "  applies ").contains("ndoo"))
            // Nothing inside a comment or a string.
            #expect(try labels(after: "  # level ").isEmpty)
            #expect(try labels(after: "  description \"the level ").isEmpty)

            let header = "flow another trust -> "
            let text = Fixture.flows + "\n" + header + "\n"
            try Fixture.replaceAll(client, uri: uri, text: text, version: 3)
            let result = try client.result("textDocument/completion", ["textDocument": ["uri": uri], "position": ClientDocument(text: text).position(of: header, within: header.utf16.count)]) as? [String: Any]
            let organisations = (result?["items"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String }
            #expect(organisations.contains("supplier") && organisations.contains("trust"))
            #expect(!organisations.contains("local-risk"))
        }
    }

    @Test func codeActionsFixFindingsMechanically() throws {
        try Fixture.withServer { client, fixture in
            let uri = fixture.uri("flows.flow")
            try Fixture.open(client, uri: uri, text: Fixture.flows)
            #expect(try client.diagnostics(for: uri).contains { $0["code"] as? String == "FG015" })
            var document = ClientDocument(text: Fixture.flows)
            document.apply(try Fixture.quickFix(client, uri: uri, titled: "FG015: add `applies ndoo`"))
            #expect(document.text.contains("  confidentiality s251-reg5 local-rs\n  applies ndoo\n}"))
            try Fixture.replaceAll(client, uri: uri, text: document.text, version: 2)
            document.apply(try Fixture.quickFix(client, uri: uri, titled: "FG024: declare `contract rs-extract-contract`"))
            #expect(document.text.contains("  applies ndoo\n  agreement rs-extract-contract\n}"))
            #expect(document.text.contains("}\n\ncontract rs-extract-contract {\n  controller trust\n  processor supplier\n  purposes local-risk\n  datasets sus\n}\n\nwaiver"))
            try Fixture.replaceAll(client, uri: uri, text: document.text, version: 3)
            let codes = try client.diagnostics(for: uri, version: 3).compactMap { $0["code"] as? String }
            #expect(!codes.contains("FG015"))
            #expect(!codes.contains("FG024"))
            #expect(!codes.contains { $0.hasPrefix("FG1") })
        }
    }

    @Test func theMissingScheduleOneConditionIsAddedByAQuickFix() throws {
        try Fixture.withServer { client, fixture in
            let uri = fixture.uri("flows.flow")
            let text = Fixture.flows.replacingOccurrences(of: "  sch1 part1 para2\n", with: "")
            try Fixture.open(client, uri: uri, text: text)
            #expect(try client.diagnostics(for: uri).contains { $0["code"] as? String == "FG003" })
            var document = ClientDocument(text: text)
            document.apply(try Fixture.quickFix(client, uri: uri, titled: "FG003: add `sch1 part1 para2`", line: 6))
            #expect(document.text.contains("  confidentiality s251-reg5 local-rs\n  sch1 part1 para2\n}"))
            try Fixture.replaceAll(client, uri: uri, text: document.text, version: 2)
            #expect(try !client.diagnostics(for: uri, version: 2).contains { $0["code"] as? String == "FG003" })
        }
    }

    @Test func formattingSymbolsAndRename() throws {
        try Fixture.withServer { client, fixture in
            let uri = fixture.uri("flows.flow")
            let untidy = Fixture.flows.replacingOccurrences(of: "  data sus", with: "    data     sus")
            try Fixture.open(client, uri: uri, text: untidy)
            let edits = try #require(try client.result("textDocument/formatting", ["textDocument": ["uri": uri], "options": ["tabSize": 2, "insertSpaces": true]]) as? [[String: Any]])
            var document = ClientDocument(text: untidy)
            document.apply(edits)
            #expect(document.text == Fixture.flows)

            let symbols = try #require(try client.result("textDocument/documentSymbol", ["textDocument": ["uri": fixture.uri("parties.flow")]]) as? [[String: Any]])
            #expect(symbols.compactMap { $0["name"] as? String } == ["trust", "supplier", "local-risk", "local-rs"])
            let found = try #require(try client.result("workspace/symbol", ["query": "local"]) as? [[String: Any]])
            #expect(Set(found.compactMap { $0["name"] as? String }) == ["local-risk", "local-rs"])

            let rename = try #require(try client.result("textDocument/rename", [
                "textDocument": ["uri": uri], "position": ClientDocument(text: untidy).position(of: "supplier", within: 1), "newName": "rs-supplier",
            ]) as? [String: Any])
            let changes = try #require(rename["changes"] as? [String: [[String: Any]]])
            #expect(Set(changes.keys) == [uri, fixture.uri("parties.flow")])
            var parties = ClientDocument(text: Fixture.parties)
            parties.apply(changes[fixture.uri("parties.flow")] ?? [])
            #expect(parties.text.contains("org rs-supplier ") && parties.text.contains("processors rs-supplier"))
            #expect(parties.text.contains("  kind supplier\n"))
            // A name of the standard library cannot be renamed; the server answers with an error.
            let library = try client.request("textDocument/rename", [
                "textDocument": ["uri": uri], "position": ClientDocument(text: untidy).position(of: "data     sus", within: 10), "newName": "x",
            ])
            let refusal = (library["error"] as? [String: Any])?["message"] as? String
            #expect(refusal?.contains("standard library") == true)
        }
    }

    @Test func aFailingRequestIsAnsweredWithAnErrorAndTheServerGoesOn() throws {
        try Fixture.withServer { client, fixture in
            let uri = fixture.uri("flows.flow")
            try Fixture.open(client, uri: uri, text: Fixture.flows)
            let unknown = try client.request("flowgate/noSuchMethod", [String: Any]())
            #expect((unknown["error"] as? [String: Any])?["code"] as? Int == -32601)
            let missing = try client.request("textDocument/hover", ["textDocument": ["uri": fixture.uri("missing.flow")], "position": ["line": 0, "character": 0]])
            #expect((missing["error"] as? [String: Any])?["code"] as? Int == -32602)
            let malformed = try client.request("textDocument/hover", ["textDocument": ["uri": uri]])
            #expect((malformed["error"] as? [String: Any])?["code"] as? Int == -32602)
            let rename = try client.request("textDocument/rename", [
                "textDocument": ["uri": uri], "position": ClientDocument(text: Fixture.flows).position(of: "supplier", within: 1), "newName": "not a name",
            ])
            #expect(rename["error"] != nil)
            // The server is still there and answers.
            let hover = try client.result("textDocument/hover", ["textDocument": ["uri": uri], "position": ClientDocument(text: Fixture.flows).position(of: "art6 e", within: 5)])
            #expect(hover is [String: Any])
        }
    }
}
