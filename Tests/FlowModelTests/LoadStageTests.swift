import FlowModel
import Testing

/// `ModelLoader.load` reports each stage once, in order, for callers that time them.
struct LoadStageTests {
    @Test func stagesAreReportedOnceInOrder() {
        let provider = InMemorySourceProvider([
            "m.flow": "include \"more.flow\"\norg a \"A\" {\n  kind icb\n}\n",
            "more.flow": "org b \"B\" {\n  kind icb\n}\n",
        ])
        var reached: [ModelLoader.Stage] = []
        let result = ModelLoader.load(paths: ["m.flow"], provider: provider) { reached.append($0) }
        #expect(reached == [.lowered, .resolved])
        #expect(result.model?.organisations.keys.sorted() == ["a", "b"])
    }

    @Test func stagesAreReportedForAnInvalidModelToo() {
        var reached: [ModelLoader.Stage] = []
        let result = ModelLoader.load(paths: ["m.flow"], provider: InMemorySourceProvider(["m.flow": "org a {\n  kind nope\n}\n"])) { reached.append($0) }
        #expect(result.model == nil && !result.diagnostics.isEmpty)
        #expect(reached == [.lowered, .resolved])
    }
}
