import FlowLanguage
import FlowModel

/// Loading helpers for models written inline in tests.
enum Loading {
    /// Loads `files` (path → text) from the root directory.
    static func load(_ files: [String: String], paths: [String] = ["."]) -> ModelLoader.Result {
        ModelLoader.load(paths: paths, provider: MemoryFileSystem(files))
    }

    /// Loads one file, `m.flow`.
    static func load(_ text: String) -> ModelLoader.Result {
        load(["m.flow": text], paths: ["m.flow"])
    }

    /// A model that must load without any diagnostic.
    static func model(_ files: [String: String], paths: [String] = ["."]) throws -> SemanticModel {
        let result = load(files, paths: paths)
        guard result.diagnostics.isEmpty, let model = result.model else {
            throw UnexpectedDiagnostics(lines: summary(result))
        }
        return model
    }

    static func model(_ text: String) throws -> SemanticModel {
        try model(["m.flow": text], paths: ["m.flow"])
    }

    /// "FG121 m.flow:3:13" for each diagnostic.
    static func summary(_ result: ModelLoader.Result) -> [String] {
        result.diagnostics.map { describe($0, result.sources) }
    }

    static func describe(_ diagnostic: Diagnostic, _ sources: SourceMap) -> String {
        guard let span = diagnostic.span else { return diagnostic.code }
        guard let location = sources.location(of: span) else { return "\(diagnostic.code) \(span.path)" }
        return "\(diagnostic.code) \(span.path):\(location.line):\(location.column)"
    }

    /// "m.flow:1:1" for a note, or nil when the note has no span.
    static func noteLocation(_ note: DiagnosticNote, _ sources: SourceMap) -> String? {
        guard let span = note.span, let location = sources.location(of: span) else { return nil }
        return "\(span.path):\(location.line):\(location.column)"
    }

    struct UnexpectedDiagnostics: Error, CustomStringConvertible {
        let lines: [String]
        var description: String { "unexpected diagnostics: \(lines)" }
    }
}

/// Declarations that many tests refer to, for appending after the text under test (so that text
/// keeps its line numbers).
enum Prelude {
    static let text = """

        org src "Source" {
          kind trust
        }
        org dst "Destination" {
          kind icb
        }
        dataset data "Data" {
          origin england-health
          special-category health
          identifiers nhs-number, postcode
        }
        purpose care "Care" {
          category individual-care
        }
        """
}
