import FlowAnalysis
import FlowLanguage
import FlowModel

/// One rule: its identity and documentation, `.flow` examples that do and do not trigger it
/// (executed as tests), and the check itself. Each rule lives in its own file under Rules/.
public struct Rule: Sendable {
    /// `FG015`.
    public let code: String
    /// `ndoo-not-applied`.
    public let slug: String
    public let severity: Severity
    /// The law or guidance the rule enforces.
    public let legalSource: String
    /// One line, used in listings and SARIF `shortDescription`.
    public let summary: String
    /// Several paragraphs: what is checked, why, and how to fix it.
    public let explanation: String
    /// Flows (with the rule-example prelude in scope) that must trigger the rule.
    public let triggeringExamples: [String]
    /// Flows that must not trigger it.
    public let passingExamples: [String]
    /// Whether the rule builds a shared fact other rules wait for: such rules are started first, so
    /// the fact is ready by the time the queue reaches the rules that need it.
    public let buildsSharedFacts: Bool
    /// Whether the check is one of the longest (it reads every kind of declaration): such rules
    /// are started right after the fact builders, since a long check started last runs on one
    /// core while the others have nothing left to do.
    public let isLong: Bool
    let check: @Sendable (inout FindingCollector) -> Void

    public init(
        code: String, slug: String, severity: Severity, legalSource: String, summary: String, explanation: String,
        triggeringExamples: [String], passingExamples: [String], buildsSharedFacts: Bool = false, isLong: Bool = false,
        check: @escaping @Sendable (inout FindingCollector) -> Void
    ) {
        self.code = code
        self.slug = slug
        self.severity = severity
        self.legalSource = legalSource
        self.summary = summary
        self.explanation = explanation
        self.triggeringExamples = triggeringExamples
        self.passingExamples = passingExamples
        self.buildsSharedFacts = buildsSharedFacts
        self.isLong = isLong
        self.check = check
    }

    public func findings(in analysis: Analysis, asOf: Day, facts: SharedFacts = SharedFacts()) -> [Finding] {
        var collector = FindingCollector(rule: self, analysis: analysis, asOf: asOf, facts: facts)
        check(&collector)
        return collector.findings
    }
}

/// What a rule's check sees and how it reports.
public struct FindingCollector {
    public let rule: Rule
    public let analysis: Analysis
    public let asOf: Day
    /// Derived facts shared with the other rules of this run.
    public let facts: SharedFacts
    public private(set) var findings: [Finding] = []

    public var model: SemanticModel { analysis.model }

    public mutating func report(
        _ message: String, at span: SourceSpan, target: String, discriminator: String = "",
        severity: Severity? = nil, related: [DiagnosticNote] = [], witness: WitnessPath? = nil, help: String? = nil,
        sameReason: SameReason? = nil, causedBy cause: FindingReference? = nil
    ) {
        findings.append(Finding(
            code: rule.code, slug: rule.slug, severity: severity ?? rule.severity, message: message, span: span,
            related: related, target: target, discriminator: discriminator, witness: witness, help: help,
            sameReason: sameReason, cause: cause
        ))
    }

    /// A finding about a flow, pointing at the flow's header.
    public mutating func report(
        flow index: Int, _ message: String, discriminator: String = "", severity: Severity? = nil,
        related: [DiagnosticNote] = [], witness: WitnessPath? = nil, help: String? = nil, at span: SourceSpan? = nil,
        sameReason: SameReason? = nil, causedBy cause: FindingReference? = nil
    ) {
        let flow = model.flows[index]
        report(message, at: span ?? flow.span, target: flow.id, discriminator: discriminator, severity: severity,
               related: related, witness: witness, help: help, sameReason: sameReason, causedBy: cause)
    }

    /// Every flow with its index, in model order.
    public var flows: EnumeratedSequence<[Flow]> { model.flows.enumerated() }

    /// Short human label for a flow in messages: "`s1-f8` (dscro -> psl)".
    public func label(_ flow: Flow) -> String { Self.label(flow) }

    public static func label(_ flow: Flow) -> String {
        flow.hasExplicitID ? "`\(flow.id)` (\(flow.from.name) -> \(flow.to.name))" : "\(flow.from.name) -> \(flow.to.name)"
    }
}
