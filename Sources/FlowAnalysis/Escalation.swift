/// Why data is more identifiable in a holder's hands than on the wire (domain.md §3.2).
public enum Escalation: Sendable, Hashable, CustomStringConvertible {
    /// The holder holds the key of the data's pseudonym domain.
    case holdsKey(String)
    /// The holder also holds another dataset sharing a linkable identifier (pseudonym domain or NHS number).
    case linkable(with: String, via: String)

    public var description: String {
        switch self {
        case .holdsKey(let key): "holds the pseudonymisation key `\(key)`"
        case .linkable(let other, let via): "can link it with `\(other)` via \(via)"
        }
    }
}

/// Two pseudonymised datasets a holder can link through their shared pseudonym domain, with
/// neither the key nor a direct identifier: more is known about each pseudonymised person.
public struct LinkageRisk: Sendable, Hashable {
    public let dataset: String
    public let partner: String
    public let via: String

    public init(dataset: String, partner: String, via: String) {
        self.dataset = dataset
        self.partner = partner
        self.via = via
    }
}
