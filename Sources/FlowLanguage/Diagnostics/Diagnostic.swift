public enum Severity: String, Sendable, Hashable, Comparable, CaseIterable, Codable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A secondary message attached to a diagnostic, optionally pointing at another place.
public struct DiagnosticNote: Sendable, Hashable {
    public let message: String
    public let span: SourceSpan?

    public init(_ message: String, at span: SourceSpan? = nil) {
        self.message = BoundedText.bounded(message)
        self.span = span
    }
}

/// A problem found in the input: a language or resolver error (FG1nn) or a rule finding (FG0nn).
public struct Diagnostic: Sendable, Hashable {
    public let code: String
    public let severity: Severity
    public let message: String
    public let span: SourceSpan?
    public let notes: [DiagnosticNote]
    /// A suggestion such as "did you mean `dscro`?".
    public let help: String?

    public init(
        code: String,
        severity: Severity = .error,
        message: String,
        span: SourceSpan?,
        notes: [DiagnosticNote] = [],
        help: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.message = BoundedText.bounded(message)
        self.span = span
        self.notes = notes
        self.help = help.map(BoundedText.bounded)
    }

    public init(_ code: LanguageCode, _ message: String, at span: SourceSpan?, notes: [DiagnosticNote] = [], help: String? = nil) {
        self.init(code: code.rawValue, severity: .error, message: message, span: span, notes: notes, help: help)
    }
}

extension Diagnostic: Comparable {
    /// Source order: by file, then position, then code, so output is deterministic.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        let lhsKey = (lhs.span?.path ?? "", lhs.span?.start ?? -1, lhs.code, lhs.message)
        let rhsKey = (rhs.span?.path ?? "", rhs.span?.start ?? -1, rhs.code, rhs.message)
        return lhsKey < rhsKey
    }
}
