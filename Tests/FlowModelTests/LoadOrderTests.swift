import FlowLanguage
import FlowModel
import Testing

/// Directory inputs load in a stable, sorted order, so results do not depend on how a file
/// system happens to list them.
@Suite struct LoadOrderTests {
    static let files: [String: String] = [
        "z.flow": "org z {\n  kind trust\n}",
        "a.flow": "org a {\n  kind trust\n}",
        "m/b.flow": "org mb {\n  kind trust\n}",
        "m/a.flow": "org ma {\n  kind trust\n}",
        "B.flow": "org upper-b {\n  kind trust\n}",
        "m-x.flow": "org mx {\n  kind trust\n}",
        "notes.txt": "not a flow file",
    ]

    @Test func directoryFilesLoadInByteOrder() {
        let result = Loading.load(Self.files)
        #expect(result.diagnostics.isEmpty)
        #expect(result.files == ["B.flow", "a.flow", "m-x.flow", "m/a.flow", "m/b.flow", "z.flow"])
    }

    @Test func loadingIsDeterministic() {
        let first = Loading.load(Self.files)
        for _ in 0..<10 {
            let again = Loading.load(Self.files)
            #expect(again.files == first.files)
            #expect(again.model?.sortedOrganisations.map(\.span) == first.model?.sortedOrganisations.map(\.span))
        }
    }

    @Test func subdirectoryInputLoadsOnlyItsFiles() {
        #expect(Loading.load(Self.files, paths: ["m"]).files == ["m/a.flow", "m/b.flow"])
        #expect(Loading.load(Self.files, paths: ["m/"]).files == ["m/a.flow", "m/b.flow"])
    }

    @Test func firstDeclarationWinsInLoadOrder() throws {
        var files = Self.files
        files["m/a.flow"] = "org a {\n  kind icb\n}"
        let result = Loading.load(files)
        #expect(Loading.summary(result) == ["FG120 m/a.flow:1:1"])
        #expect(result.diagnostics.first?.notes.first?.span?.path == "a.flow")
    }

    @Test func flowsAndDiagnosticsAreInSourceOrder() throws {
        let flow = { (from: String) in "flow \(from) -> a {\n  data d\n  level aggregate\n  purpose p\n}\n" }
        let files = [
            "c.flow": flow("z") + flow("a"),
            "b.flow": "dataset d {\n  origin non-health\n}\npurpose p {\n  category audit\n}\n" + flow("mb"),
            "a.flow": "org a {\n  kind trust\n}\n" + flow("ma"),
            "z.flow": "org z {\n  kind trust\n}",
            "m/a.flow": "org ma {\n  kind trust\n}",
            "m/b.flow": "org mb {\n  kind trust\n}",
        ]
        let model = try Loading.model(files)
        #expect(model.flows.map(\.span.path) == ["a.flow", "b.flow", "c.flow", "c.flow"])
        #expect(model.flows.map(\.from.name) == ["ma", "mb", "z", "a"])

        var broken = files
        broken["c.flow"] = "@\n" + flow("yy")
        broken["a.flow"] = "org a {\n  kind trust\n}\n" + flow("zz")
        let summary = Loading.summary(Loading.load(broken))
        #expect(summary == ["FG121 a.flow:4:6", "FG102 c.flow:1:1", "FG121 c.flow:2:6"])
    }
}
