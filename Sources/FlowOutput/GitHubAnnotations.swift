import FlowLanguage
import FlowRules

/// GitHub Actions workflow commands (`::error file=…,line=…::message`), one per problem.
public enum GitHubAnnotations {
    public static func document(_ report: CheckReport) -> String {
        var lines: [String] = []
        for diagnostic in report.diagnostics {
            lines.append(annotation(severity: diagnostic.severity, code: diagnostic.code, title: diagnostic.code, message: diagnostic.message, span: diagnostic.span, sources: report.sources))
        }
        for finding in report.findings {
            var message = finding.message
            if let witness = finding.witness {
                message += "\nPath: " + witness.hops.map { $0.kind == .flow ? "\($0.from) -> \($0.to)" : "(\($0.bases) at \($0.from))" }.joined(separator: ", ")
            }
            if let help = finding.help { message += "\nHelp: \(help)" }
            lines.append(annotation(severity: finding.severity, code: finding.code, title: "\(finding.code) \(finding.slug)", message: message, span: finding.span, sources: report.sources))
        }
        return lines.map { $0 + "\n" }.joined()
    }

    static func annotation(severity: Severity, code: String, title: String, message: String, span: SourceSpan?, sources: SourceMap) -> String {
        let command = switch severity {
        case .error: "error"
        case .warning: "warning"
        case .info: "notice"
        }
        var properties: [String] = []
        if let span {
            properties.append("file=\(escapeProperty(span.path))")
            if let file = sources[span.path] {
                let start = file.location(of: span.start)
                let end = file.location(of: span.end)
                properties += ["line=\(start.line)", "col=\(start.column)"]
                if end.line == start.line, span.end > span.start {
                    properties += ["endLine=\(end.line)", "endColumn=\(end.column)"]
                }
            }
        }
        properties.append("title=\(escapeProperty(title))")
        return "::\(command) \(properties.joined(separator: ","))::\(escapeData(message))"
    }

    /// Workflow-command data escaping: `%`, CR and LF; the log is a terminal too, so every other
    /// control character is escaped first.
    static func escapeData(_ text: String) -> String {
        TerminalText.escaped(text, keepingLineBreaks: true).replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    /// Property values also escape `:` and `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
