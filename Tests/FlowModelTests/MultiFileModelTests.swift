import FlowLanguage
import FlowModel
import Testing

/// Several files form one model with one namespace.
@Suite struct MultiFileModelTests {
    static let orgs = """
        org src "Source" {
          kind trust
          successor dst
        }
        org dst "Destination" {
          kind icb
        }
        """

    static let data = """
        dataset data {
          origin england-health
          source src
        }
        purpose care {
          category individual-care
        }
        """

    static let flows = """
        flow feed src -> dst {
          data data
          level identifiable
          purpose care
        }
        """

    @Test func filesFormOneModelAndNamesResolveAcrossThem() throws {
        let model = try Loading.model(["flows/orgs.flow": Self.orgs, "flows/data.flow": Self.data, "flows/sub/flows.flow": Self.flows],
                                      paths: ["flows"])
        #expect(model.organisations.keys.sorted() == ["dst", "src"])
        #expect(model.datasets["data"]?.sources.map(\.name) == ["src"])
        let flow = try #require(model.flows.first)
        #expect(flow.id == "feed" && flow.from.name == "src" && flow.dataset.name == "data")
        #expect(flow.span.path == "flows/sub/flows.flow")
        #expect(model.organisations["src"]?.span.path == "flows/orgs.flow")
    }

    @Test func severalPathArgumentsAreOneModel() throws {
        let files = ["a/orgs.flow": Self.orgs, "b/data.flow": Self.data, "c.flow": Self.flows]
        let model = try Loading.model(files, paths: ["a", "b/data.flow", "./c.flow"])
        #expect(model.flows.count == 1)
        #expect(Loading.load(files, paths: ["a", "c.flow"]).model == nil, "without b/data.flow, `data` and `care` are unknown")
    }

    @Test func duplicateAcrossFilesPointsAtTheOtherFile() throws {
        let result = Loading.load(["a.flow": Self.orgs, "b.flow": "\n\norg src {\n  kind trust\n}"])
        #expect(Loading.summary(result) == ["FG120 b.flow:3:1"])
        let note = try #require(result.diagnostics.first?.notes.first)
        #expect(Loading.noteLocation(note, result.sources) == "a.flow:1:1")
        #expect(note.message == "an organisation `src` is declared here")
        #expect(result.model == nil)
    }

    @Test func unknownNamesAcrossFilesSuggestFromEveryFile() throws {
        let result = Loading.load(["a.flow": Self.orgs, "b.flow": Self.data, "c.flow": Self.flows.replacingOccurrences(of: "-> dst", with: "-> dsst")])
        #expect(Loading.summary(result) == ["FG121 c.flow:1:18"])
        #expect(result.diagnostics.first?.help == "did you mean `dst`?")
    }

    @Test func modelNamedDifferentlyInTwoFiles() {
        let result = Loading.load(["a.flow": "model \"One\"", "b.flow": "model \"Two\""])
        #expect(Loading.summary(result) == ["FG120 b.flow:1:1"])
        #expect(result.diagnostics.first?.message == "the model is already named \"One\"")
    }

    /// Regression: the later file's settings (defaults, for a bare `model "Name"`) silently replaced
    /// the earlier file's, so `suppress-below 10` could quietly become 8.
    @Test func modelNameAloneKeepsSettingsFromAnotherFile() throws {
        for (first, second) in [("a.flow", "b.flow"), ("b.flow", "a.flow")] {
            let model = try Loading.model([first: "model \"A\" {\n  suppress-below 10\n}", second: "model \"A\""])
            #expect(model.settings.minimumSuppressBelow == 10)
        }
    }

    @Test func settingsGivenInTwoFilesAreReported() throws {
        let result = Loading.load(["a.flow": "model \"A\" {\n  suppress-below 10\n}", "b.flow": "\nmodel \"A\" {\n  round-to 10\n}"])
        #expect(Loading.summary(result) == ["FG120 b.flow:2:1"])
        let note = try #require(result.diagnostics.first?.notes.first)
        #expect(Loading.noteLocation(note, result.sources) == "a.flow:1:1")
        #expect(result.model == nil)
    }

    @Test func modelIsNilWheneverThereIsAnError() throws {
        let clean = ["a.flow": Self.orgs, "b.flow": Self.data, "c.flow": Self.flows]
        #expect(Loading.load(clean).model != nil)
        let breakages = [
            ("c.flow", Self.flows + "\n@"),                                      // lexer
            ("c.flow", Self.flows + "\n}"),                                      // parser
            ("c.flow", Self.flows.replacingOccurrences(of: "identifiable", with: "x")), // lowering
            ("c.flow", Self.flows.replacingOccurrences(of: "care", with: "cure")),      // resolver
            ("d.flow", "include \"missing.flow\""),                              // loader
        ]
        for (path, text) in breakages {
            var files = clean
            files[path] = text
            let result = Loading.load(files)
            #expect(!result.diagnostics.isEmpty && result.model == nil, "\(Loading.summary(result))")
        }
    }

    @Test func sourcesHoldEveryLoadedFile() {
        let result = Loading.load(["a.flow": Self.orgs, "b.flow": Self.data, "c.flow": Self.flows])
        #expect(result.files == ["a.flow", "b.flow", "c.flow"])
        #expect(result.sources.files.keys.sorted() == ["a.flow", "b.flow", "c.flow"])
        #expect(result.model?.sources.files.count == 3)
    }
}
