import FlowLanguage

/// One top-level (or nested boundary) declaration after lowering, before names are resolved.
public enum Declaration: Sendable {
    case organisation(Organisation)
    case boundary(Boundary)
    case dataset(Dataset)
    case transform(Transform)
    case purpose(Purpose)
    case approval(Approval)
    case agreement(Agreement)
    case contract(ProcessorContract)
    case arrangement(JointArrangement)
    case dpia(ImpactAssessment)
    case gateway(StatutoryGateway)
    case optOut(OptOut)
    case key(KeyDomain)
    case notice(PrivacyNotice)
    case flow(Flow)
    case waiver(Waiver)

    /// The name this declaration defines, with its kind and where; nil for waivers.
    var definedName: (name: String, kind: DeclarationKind, span: SourceSpan)? {
        switch self {
        case .organisation(let value): (value.id, .organisation, value.span)
        case .boundary(let value): (value.id, .boundary, value.span)
        case .dataset(let value): (value.id, .dataset, value.span)
        case .transform(let value): (value.output, .dataset, value.span)
        case .purpose(let value): (value.id, .purpose, value.span)
        case .approval(let value): (value.id, .approval, value.span)
        case .agreement(let value): (value.id, .agreement, value.span)
        case .contract(let value): (value.id, .contract, value.span)
        case .arrangement(let value): (value.id, .arrangement, value.span)
        case .dpia(let value): (value.id, .dpia, value.span)
        case .gateway(let value): (value.id, .gateway, value.span)
        case .optOut(let value): (value.id, .optOut, value.span)
        case .key(let value): (value.id, .key, value.span)
        case .notice(let value): (value.id, .notice, value.span)
        case .flow(let value): (value.id, .flow, value.span)
        case .waiver: nil
        }
    }
}

extension Declaration {
    /// What a slot holds after its declaration was moved out: only empty strings, so it costs no
    /// allocation and no reference counting.
    static let placeholder = Declaration.key(KeyDomain(id: "", title: nil, span: SourceSpan(path: "", start: 0, end: 0)))

    var isTransform: Bool {
        if case .transform = self { return true }
        return false
    }
}

/// A name written somewhere that must resolve to a declaration of one of `kinds`.
struct PendingReference: Sendable {
    let reference: Reference
    let kinds: DeclarationKinds
}

/// What one file contributes to the model.
public struct LoweredFile: Sendable {
    public var path: String
    public var includes: [(path: String, span: SourceSpan)] = []
    public var uses: [(name: String, span: SourceSpan)] = []
    public var declarations: [Declaration] = []
    public var modelName: String?
    public var modelSpan: SourceSpan?
    public var settings: ModelSettings?
    var references: [PendingReference] = []
    public var diagnostics: [Diagnostic] = []
}
