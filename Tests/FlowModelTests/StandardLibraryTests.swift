import FlowLanguage
import FlowModel
import Foundation
import Testing

/// `use std` brings in the shipped library; user declarations of the same kind override it.
@Suite struct StandardLibraryTests {
    static let user = """
        use std
        org icb {
          kind icb
          processor-for nhs-england
        }
        purpose rs {
          category risk-stratification-case-finding
        }
        dataset d {
          origin england-health
        }
        flow nhs-england -> icb {
          data d
          level identifiable
          purpose rs
          applies ndoo, type1
        }
        """

    @Test func libraryIsShipped() throws {
        let std = try #require(StandardLibrary.libraries["std"])
        #expect(std.files.map(\.path).contains("<std>/national.flow"))
        #expect(std.files.allSatisfy { StandardLibrary.isLibraryPath($0.path) })
    }

    /// The compiled-in text is the text of `Library/std/` on disk, file for file: a file added there
    /// must also be listed in Package.swift and in `StandardLibrary`, or it would silently be left out.
    @Test func embeddedLibraryMatchesItsSourceFiles() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/FlowModel/Library/std")
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".flow") }.sorted()
        let std = try #require(StandardLibrary.libraries["std"])
        #expect(std.files.map(\.path) == onDisk.map { "<std>/\($0)" })
        for (name, file) in zip(onDisk, std.files) {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(file.text == text, "\(name) differs from its embedded copy")
        }
    }

    @Test func libraryNamesResolve() throws {
        let model = try Loading.model(Self.user)
        let nhsEngland = try #require(model.organisations["nhs-england"])
        #expect(nhsEngland.kind == .nationalBody && StandardLibrary.isLibraryPath(nhsEngland.span.path))
        #expect(model.optOuts["ndoo"]?.kind == .nationalDataOptOut)
        #expect(model.optOuts["type1"]?.kind == .type1)
        #expect(model.flows.first?.appliedOptOuts.map(\.name) == ["ndoo", "type1"])
    }

    @Test func libraryLoadsOnlyWhenUsed() {
        let result = Loading.load(Self.user.replacingOccurrences(of: "use std\n", with: ""))
        #expect(result.diagnostics.allSatisfy { $0.code == LanguageCode.unknownReference.rawValue })
        #expect(result.diagnostics.count == 4, "nhs-england twice, ndoo, type1: \(Loading.summary(result))")
        #expect(!result.files.contains { StandardLibrary.isLibraryPath($0) })
    }

    @Test func libraryFilesAreListedAndHaveSources() throws {
        let result = Loading.load(Self.user)
        #expect(result.files.first == "m.flow")
        let library = try #require(StandardLibrary.libraries["std"]).files.map(\.path)
        #expect(Array(result.files.dropFirst()) == library, "every library file, in the library's (sorted) order")
        #expect(library.allSatisfy { result.sources[$0] != nil }, "library notes can be rendered")
        #expect(library == library.sorted())
    }

    @Test func unknownLibrary() throws {
        let result = Loading.load("\nuse nope")
        #expect(Loading.summary(result) == ["FG125 m.flow:2:5"])
        #expect(result.diagnostics.first?.help == "available libraries: std")
        #expect(result.model == nil)
        #expect(Loading.load("use stdd").diagnostics.first?.help == "did you mean `std`?")
    }

    @Test func userDeclarationOverridesLibraryOfTheSameKind() throws {
        let model = try Loading.model(Self.user + "\norg nhs-england \"NHS England (local view)\" {\n  kind regulator\n}")
        let org = try #require(model.organisations["nhs-england"])
        #expect(org.kind == .regulator && org.span.path == "m.flow")
        // Library declarations that name it now refer to the user's organisation.
        #expect(model.optOuts["ndoo"]?.recordedAt.map(\.name) == ["nhs-england"])
    }

    @Test func overrideWorksWhicheverFileLoadsFirst() throws {
        let override = "org nhs-england {\n  kind regulator\n}"
        for (first, second) in [("a.flow", "b.flow"), ("b.flow", "a.flow")] {
            let model = try Loading.model([first: Self.user, second: override])
            #expect(model.organisations["nhs-england"]?.kind == .regulator)
        }
    }

    @Test func userDeclarationOfAnotherKindIsADuplicate() throws {
        let result = Loading.load(Self.user + "\npurpose ndoo {\n  category research\n}")
        #expect(Loading.summary(result) == ["FG120 m.flow:18:1"])
        let note = try #require(result.diagnostics.first?.notes.first)
        #expect(note.message == "an opt-out `ndoo` is declared here")
        let span = try #require(note.span)
        #expect(StandardLibrary.isLibraryPath(span.path))
        let line = try #require(result.sources.location(of: span)).line
        #expect(result.sources[span.path]?.lineText(line).hasPrefix("opt-out ndoo ") == true)
    }

    @Test func twoUserOverridesAreStillDuplicates() throws {
        let override = "org nhs-england {\n  kind regulator\n}"
        let result = Loading.load(["a.flow": Self.user, "b.flow": override, "c.flow": override])
        #expect(Loading.summary(result) == ["FG120 c.flow:1:1"])
        #expect(result.diagnostics.first?.notes.first?.span?.path == "b.flow")
    }

    @Test func usingTheLibraryInEveryFileLoadsItOnce() throws {
        let model = try Loading.model(["a.flow": Self.user, "b.flow": "use std\n", "c/d.flow": "use std"])
        #expect(model.organisations["nhs-england"] != nil)
    }

    @Test func libraryAloneIsValid() throws {
        let model = try Loading.model("use std")
        #expect(!model.organisations.isEmpty && !model.optOuts.isEmpty)
    }
}
