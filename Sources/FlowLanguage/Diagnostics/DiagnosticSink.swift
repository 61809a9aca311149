/// Collects diagnostics for one file and stops collecting past a limit, so hostile input
/// (a binary file, say) produces a readable report rather than millions of lines.
public struct DiagnosticSink: Sendable {
    public static let defaultLimit = 100
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var isSaturated = false
    private let limit: Int

    public init(limit: Int = DiagnosticSink.defaultLimit) {
        self.limit = limit
    }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }

    public mutating func report(_ diagnostic: Diagnostic) {
        guard !isSaturated else { return }
        if diagnostics.count >= limit {
            isSaturated = true
            diagnostics.append(Diagnostic(
                .tooManyErrors,
                "too many errors (\(limit)); the rest of this file is not reported",
                at: diagnostic.span
            ))
            return
        }
        diagnostics.append(diagnostic)
    }

    public mutating func report(_ code: LanguageCode, _ message: String, at span: SourceSpan?, notes: [DiagnosticNote] = [], help: String? = nil) {
        report(Diagnostic(code, message, at: span, notes: notes, help: help))
    }
}
