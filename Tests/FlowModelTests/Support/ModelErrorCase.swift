import FlowLanguage
import FlowModel
import Testing

/// A malformed model in one file (`m.flow`, with `Prelude.text` appended so the text under test
/// keeps its line numbers) and the diagnostic it must produce.
struct ModelErrorCase: Sendable, CustomTestStringConvertible {
    let name: String
    let source: String
    let code: LanguageCode
    let line: Int
    let column: Int
    /// Text the help must contain; "" means the diagnostic must have no help.
    var help: String?
    /// Text whose first occurrence in the file the (first) note must point at.
    var noteAt: String?
    /// How many diagnostics the file produces in all.
    var count = 1

    init(_ name: String, _ source: String, _ code: LanguageCode, _ line: Int, _ column: Int,
         help: String? = nil, noteAt: String? = nil, count: Int = 1) {
        self.name = name
        self.source = source
        self.code = code
        self.line = line
        self.column = column
        self.help = help
        self.noteAt = noteAt
        self.count = count
    }

    var testDescription: String { "\(name) → \(code.rawValue) \(line):\(column)" }

    var text: String { source + "\n" + Prelude.text }

    /// 1-based line and column of the first occurrence of `needle` in `text`.
    static func location(of needle: String, in text: String) -> String? {
        guard let range = text.range(of: needle) else { return nil }
        let file = SourceFile(path: "m.flow", text: text)
        let offset = text.utf8.distance(from: text.startIndex, to: range.lowerBound)
        return "m.flow:\(file.location(of: offset))"
    }

    func check(sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let result = Loading.load(text)
        let summary = Loading.summary(result)
        #expect(result.model == nil, "a model with errors must not be returned", sourceLocation: sourceLocation)
        let expected = "\(code.rawValue) m.flow:\(line):\(column)"
        #expect(summary.contains(expected), "expected \(expected), got \(summary)", sourceLocation: sourceLocation)
        #expect(result.diagnostics.count == count, "got \(summary)", sourceLocation: sourceLocation)
        guard let diagnostic = result.diagnostics.first(where: { Loading.describe($0, result.sources) == expected }) else { return }
        if let help {
            if help.isEmpty {
                #expect(diagnostic.help == nil, sourceLocation: sourceLocation)
            } else {
                #expect(diagnostic.help?.contains(help) == true, "help: \(diagnostic.help ?? "nil")", sourceLocation: sourceLocation)
            }
        }
        if let noteAt {
            let note = diagnostic.notes.first.flatMap { Loading.noteLocation($0, result.sources) }
            #expect(note != nil && note == ModelErrorCase.location(of: noteAt, in: text),
                    "note at \(note ?? "nil"), expected at `\(noteAt)`", sourceLocation: sourceLocation)
        }
    }
}
