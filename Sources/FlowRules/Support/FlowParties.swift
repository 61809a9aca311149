import FlowAnalysis
import FlowModel

/// Who is accountable for a flow, by organisation id (FG029's definition, which FG031 and FG033
/// share): the controllers disclosing it (the sender, or the controllers a sending processor acts
/// for), the controllers receiving it (the recipient, or the controllers a receiving processor acts
/// for), and the processors involved. Individuals and the public are never controllers here.
/// The party lists are slices of per-organisation tables, so working them out for a flow
/// allocates nothing.
struct FlowParties: Sendable {
    let declarations: DeclarationsByID
    /// By organisation id: its declared `processor-for` controllers (undeclared names left out), in
    /// declaration order.
    private let controllers: [[Int]]
    /// Every organisation id, for one-element slices.
    private let identity: [Int]
    /// By organisation id: declared, and neither an individual nor the public.
    private let canBeController: [Bool]
    /// By organisation id: declares `processor-for` controllers (declared or not).
    private let actsAsProcessor: [Bool]
    /// By organisation id: `FG029.isAnswerable`.
    let isAnswerable: [Bool]

    struct Parties {
        var disclosing: ArraySlice<Int>
        var receiving: ArraySlice<Int>
        /// The sender, when it is a processor.
        var sendingProcessor: Int?
        /// The recipient, when it is a processor.
        var receivingProcessor: Int?

        var senderIsProcessor: Bool { sendingProcessor != nil }
        var recipientIsProcessor: Bool { receivingProcessor != nil }
    }

    init(declarations: DeclarationsByID, organisationNames: NameTable) {
        self.declarations = declarations
        let organisations = declarations.organisations
        controllers = organisations.map { organisation in
            organisation?.processorFor.compactMap { reference in
                organisationNames.id(reference.name).flatMap { organisations[$0] == nil ? nil : $0 }
            } ?? []
        }
        identity = Array(organisations.indices)
        canBeController = organisations.map { $0.map { $0.kind != .individual && $0.kind != .publicAudience } ?? false }
        actsAsProcessor = organisations.map { $0?.processorFor.isEmpty == false }
        isAnswerable = organisations.map { $0.map(FG029.isAnswerable) ?? false }
    }

    static func shared(by collector: FindingCollector) -> FlowParties {
        collector.facts.value(FlowParties.self) {
            FlowParties(declarations: DeclarationsByID.shared(by: collector), organisationNames: collector.analysis.graph.organisations)
        }
    }

    // Inlined into each rule's loop, so that the party lists need not be copied out as a whole value.
    @inline(__always)
    func parties(ofFlow index: Int, role: RecipientRole?) -> Parties {
        var parties = Parties(disclosing: identity[0..<0], receiving: identity[0..<0])
        let sender = declarations.senders[index]
        if canBeController[sender] {
            if actsAsProcessor[sender] {
                parties.disclosing = controllers[sender][...]
                parties.sendingProcessor = sender
            } else {
                parties.disclosing = identity[sender...sender]
            }
        }
        let recipient = declarations.recipients[index]
        if canBeController[recipient] {
            let isProcessor = switch role {
            case .processor: true
            case .controller, .jointController: false
            case nil: actsAsProcessor[recipient]
            }
            if isProcessor {
                parties.receivingProcessor = recipient
                parties.receiving = controllers[recipient][...]
            } else {
                parties.receiving = identity[recipient...recipient]
            }
        }
        return parties
    }
}
