import FlowModel

/// How an identifiability level is drawn. Three channels besides colour carry the level, so the
/// diagram survives grey-scale printing and colour-blind readers: line style (solid = confidential
/// patient information, dashed = pseudonymised personal data, dotted = not personal data), line
/// weight and arrowhead (heavy + filled = the more identifiable of each pair), and the level written
/// in capitals at the top of every edge label. Colours are from the Okabe–Ito palette.
public struct LevelStyle: Sendable, Hashable {
    public var level: IdentifiabilityLevel
    /// Okabe–Ito colour, `#RRGGBB`.
    public var color: String
    /// Graphviz edge style: `solid`, `dashed` or `dotted`.
    public var lineStyle: String
    public var penWidth: Double
    /// Graphviz arrowhead: `normal` (filled) or `onormal` (open).
    public var arrowhead: String
    /// The text marker at the top of edge labels.
    public var marker: String
    /// A short gloss after the marker in the legend (may be empty).
    public var note: String

    public static func of(_ level: IdentifiabilityLevel) -> LevelStyle {
        switch level {
        case .identifiable:
            LevelStyle(level: level, color: "#D55E00", lineStyle: "solid", penWidth: 3.5, arrowhead: "normal",
                       marker: "IDENTIFIABLE", note: "")
        case .pseudonymisedWeak:
            LevelStyle(level: level, color: "#E69F00", lineStyle: "solid", penWidth: 1.8, arrowhead: "onormal",
                       marker: "PSEUDONYMISED (WEAK)", note: "(NHS number kept)")
        case .pseudonymised:
            LevelStyle(level: level, color: "#CC79A7", lineStyle: "dashed", penWidth: 3.0, arrowhead: "normal",
                       marker: "PSEUDONYMISED", note: "")
        case .anonymisedInContext:
            LevelStyle(level: level, color: "#0072B2", lineStyle: "dashed", penWidth: 1.6, arrowhead: "onormal",
                       marker: "ANONYMISED IN CONTEXT", note: "(for this recipient)")
        case .anonymised:
            LevelStyle(level: level, color: "#009E73", lineStyle: "dotted", penWidth: 2.6, arrowhead: "normal",
                       marker: "ANONYMISED", note: "")
        case .aggregate:
            LevelStyle(level: level, color: "#000000", lineStyle: "dotted", penWidth: 1.4, arrowhead: "onormal",
                       marker: "AGGREGATE", note: "(counts)")
        }
    }

    /// Line style families, for the legend.
    public static let families: [(style: String, meaning: String)] = [
        ("solid", "confidential patient information"),
        ("dashed", "personal data (pseudonymised)"),
        ("dotted", "not personal data"),
    ]
}

/// Organisation kinds grouped by what they do in a data flow; each group has a shape and fill.
public enum OrganisationGroup: String, Sendable, Hashable, CaseIterable {
    case careProvider
    case commissioner
    case nationalBody
    case dscro
    case processor
    case localGovernment
    case research
    case oversight
    case records
    case people
    case other

    public init(_ kind: OrganisationKind) {
        switch kind {
        case .gpPractice, .trust, .communityProvider, .independentProvider: self = .careProvider
        case .icb, .ccg: self = .commissioner
        case .nationalBody: self = .nationalBody
        case .dscro: self = .dscro
        case .csu, .supplier: self = .processor
        case .localAuthority, .governmentDepartment: self = .localGovernment
        case .researchBody, .registry: self = .research
        case .regulator, .auditor, .court, .police: self = .oversight
        case .archive, .destructionContractor: self = .records
        case .charity, .individual, .publicAudience: self = .people
        case .other: self = .other
        }
    }

    /// Graphviz node shape.
    public var shape: String {
        switch self {
        case .careProvider: "box"
        case .commissioner: "box"
        case .nationalBody: "box3d"
        case .dscro: "cylinder"
        case .processor: "component"
        case .localGovernment: "house"
        case .research: "folder"
        case .oversight: "octagon"
        case .records: "tab"
        case .people: "ellipse"
        case .other: "box"
        }
    }

    /// Extra Graphviz node styles besides `filled`.
    public var extraStyle: String? {
        switch self {
        case .careProvider: "rounded"
        default: nil
        }
    }

    public var peripheries: Int { self == .commissioner ? 2 : 1 }

    /// Pale tint (text stays black on every fill).
    public var fill: String {
        switch self {
        case .careProvider: "#D4E8F7"
        case .commissioner: "#CDEEDF"
        case .nationalBody: "#EEDDEA"
        case .dscro: "#FBE3C4"
        case .processor: "#FAF4C4"
        case .localGovernment: "#DDEFFA"
        case .research: "#E3F1D9"
        case .oversight: "#E4E4E4"
        case .records: "#EFE6DA"
        case .people: "#FFFFFF"
        case .other: "#F6F6F6"
        }
    }

    /// Legend text: the group and how it is drawn.
    public var legend: String {
        switch self {
        case .careProvider: "care provider (rounded)"
        case .commissioner: "commissioner (double box)"
        case .nationalBody: "national body (3-D box)"
        case .dscro: "DSCRO (cylinder)"
        case .processor: "supplier / CSU (component)"
        case .localGovernment: "government (house)"
        case .research: "research / registry (folder)"
        case .oversight: "regulator / court / police (octagon)"
        case .records: "archive / destruction (tab)"
        case .people: "people / public (ellipse)"
        case .other: "other (box)"
        }
    }

    /// Mermaid node shape delimiters.
    var mermaidShape: (open: String, close: String) {
        switch self {
        case .careProvider: ("(", ")")
        case .commissioner: ("[[", "]]")
        case .nationalBody: ("{{", "}}")
        case .dscro: ("[(", ")]")
        case .processor: ("[/", "/]")
        case .localGovernment: ("[\\", "\\]")
        case .research: ("([", "])")
        case .oversight: (">", "]")
        case .records: ("[/", "\\]")
        case .people: ("((", "))")
        case .other: ("[", "]")
        }
    }
}

/// Words for the model's vocabularies, as a reader of a DPIA expects them.
public enum Wording {
    public static func kind(_ kind: OrganisationKind) -> String {
        switch kind {
        case .gpPractice: "GP practice"
        case .trust: "NHS trust"
        case .communityProvider: "community provider"
        case .independentProvider: "independent provider"
        case .icb: "integrated care board"
        case .ccg: "clinical commissioning group"
        case .nationalBody: "national body"
        case .dscro: "DSCRO"
        case .csu: "commissioning support unit"
        case .supplier: "supplier"
        case .localAuthority: "local authority"
        case .researchBody: "research body"
        case .registry: "registry"
        case .governmentDepartment: "government department"
        case .regulator: "regulator"
        case .auditor: "auditor"
        case .court: "court"
        case .police: "police"
        case .charity: "charity"
        case .archive: "archive"
        case .destructionContractor: "destruction contractor"
        case .individual: "individual"
        case .publicAudience: "the public"
        case .other: "organisation"
        }
    }

    public static func boundary(_ kind: BoundaryKind) -> String {
        switch kind {
        case .organisation: "organisation boundary"
        case .controlledEnvironmentForFinance: "controlled environment for finance"
        case .secureDataEnvironment: "secure data environment"
        case .dataCentre: "data centre"
        case .safeHaven: "safe haven"
        case .system: "system"
        case .other: "boundary"
        }
    }

    public static func promise(_ promise: BoundaryPromise) -> String {
        switch promise {
        case .personalDataDoesNotLeave: "personal data does not leave"
        case .identifiableDataDoesNotLeave: "identifiable data does not leave"
        case .dataStaysInUK: "data stays in the UK"
        }
    }

    public static func confidentiality(_ basis: ConfidentialityBasis) -> String {
        switch basis {
        case .impliedConsent: "implied consent"
        case .explicitConsent: "explicit consent"
        case .s251Regulation2: "s251 reg 2"
        case .s251Regulation3: "s251 reg 3"
        case .s251Regulation5: "s251 reg 5"
        case .statutory: "statutory"
        case .overridingPublicInterest: "public interest"
        case .courtOrder: "court order"
        case .notConfidential: "not confidential"
        }
    }

    public static func role(_ role: RecipientRole) -> String {
        switch role {
        case .controller: "to controller"
        case .processor: "to processor"
        case .jointController: "to joint controller"
        }
    }

    /// "pseudonymises", "links"… (what the holder does).
    public static func operation(_ operation: TransformOperation) -> String {
        switch operation {
        case .pseudonymise: "pseudonymises"
        case .link: "links"
        case .aggregate: "aggregates"
        case .anonymise: "anonymises"
        case .filter: "filters"
        case .reidentify: "re-identifies"
        }
    }

    public static func level(_ level: IdentifiabilityLevel) -> String {
        switch level {
        case .identifiable: "identifiable"
        case .pseudonymisedWeak: "pseudonymised (weak)"
        case .pseudonymised: "pseudonymised"
        case .anonymisedInContext: "anonymised in context"
        case .anonymised: "anonymised"
        case .aggregate: "aggregate"
        }
    }

    /// `items` joined with " · " into lines of at most `width` characters where possible; an item
    /// longer than `width` is word-wrapped on lines of its own. Lengths are counted once per item
    /// (counting a `String` walks it: recounting the line so far made long items quadratic).
    public static func pack(_ items: [String], width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        var currentCount = 0
        for item in items {
            let itemCount = item.count
            if current.isEmpty {
                current = item
                currentCount = itemCount
            } else if currentCount + 3 + itemCount <= width {
                current += " · " + item
                currentCount += 3 + itemCount
            } else {
                lines.append(current)
                current = item
                currentCount = itemCount
            }
            if currentCount > width {
                lines += wrap(current, width: width)
                current = ""
                currentCount = 0
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The most characters of one text a diagram carries (a tooltip lists every finding on a flow,
    /// so it is generous; the point is that a title of megabytes is not carried whole).
    public static let maximumCharacters = 10_000

    /// `text`, or its first `maximumCharacters` characters and `…`; only that prefix is walked.
    public static func clipped(_ text: String) -> String {
        guard text.utf8.count > maximumCharacters else { return text }
        let end = text.index(text.startIndex, offsetBy: maximumCharacters, limitedBy: text.endIndex) ?? text.endIndex
        return end == text.endIndex ? text : text[..<end] + "…"
    }

    /// The most lines a wrapped text takes: a diagram shows the start of a longer title and ends it
    /// with `…` (the reports and tooltips carry it whole). Graphviz lays out and measures every line
    /// of a label, and thousands of lines of one title made a render take minutes.
    public static let maximumLines = 12

    /// Greedy word wrap at `width` characters; words longer than `hardLimit` are cut. Explicit line
    /// breaks in `text` are kept; past `maximumLines` the rest is left out. Linear in the text: a
    /// long word's characters are walked once (a `Substring`'s `count` walks it, and counting the
    /// rest of a long word at every cut took 5.5 s for a 320 KB title and never finished for 1 MB).
    public static func wrap(_ text: String, width: Int = 34, hardLimit: Int = 44) -> [String] {
        var lines: [String] = []
        // Stops once a line past the last shown is found: the rest of a long title is never walked.
        paragraphs: for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            var current = ""
            var currentCount = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: true) {
                if lines.count > maximumLines { break paragraphs }
                var rest = Substring(word)
                var wordCount: Int
                // Only the first `hardLimit + 1` characters are looked at to know the word is long.
                if word.dropFirst(hardLimit).isEmpty {
                    wordCount = word.count
                } else {
                    if !current.isEmpty { lines.append(current); current = ""; currentCount = 0 }
                    var piece = ""
                    var pieceCount = 0
                    for character in word {
                        // A full piece is cut off when another character follows it.
                        if pieceCount == hardLimit {
                            lines.append(piece)
                            piece = ""
                            pieceCount = 0
                            if lines.count > maximumLines { break paragraphs }
                        }
                        piece.append(character)
                        pieceCount += 1
                    }
                    rest = Substring(piece)
                    wordCount = pieceCount
                }
                if current.isEmpty {
                    current = String(rest)
                    currentCount = wordCount
                } else if currentCount + 1 + wordCount <= width {
                    current += " " + rest
                    currentCount += 1 + wordCount
                } else {
                    lines.append(current)
                    current = String(rest)
                    currentCount = wordCount
                }
            }
            lines.append(current)
        }
        while lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
        if lines.count > maximumLines {
            lines.removeLast(lines.count - maximumLines)
            lines[maximumLines - 1] += "…"
        }
        return lines
    }
}
