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
    /// Set when the rule fails for one reason that other findings of the rule may share (one
    /// missing sentence of a notice behind many flows): such findings are presented as one group.
    public let sameReason: SameReason?
    /// The finding this one follows from (a level claim the model cannot support, which makes
    /// the data identifiable downstream): presented under that root, not as a finding of its own.
    public let cause: FindingReference?
    /// Stable across reordering, reformatting and unrelated edits: derived from code, target and
    /// discriminator only, never from positions.
    public var fingerprint: String { reference.fingerprint }

    /// Whether a waiver's `finding` names this finding: its fingerprint, or its discriminator.
    public func isNamed(_ name: String) -> Bool {
        name == fingerprint || (!discriminator.isEmpty && name == discriminator)
    }

    public init(
        code: String, slug: String, severity: Severity, message: String, span: SourceSpan,
        related: [DiagnosticNote] = [], target: String, discriminator: String = "",
        witness: WitnessPath? = nil, help: String? = nil, sameReason: SameReason? = nil, cause: FindingReference? = nil
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
        self.sameReason = sameReason
        self.cause = cause
    }

    /// The finding at another severity, with a note saying why when there is one (a stage applied
    /// after the rules, or the workspace's rule settings).
    public func adjusted(severity: Severity, note: String? = nil) -> Finding {
        Finding(
            code: code, slug: slug, severity: severity, message: note.map { "\(message) (\($0))" } ?? message, span: span, related: related,
            target: target, discriminator: discriminator, witness: witness, help: help, sameReason: sameReason, cause: cause
        )
    }

    /// How other findings name this one as their cause.
    public var reference: FindingReference { FindingReference(code: code, target: target, discriminator: discriminator) }

    /// The finding as a compiler-style diagnostic (the witness path is rendered separately).
    public var diagnostic: Diagnostic {
        Diagnostic(code: code, severity: severity, message: message, span: span, notes: related, help: help)
    }
}

/// Why a rule failed, independent of where: findings of one rule with equal reasons are one root
/// cause, reported once with every location listed.
public struct SameReason: Sendable, Hashable {
    /// What makes two findings the same failure (the basis and citation, the approval, …).
    public let key: String
    /// Who can fix it once for all of them (`notice `blmk-notice``, `approval `cag-7-04a``).
    public let owner: String
    /// The failure in words that fit every member: "Art 6(1)(e) public task cited without the law it rests on".
    public let summary: String

    public init(key: String, owner: String, summary: String) {
        self.key = key
        self.owner = owner
        self.summary = summary
    }
}

/// Names a finding by what its fingerprint is made of.
public struct FindingReference: Sendable, Hashable {
    public let code: String
    public let target: String
    public let discriminator: String

    public init(code: String, target: String, discriminator: String = "") {
        self.code = code
        self.target = target
        self.discriminator = discriminator
    }

    public var fingerprint: String { Fingerprint.of("\(code)|\(target)|\(discriminator)") }
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
