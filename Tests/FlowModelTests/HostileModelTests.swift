import FlowLanguage
import FlowModel
import Testing

/// Whatever the files hold, loading ends in diagnostics or a model, never a trap; and the model is
/// returned exactly when there is no error.
@Suite struct HostileModelTests {
    @discardableResult
    private func survive(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ModelLoader.Result {
        var provider = MemoryFileSystem()
        provider.add("hostile.flow", bytes: bytes)
        let result = ModelLoader.load(paths: ["hostile.flow"], provider: provider)
        let hasErrors = result.diagnostics.contains { $0.severity == .error }
        #expect((result.model == nil) == hasErrors, sourceLocation: sourceLocation)
        for diagnostic in result.diagnostics {
            #expect(!DiagnosticRenderer.render(diagnostic, sources: result.sources).isEmpty, sourceLocation: sourceLocation)
        }
        return result
    }

    @Test func emptyFileIsAnEmptyModel() throws {
        let result = survive([])
        #expect(result.diagnostics.isEmpty)
        let model = try #require(result.model)
        #expect(model.organisations.isEmpty && model.flows.isEmpty)
    }

    @Test(arguments: [5, 6] as [UInt64])
    func randomBytes(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let result = survive((0..<32_768).map { _ in UInt8.random(in: 0...255, using: &generator) })
        #expect(result.diagnostics.map(\.code) == [LanguageCode.invalidUTF8.rawValue])
    }

    @Test func notUTF8() {
        let result = survive([0x6F, 0x72, 0x67, 0x20, 0xC3, 0x28])
        #expect(Loading.summary(result) == ["FG101 hostile.flow:1:5"])
    }

    /// Random statements made of the schema's own words reach every lowering path.
    @Test(arguments: [21, 22, 23, 24, 25] as [UInt64])
    func randomSchemaSoup(seed: UInt64) {
        let keywords = ["org", "boundary", "dataset", "at", "purpose", "approval", "agreement", "contract", "arrangement", "dpia",
                        "gateway", "opt-out", "key", "notice", "flow", "waiver", "include", "use", "model", "kind", "level", "data",
                        "purpose", "sch1", "art6", "confidentiality", "held-by", "contains", "valid-until", "regulation", "exempt",
                        "retention", "identifiers", "origin", "controller", "expires", "ndoo", "classes", "dspt", "country"]
        let arguments = ["a", "b", "x", "std", "FG015", "trust", "identifiable", "pseudonymise", "link", "part1", "para2", "unknown",
                         "2024-02-29", "2023-02-29", "5", "0", "GB", "yes", "\"t\"", "\"a.flow\"", "->", ",", "e", "h", "s251-reg5"]
        var generator = SeededGenerator(seed: seed)
        var text = ""
        var depth = 0
        for _ in 0..<600 {
            text += String(repeating: "  ", count: depth) + keywords.randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 0...5, using: &generator) { text += " " + arguments.randomElement(using: &generator)! }
            switch Int.random(in: 0..<6, using: &generator) {
            case 0 where depth < 4: text += " {"; depth += 1
            case 1 where depth > 0: text += "\n" + String(repeating: "  ", count: depth - 1) + "}"; depth -= 1
            default: break
            }
            text += "\n"
        }
        text += String(repeating: "}\n", count: depth)
        let result = survive(Array(text.utf8))
        #expect(!result.diagnostics.isEmpty)
    }

    /// Loading is linear but slow in debug builds (about 2 s/MB); the 10 MB file is parsed and
    /// formatted in FlowLanguageTests, and this checks the whole pipeline at 2 MB.
    @Test func twoMegabyteModel() throws {
        var text = "use std\n"
        var index = 0
        while text.utf8.count < 2 * 1024 * 1024 {
            text += "org o\(index) \"Organisation \(index)\" {\n  kind trust\n  successor nhs-england\n  description \"\(String(repeating: "x", count: 60))\"\n}\n\n"
            index += 1
        }
        let result = survive(Array(text.utf8))
        #expect(result.diagnostics.isEmpty)
        #expect(result.model?.organisations["o\(index - 1)"]?.successor?.name == "nhs-england")
    }

    @Test func tenThousandNestedBoundaries() {
        let text = (0..<10_000).map { "boundary b\($0) {\n" }.joined() + String(repeating: "}\n", count: 10_000)
        let result = survive(Array(text.utf8))
        // The 33rd `{`, on the line `boundary b32 {`.
        #expect(Loading.summary(result) == ["FG107 hostile.flow:33:14"])
    }

    @Test func boundariesNestedToTheLimitKeepTheirParents() throws {
        let depth = Parser.maximumDepth
        let text = (0..<depth).map { "boundary b\($0) {" }.joined(separator: "\n") + String(repeating: "\n}", count: depth)
        let model = try #require(survive(Array(text.utf8)).model)
        #expect(model.boundaries.count == depth)
        #expect(model.boundaries["b0"]?.parent == nil)
        #expect(model.boundaries["b\(depth - 1)"]?.parent == "b\(depth - 2)")
    }

    @Test func tooManyErrorsPerFileAreCapped() {
        let text = String(repeating: "org a {}\n", count: 1_000)
        let result = survive(Array(text.utf8))
        // 1,000 missing `kind`: lowering reports the first 100 and then FG126.
        let lowering = result.diagnostics.filter { $0.code == LanguageCode.missingProperty.rawValue }
        #expect(lowering.count == DiagnosticSink.defaultLimit)
        #expect(result.diagnostics.contains { $0.code == LanguageCode.tooManyErrors.rawValue })
    }
}
