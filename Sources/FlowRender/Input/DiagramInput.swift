import FlowLanguage
import FlowModel

/// Which part of a model a diagram shows.
public enum DiagramView: Sendable, Hashable, CustomStringConvertible {
    /// Every organisation and flow of the model.
    case overview
    /// The flows made for one purpose (by purpose id).
    case purpose(String)
    /// One dataset's lineage: what it derives from, where it and its relatives flow, what derives from it.
    case dataset(String)
    /// An organisation's neighbourhood: organisations within `depth` flows of it (either direction)
    /// and the flows between them.
    case organisation(String, depth: Int)
    /// An organisation (by id) with the organisations that exchange data with it and with no one
    /// else; the overview draws these as one box when there are many (see `Partners`).
    case partners(String)

    public var description: String {
        switch self {
        case .partners(let id): "partners of \(id)"
        case .overview: "overview"
        case .purpose(let id): "purpose \(id)"
        case .dataset(let id): "dataset \(id)"
        case .organisation(let id, let depth): "organisation \(id) (depth \(depth))"
        }
    }
}

/// How much text edge labels carry.
public enum LabelDensity: String, Sendable, Hashable, CaseIterable {
    /// Summary labels on the overview, full labels on other small diagrams, compact ones on large
    /// diagrams (see `LayoutPolicy`).
    case automatic
    /// Level, dataset, purposes, Art 6 / Art 9 / Sch 1, confidentiality basis and instrument, opt-outs, findings.
    case full
    /// Level, dataset, opt-out marker and finding codes.
    case compact
    /// Level, number of flows, opt-out marker and finding codes, on one or two lines: what an overview
    /// edge (all the flows between two organisations) says, so that a whole model fits a page; the
    /// per-purpose diagrams have the rest.
    case summary
}

/// Presentation choices that are not part of the model.
public struct DiagramOptions: Sendable, Hashable {
    /// The model's `model "…"` name, or a fallback chosen by the caller: the diagram's title when the
    /// model has no privacy notice naming the organisation it speaks for (see `DiagramBuilder`).
    public var modelName: String
    /// When set, the title says "as of DATE". When nil nothing date-dependent is drawn, so the same
    /// model gives the same bytes on any day (what diagrams committed to git need).
    public var asOf: Day?
    public var labels: LabelDensity
    /// Draw the legend (identifiability line styles, organisation kinds, markers).
    public var legend: Bool
    /// Nil: whichever prints larger on A4 portrait (`PageLayout.choose`, which also places the legend).
    public var orientation: Orientation?

    public init(
        modelName: String, asOf: Day? = nil, labels: LabelDensity = .automatic, legend: Bool = true,
        orientation: Orientation? = nil
    ) {
        self.modelName = modelName
        self.asOf = asOf
        self.labels = labels
        self.legend = legend
        self.orientation = orientation
    }
}

/// A finding to highlight on a diagram: a rule code, its severity, and the flow or organisation it is
/// about (by id). Findings about other declarations are counted in the diagram's notes.
public struct DiagramFinding: Sendable, Hashable, Comparable {
    public var code: String
    public var severity: Severity
    /// A flow id or an organisation id.
    public var target: String
    /// A short message, shown in tooltips (the label shows only code and severity).
    public var message: String?

    /// What the rule checks, in plain words (the rule's summary), for the diagram's key of findings.
    public var summary: String?

    public init(code: String, severity: Severity, target: String, message: String? = nil, summary: String? = nil) {
        self.code = code
        self.severity = severity
        self.target = target
        self.message = message
        self.summary = summary
    }

    /// Most severe first, then by code, target and message.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        if lhs.code != rhs.code { return lhs.code < rhs.code }
        if lhs.target != rhs.target { return lhs.target < rhs.target }
        return (lhs.message ?? "") < (rhs.message ?? "")
    }
}

/// What the analysis engine knows beyond the declared model, laid over a diagram.
///
/// Everything is optional: with `.empty` a diagram shows declared levels and declared `applies`
/// opt-outs only.
public struct DiagramOverlay: Sendable, Hashable {
    /// Effective identifiability on the wire, by flow id. Where it differs from the declared level the
    /// label says so ("IDENTIFIABLE (declared pseudonymised)") and the edge is drawn at the effective level.
    public var effectiveLevels: [String: IdentifiabilityLevel]
    /// Opt-outs applied at the flow (by opt-out id), by flow id. Replaces the declared `applies` list
    /// for that flow when present.
    public var appliedOptOuts: [String: [String]]
    /// Opt-outs already applied upstream to the data arriving on the flow, by flow id.
    public var arrivingOptOuts: [String: [String]]
    public var findings: [DiagramFinding]

    public init(
        effectiveLevels: [String: IdentifiabilityLevel] = [:],
        appliedOptOuts: [String: [String]] = [:],
        arrivingOptOuts: [String: [String]] = [:],
        findings: [DiagramFinding] = []
    ) {
        self.effectiveLevels = effectiveLevels
        self.appliedOptOuts = appliedOptOuts
        self.arrivingOptOuts = arrivingOptOuts
        self.findings = findings
    }

    public static let empty = DiagramOverlay()
}

/// A view that cannot be drawn.
public struct DiagramError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    /// A "did you mean" line, when a close name exists.
    public var help: String?

    public init(_ description: String, help: String? = nil) {
        self.description = description
        self.help = help
    }
}
