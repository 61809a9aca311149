import FlowModel

/// Identifiability as a property of (dataset, holder).
public struct IdentifiabilityAnalysis: Sendable {
    /// Per holding id: the most identifiable level at which the holding receives or makes its
    /// data, before escalation.
    public let inherentLevelByHolding: [IdentifiabilityLevel]
    /// Per holding id: the level in the holder's hands, after escalation.
    public let effectiveLevelByHolding: [IdentifiabilityLevel]
    /// Per holding id.
    public let escalationsByHolding: [[Escalation]]
    /// By holding id, where the holder can link pseudonymised data with another dataset in the same
    /// pseudonym domain but holds neither the key nor a direct identifier: a richer pseudonymised
    /// record, a re-identification risk rather than identifiable data.
    public let linkageRisks: [Int: LinkageRisk]
    /// Per flow: the level of the data on the wire (the declared level, or the dataset's own level
    /// when the declaration understates it).
    public let wireLevels: [IdentifiabilityLevel]
    /// Per flow: the level in the recipient's hands.
    public let recipientLevels: [IdentifiabilityLevel]
    private let views: Views

    /// The most identifiable level at which each holding receives or makes its data, before escalation.
    public var inherentLevels: [Holding: IdentifiabilityLevel] { views.inherent.value }
    /// The level in the holder's hands, after escalation.
    public var effectiveLevels: [Holding: IdentifiabilityLevel] { views.effective.value }
    public var escalations: [Holding: [Escalation]] { views.escalations.value }

    public init(model: SemanticModel, graph: FlowGraph) {
        let tables = graph.tables
        let facts = tables.datasetFacts
        var wire: [IdentifiabilityLevel] = []
        wire.reserveCapacity(model.flows.count)
        var received = [IdentifiabilityLevel?](repeating: nil, count: tables.holdings.count)
        for (index, flow) in model.flows.enumerated() {
            let target = tables.recipientHolding[index]
            let level = max(flow.level, facts[tables.holdings.dataset[target]].level)
            wire.append(level)
            received[target] = max(received[target] ?? level, level)
        }
        let inherent = received.enumerated().map { holding, level in level ?? facts[tables.holdings.dataset[holding]].level }

        let keys = KeyHolders(model: model, tables: tables)
        var linkage = LinkageIndex(
            tables: tables, inherent: inherent, keyOfDataset: keys.keyOfDataset, keyCount: keys.keyCount,
            ancestors: AncestorSets(model: model, datasets: tables.datasets)
        )
        var escalations: [[Escalation]] = []
        escalations.reserveCapacity(inherent.count)
        var risks: [Int: LinkageRisk] = [:]
        for (holding, level) in inherent.enumerated() {
            let found = IdentifiabilityAnalysis.escalationReasons(for: holding, level: level, tables: tables, keys: keys, linkage: &linkage)
            escalations.append(found.escalations)
            if let risk = found.risk { risks[holding] = risk }
        }
        self.linkageRisks = risks
        let effective = zip(inherent, escalations).map { level, reasons in reasons.isEmpty ? level : .identifiable }

        self.inherentLevelByHolding = inherent
        self.effectiveLevelByHolding = effective
        self.escalationsByHolding = escalations
        self.wireLevels = wire
        self.recipientLevels = wire.indices.map { index in
            escalations[tables.recipientHolding[index]].isEmpty ? wire[index] : .identifiable
        }
        let reasons = escalations
        self.views = Views(
            inherent: Lazy { tables.byHolding { inherent[$0] } },
            effective: Lazy { tables.byHolding { effective[$0] } },
            escalations: Lazy { tables.byHolding { reasons[$0] } }
        )
    }

    static func escalationReasons(
        for holding: Int, level: IdentifiabilityLevel, tables: FlowGraphTables, keys: KeyHolders, linkage: inout LinkageIndex
    ) -> (escalations: [Escalation], risk: LinkageRisk?) {
        let dataset = tables.holdings.dataset[holding]
        let facts = tables.datasetFacts[dataset]
        // Only de-identified personal data can rise; identifiable data is already there and
        // anonymised or aggregate data carries nothing to link on.
        guard level != .identifiable, level.isPersonalData, facts.isDeclared else { return ([], nil) }
        let organisation = tables.holdings.organisation[holding]
        var reasons: [Escalation] = []
        var risk: LinkageRisk?
        let keyID = keys.keyOfDataset[dataset]
        let holdsKey = keyID.map { keys.holds(organisation: organisation, key: $0) } ?? false
        if holdsKey, let keyID {
            reasons.append(.holdsKey(keys.name(ofKey: keyID)))
        }
        if let keyID, let other = linkage.partner(of: dataset, at: organisation, sharing: .key(keyID)) {
            let via = "the pseudonym domain `\(keys.name(ofKey: keyID))`"
            // A shared pseudonym is not identity: linking on it makes a richer pseudonymised record,
            // identifiable only with the key or a direct identifier in the linked set.
            if holdsKey || facts.hasDirectIdentifier || tables.datasetFacts[other].hasDirectIdentifier {
                reasons.append(.linkable(with: tables.datasets.names[other], via: via))
            } else {
                risk = LinkageRisk(dataset: tables.datasets.names[dataset], partner: tables.datasets.names[other], via: via)
            }
        } else if facts.hasNHSNumber, let other = linkage.partner(of: dataset, at: organisation, sharing: .nhsNumber) {
            reasons.append(.linkable(with: tables.datasets.names[other], via: "the NHS number"))
        }
        return (reasons, risk)
    }

    private struct Views: Sendable {
        let inherent: Lazy<[Holding: IdentifiabilityLevel]>
        let effective: Lazy<[Holding: IdentifiabilityLevel]>
        let escalations: Lazy<[Holding: [Escalation]]>
    }
}

/// Pseudonym domains by id and the organisations that hold their keys.
struct KeyHolders {
    /// Per dataset id: the id of the pseudonym domain it is keyed by.
    let keyOfDataset: [Int?]
    private let held: Set<Int>
    /// Pseudonym domains are numbered 0..<keyCount.
    let keyCount: Int
    private let keyNames: [String]

    init(model: SemanticModel, tables: FlowGraphTables) {
        // Numbered after the domains datasets are keyed by.
        var keys = tables.keys
        var holders: [(organisation: Int, key: Int)] = []
        for key in model.keys.values {
            let id = keys.intern(key.id)
            for holder in key.heldBy {
                // A holder with no holdings holds nothing the analysis asks about.
                if let organisation = tables.organisations.id(holder.name) { holders.append((organisation, id)) }
            }
        }
        let count = keys.names.count
        self.keyOfDataset = tables.keyOfDataset
        self.keyNames = keys.names
        self.keyCount = count
        self.held = Set(holders.map { $0.organisation * count + $0.key })
    }

    func name(ofKey key: Int) -> String { keyNames[key] }

    func holds(organisation: Int, key: Int) -> Bool {
        held.contains(organisation * keyCount + key)
    }
}
