import FlowLanguage

public enum DiagnosticText {
    /// Every diagnostic in compiler style, then a one-line summary.
    public static func document(_ diagnostics: [Diagnostic], sources: SourceMap) -> String {
        var output = ""
        for diagnostic in diagnostics {
            output += DiagnosticRenderer.render(diagnostic, sources: sources) + "\n\n"
        }
        output += summary(diagnostics) + "\n"
        return output
    }

    public static func summary(_ diagnostics: [Diagnostic]) -> String {
        let parts = Severity.allCases.reversed().compactMap { severity -> String? in
            let count = diagnostics.count { $0.severity == severity }
            guard count > 0 else { return nil }
            return "\(count) \(severity.rawValue)\(count == 1 ? "" : "s")"
        }
        return parts.isEmpty ? "no problems found" : parts.joined(separator: ", ")
    }
}
