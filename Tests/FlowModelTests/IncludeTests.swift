import FlowLanguage
import FlowModel
import Testing

/// `include` resolves relative to the including file, loads each file once, and reports missing
/// files, cycles and unreadable files at the `include` that names them.
@Suite struct IncludeTests {
    private func load(_ provider: MemoryFileSystem, _ paths: [String]) -> ModelLoader.Result {
        ModelLoader.load(paths: paths, provider: provider)
    }

    @Test func includesAreRelativeToTheIncludingFile() throws {
        let files = [
            "model/main.flow": "include \"parts/orgs.flow\"\nflow a -> b {\n  data d\n  level aggregate\n  purpose p\n}",
            "model/parts/orgs.flow": "include \"../shared/data.flow\"\ninclude \"more/b.flow\"\norg a {\n  kind trust\n}",
            "model/parts/more/b.flow": "include \"../../../outside.flow\"\norg b {\n  kind icb\n}",
            "model/shared/data.flow": "dataset d {\n  origin england-health\n}",
            "outside.flow": "purpose p {\n  category audit\n}",
        ]
        let result = Loading.load(files, paths: ["model/main.flow"])
        #expect(result.diagnostics.isEmpty, "\(Loading.summary(result))")
        #expect(result.files == [
            "model/main.flow", "model/parts/orgs.flow", "model/shared/data.flow", "model/parts/more/b.flow", "outside.flow",
        ])
        #expect(result.model?.flows.count == 1)
    }

    @Test func includeCycleReportsTheChain() throws {
        let result = Loading.load(["a.flow": "include \"b.flow\"", "b.flow": "# b\ninclude \"a.flow\""], paths: ["a.flow"])
        #expect(Loading.summary(result) == ["FG124 b.flow:2:9"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "include cycle: a.flow → b.flow → a.flow")
        #expect(!diagnostic.notes.isEmpty)
        #expect(result.model == nil)
    }

    @Test func longerCycleStartingMidChain() throws {
        let files = [
            "root.flow": "include \"x/a.flow\"",
            "x/a.flow": "include \"b.flow\"",
            "x/b.flow": "include \"../c.flow\"",
            "c.flow": "include \"x/a.flow\"",
        ]
        let result = Loading.load(files, paths: ["root.flow"])
        #expect(Loading.summary(result) == ["FG124 c.flow:1:9"])
        #expect(result.diagnostics.first?.message == "include cycle: x/a.flow → x/b.flow → c.flow → x/a.flow")
    }

    @Test func fileIncludingItself() {
        let result = Loading.load(["a.flow": "include \"./a.flow\""], paths: ["a.flow"])
        #expect(Loading.summary(result) == ["FG124 a.flow:1:9"])
        #expect(result.diagnostics.first?.message == "include cycle: a.flow → a.flow")
    }

    @Test func cycleFoundFromADirectoryIsReportedOnce() {
        let result = Loading.load(["a.flow": "include \"b.flow\"", "b.flow": "include \"a.flow\""])
        #expect(Loading.summary(result) == ["FG124 b.flow:1:9"])
    }

    @Test func missingIncludeSuggestsASibling() throws {
        let result = Loading.load(["main.flow": "\ninclude \"parts/org.flow\"", "parts/orgs.flow": ""], paths: ["main.flow"])
        #expect(Loading.summary(result) == ["FG123 main.flow:2:9"])
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "included file `parts/org.flow` not found (looked for `parts/org.flow`)")
        #expect(diagnostic.help == "did you mean `orgs.flow`?")
        #expect(result.model == nil)
    }

    @Test func includingADirectoryIsNotFound() {
        let result = Loading.load(["main.flow": "include \"parts\"", "parts/a.flow": ""], paths: ["main.flow"])
        #expect(Loading.summary(result) == ["FG123 main.flow:1:9"])
    }

    @Test func diamondIncludesLoadEachFileOnce() throws {
        let files = [
            "top.flow": "include \"left.flow\"\ninclude \"right.flow\"",
            "left.flow": "include \"base.flow\"",
            "right.flow": "include \"base.flow\"",
            "base.flow": "org base {\n  kind trust\n}",
        ]
        let result = Loading.load(files, paths: ["top.flow"])
        #expect(result.diagnostics.isEmpty, "\(Loading.summary(result))")
        #expect(result.files == ["top.flow", "left.flow", "base.flow", "right.flow"])
    }

    @Test func filesBothIncludedAndInTheDirectoryLoadOnce() throws {
        let files = ["a.flow": "include \"sub/b.flow\"", "sub/b.flow": "org b {\n  kind trust\n}"]
        let result = Loading.load(files)
        #expect(result.diagnostics.isEmpty, "\(Loading.summary(result))")
        #expect(result.files == ["a.flow", "sub/b.flow"])
    }

    @Test func differentSpellingsOfOneFileLoadOnce() throws {
        var provider = MemoryFileSystem(["main.flow": "include \"./x.flow\"\ninclude \"sub/../x.flow\"\ninclude \"alias.flow\"",
                                         "x.flow": "org x {\n  kind trust\n}"])
        provider.link("alias.flow", to: "x.flow")
        let result = load(provider, ["main.flow"])
        #expect(result.diagnostics.isEmpty, "\(Loading.summary(result))")
        #expect(result.files == ["main.flow", "x.flow"])
    }

    @Test func unreadableIncludeIsReportedAtTheInclude() throws {
        var provider = MemoryFileSystem(["main.flow": "include \"secret.flow\""])
        provider.makeUnreadable("secret.flow")
        let result = load(provider, ["main.flow"])
        #expect(Loading.summary(result) == ["FG100 main.flow:1:9"])
        #expect(result.diagnostics.first?.message == "cannot read `secret.flow`: permission denied")
    }

    @Test func oversizedIncludeIsRefused() throws {
        var provider = MemoryFileSystem(["main.flow": "include \"huge.flow\"", "huge.flow": "org a {}"])
        provider.reportedSizes["huge.flow"] = ModelLoader.maximumFileSize + 1
        let result = load(provider, ["main.flow"])
        #expect(Loading.summary(result) == ["FG109 main.flow:1:9"])
        #expect(result.files == ["main.flow"], "the oversized file is not read")
    }

    @Test func deepIncludeChainStopsAtTheLimit() throws {
        var files: [String: String] = [:]
        for index in 0..<300 { files["f\(index).flow"] = "include \"f\(index + 1).flow\"" }
        files["f300.flow"] = ""
        let result = Loading.load(files, paths: ["f0.flow"])
        let summary = Loading.summary(result)
        #expect(summary.count == 1 && summary.first?.hasPrefix("FG124 f199.flow:1:9") == true, "\(summary)")
        #expect(result.diagnostics.first?.message.contains("nested more than") == true)
    }

    @Test func missingRootsAndEmptyInput() {
        let missing = Loading.load(["a.flow": ""], paths: ["nope.flow"])
        #expect(missing.diagnostics.map(\.code) == [LanguageCode.unreadableFile.rawValue])
        #expect(missing.diagnostics.first?.span == nil && missing.model == nil)
        let empty = Loading.load(["notes.txt": "x"], paths: ["."])
        #expect(empty.diagnostics.map(\.code) == [LanguageCode.noInput.rawValue])
        #expect(empty.model == nil)
    }
}
