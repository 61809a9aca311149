import FlowAnalysis
import FlowLanguage
import FlowModel

/// A rule's verdict on one declaration.
public struct Finding: Sendable, Hashable {
    public let code: String
    public let slug: String
    public let severity: Severity
    public let message: String
    public let span: SourceSpan
    /// Other places that explain the finding (the approval, the other dataset, …).
    public let related: [DiagnosticNote]
    /// The id of the declaration the finding is about: what a waiver names.
    public let target: String
    /// Distinguishes several findings of one rule on one target (the missing opt-out, say).
    public let discriminator: String
    public let witness: WitnessPath?
    public let help: String?
    /// Stable across reordering, reformatting and unrelated edits: derived from code, target and
    /// discriminator only, never from positions.
    public var fingerprint: String { Fingerprint.of("\(code)|\(target)|\(discriminator)") }

    /// Whether a waiver's `finding` names this finding: its fingerprint, or its discriminator.
    public func isNamed(_ name: String) -> Bool {
        name == fingerprint || (!discriminator.isEmpty && name == discriminator)
    }

    public init(
        code: String, slug: String, severity: Severity, message: String, span: SourceSpan,
        related: [DiagnosticNote] = [], target: String, discriminator: String = "",
        witness: WitnessPath? = nil, help: String? = nil
    ) {
        self.code = code
        self.slug = slug
        self.severity = severity
        self.message = message
        self.span = span
        self.related = related
        self.target = target
        self.discriminator = discriminator
        self.witness = witness
        self.help = help
    }

    /// The finding as a compiler-style diagnostic (the witness path is rendered separately).
    public var diagnostic: Diagnostic {
        Diagnostic(code: code, severity: severity, message: message, span: span, notes: related, help: help)
    }
}

extension Finding: Comparable {
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        (lhs.span, lhs.code, lhs.discriminator, lhs.message) < (rhs.span, rhs.code, rhs.discriminator, rhs.message)
    }
}

public enum Fingerprint {
    /// FNV-1a 64-bit, as 16 hex digits: deterministic across runs and platforms (unlike `Hasher`).
    public static func of(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
