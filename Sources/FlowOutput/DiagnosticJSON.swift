import FlowLanguage

/// The JSON form of diagnostics (schema in docs/output-formats.md).
public enum DiagnosticJSON {
    public static func location(_ span: SourceSpan?, sources: SourceMap) -> JSONValue {
        guard let span else { return .null }
        guard let file = sources[span.path] else { return .object([("file", .string(span.path))]) }
        let start = file.location(of: span.start)
        let end = file.location(of: span.end)
        return .object([
            ("file", .string(span.path)),
            ("line", .number(start.line)),
            ("column", .number(start.column)),
            ("endLine", .number(end.line)),
            ("endColumn", .number(end.column)),
        ])
    }

    public static func value(_ diagnostic: Diagnostic, sources: SourceMap, extra: [(String, JSONValue)] = []) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("code", .string(diagnostic.code)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("location", location(diagnostic.span, sources: sources)),
            ("notes", .array(diagnostic.notes.map { note in
                .object([("message", .string(note.message)), ("location", location(note.span, sources: sources))])
            })),
            ("help", .optional(diagnostic.help)),
        ]
        members += extra
        return .object(members)
    }

    public static func document(_ diagnostics: [Diagnostic], sources: SourceMap) -> String {
        let counts = Severity.allCases.reversed().map { severity in
            (severity.rawValue + "s", JSONValue.number(diagnostics.count { $0.severity == severity }))
        }
        let root = JSONValue.object([
            ("tool", .string("flowgate")),
            ("schemaVersion", .number(1)),
            ("diagnostics", .array(diagnostics.map { value($0, sources: sources) })),
            ("summary", .object(counts)),
        ])
        return root.serialized() + "\n"
    }
}
