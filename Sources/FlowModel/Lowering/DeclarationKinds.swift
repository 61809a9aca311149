/// The kinds of declaration a reference may name, as a bit set: every pending reference holds
/// one, and an array each was an allocation per reference. Members are listed in
/// `DeclarationKind.allCases` order, the order every lowering call site names them in.
struct DeclarationKinds: Sendable, Equatable {
    private var bits: UInt32 = 0

    init(_ kinds: [DeclarationKind]) {
        for kind in kinds { bits |= Self.bit(kind) }
    }

    func contains(_ kind: DeclarationKind) -> Bool { bits & Self.bit(kind) != 0 }

    var members: [DeclarationKind] { DeclarationKind.allCases.filter(contains) }

    private static func bit(_ kind: DeclarationKind) -> UInt32 {
        switch kind {
        case .organisation: 1 << 0
        case .boundary: 1 << 1
        case .dataset: 1 << 2
        case .purpose: 1 << 3
        case .approval: 1 << 4
        case .agreement: 1 << 5
        case .contract: 1 << 6
        case .arrangement: 1 << 7
        case .dpia: 1 << 8
        case .gateway: 1 << 9
        case .optOut: 1 << 10
        case .key: 1 << 11
        case .notice: 1 << 12
        case .flow: 1 << 13
        }
    }
}
