import FlowLanguage

/// One top-level (or nested boundary) declaration after lowering, before names are resolved.
///
/// Payloads that are not already a single copy-on-write box are `indirect`: an enum is as large
/// as its largest case, and with an approval's two dozen fields inline every element of a file's
/// declaration list took about 400 bytes — 90 MB for a 100k-flow estate, copied as the lists grew.
public enum Declaration: Sendable {
    case organisation(Organisation)
    indirect case boundary(Boundary)
    case dataset(Dataset)
    case transform(Transform)
    indirect case purpose(Purpose)
    indirect case approval(Approval)
    indirect case agreement(Agreement)
    indirect case contract(ProcessorContract)
    indirect case arrangement(JointArrangement)
    indirect case dpia(ImpactAssessment)
    indirect case gateway(StatutoryGateway)
    indirect case optOut(OptOut)
    indirect case key(KeyDomain)
    indirect case notice(PrivacyNotice)
    case flow(Flow)
    indirect case waiver(Waiver)

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
    var isTransform: Bool {
        if case .transform = self { return true }
        return false
    }

    /// Datasets and transforms: the half of the model that derived datasets are worked out in.
    var isLineage: Bool {
        switch self {
        case .dataset, .transform: true
        default: false
        }
    }
}

/// A name written somewhere that must resolve to a declaration of one of `kinds`.
/// The name is its file's `LoweredFile.referenceNames[nameNumber]`, not a `String` of its own: an
/// estate has a pending reference per property line that names something (1.5 million at 100k
/// flows), and each held a string to count references to.
struct PendingReference: Sendable {
    let span: SourceSpan
    let kinds: DeclarationKinds
    let nameNumber: Int32
}

/// What one file contributes to the model.
public struct LoweredFile: Sendable {
    public var path: String
    public var includes: [(path: String, span: SourceSpan)] = []
    public var uses: [(name: String, span: SourceSpan)] = []
    public var declarations: [Declaration] = []
    /// By declaration: the `ByteHash` of the name it defines (0 for waivers), worked out while the
    /// name is fresh in the cache, on whichever core lowers the file.
    var nameHashes: [UInt64] = []
    public var modelName: String?
    public var modelSpan: SourceSpan?
    public var settings: ModelSettings?
    var references: [PendingReference] = []
    /// The distinct names `references` use, by `PendingReference.nameNumber`.
    var referenceNames: [String] = []
    public var diagnostics: [Diagnostic] = []
}
