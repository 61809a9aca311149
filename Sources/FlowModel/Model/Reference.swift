import FlowLanguage

/// A name used in a declaration, with where it was written, so the resolver can point at it.
public struct Reference: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let name: String
    public let span: SourceSpan

    public init(name: String, span: SourceSpan) {
        self.name = name
        self.span = span
    }

    public var description: String { name }

    public static func < (lhs: Reference, rhs: Reference) -> Bool { lhs.name < rhs.name }
}

/// What a declared name is. Declarations share one namespace so a waiver or a trace can name any.
public enum DeclarationKind: String, Sendable, Hashable, CaseIterable {
    case organisation = "organisation"
    case boundary
    case dataset
    case purpose
    case approval
    case agreement
    case contract = "Art 28 contract"
    case arrangement = "Art 26 arrangement"
    case dpia = "DPIA"
    case gateway = "statutory gateway"
    case optOut = "opt-out"
    case key = "pseudonymisation key"
    case notice = "privacy notice"
    case flow

    /// "an organisation", "a dataset".
    public var withArticle: String {
        let first = rawValue.first.map(String.init) ?? ""
        return ("aeiouAEIO".contains(first) ? "an " : "a ") + rawValue
    }
}
