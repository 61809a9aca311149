import FlowModel

/// Why a flow must (or need not) apply an opt-out; the text explains the decision in findings.
public struct OptOutRequirement: Sendable, Hashable {
    public let optOut: String
    public let isRequired: Bool
    public let reason: String
    /// Type 1 on a legal-requirement collection when the model's policy flag is off: still reported, as a warning.
    public let isPolicyDependent: Bool
}

/// The opt-out requirements of each flow (domain.md §4.4 step 1).
public struct OptOutRequirements: Sendable {
    /// Per flow, every opt-out considered.
    public let byFlow: [[OptOutRequirement]]

    public init(model: SemanticModel, graph: FlowGraph, identifiability: IdentifiabilityAnalysis) {
        let upstream = UpstreamOrganisations(model: model, graph: graph)
        byFlow = model.flows.enumerated().map { index, flow in
            OptOutRequirements.requirements(
                for: flow, index: index, level: identifiability.recipientLevels[index], model: model, upstream: upstream
            )
        }
    }

    public func requirement(flow index: Int, optOut: String) -> OptOutRequirement? {
        byFlow[index].first { $0.optOut == optOut }
    }

    static func requirements(for flow: Flow, index: Int, level: IdentifiabilityLevel, model: SemanticModel, upstream: UpstreamOrganisations) -> [OptOutRequirement] {
        guard let dataset = model.datasets[flow.dataset.name] else { return [] }
        let categories = flow.purposes.compactMap { model.purposes[$0.name]?.category }
        let isSecondary = categories.contains { !$0.isDirectCare }
        let isConfidential = level.isConfidentialByItself
        var result: [OptOutRequirement] = []
        for optOut in model.optOuts.values.sorted(by: { $0.id < $1.id }) {
            switch optOut.kind {
            case .nationalDataOptOut:
                let (required, reason) = ndooRequired(flow, dataset: dataset, categories: categories, isSecondary: isSecondary, isConfidential: isConfidential, model: model, optOut: optOut.id)
                result.append(OptOutRequirement(optOut: optOut.id, isRequired: required, reason: reason, isPolicyDependent: false))
            case .type1:
                guard dataset.origins.contains(.gpRecord) else {
                    result.append(OptOutRequirement(optOut: optOut.id, isRequired: false, reason: "the data does not originate in a GP record", isPolicyDependent: false))
                    continue
                }
                if !isConfidential {
                    result.append(OptOutRequirement(optOut: optOut.id, isRequired: false, reason: "the data is not identifiable to the recipient", isPolicyDependent: false))
                } else if !isSecondary {
                    result.append(OptOutRequirement(optOut: optOut.id, isRequired: false, reason: "the flow is for individual care", isPolicyDependent: false))
                } else if model.organisations[flow.to.name]?.kind == .gpPractice {
                    result.append(OptOutRequirement(optOut: optOut.id, isRequired: false, reason: "the data stays with a GP practice", isPolicyDependent: false))
                } else if flow.confidentiality?.basis == .statutory {
                    let on = model.settings.type1OnLegalCollections
                    result.append(OptOutRequirement(
                        optOut: optOut.id, isRequired: true,
                        reason: "identifiable GP data leaves the practice for a legal-requirement collection (Type 1 honoured on such collections: \(on ? "yes" : "no, by model setting"))",
                        isPolicyDependent: !on))
                } else {
                    result.append(OptOutRequirement(optOut: optOut.id, isRequired: true, reason: "identifiable GP data leaves the practice for a purpose other than individual care", isPolicyDependent: false))
                }
            case .programme:
                let programme = Set(optOut.purposes.map(\.name))
                let tagged = flow.purposes.contains { programme.contains($0.name) }
                let recordedAt = Set(optOut.recordedAt.map(\.name))
                let fromSource = tagged && recordedAt.contains(flow.from.name)
                    || tagged && !recordedAt.isDisjoint(with: upstream.of(index))
                let required = tagged && fromSource && level.isPersonalData
                let reason = !tagged ? "the flow is not part of the programme"
                    : !fromSource ? "the data does not come from where the opt-out is recorded"
                    : !level.isPersonalData ? "the data is not personal data in the recipient's hands"
                    : "the flow is part of the programme and its data comes from where patients record this opt-out"
                result.append(OptOutRequirement(optOut: optOut.id, isRequired: required, reason: reason, isPolicyDependent: false))
            case .consentWithdrawal, .rightToObject:
                continue
            }
        }
        return result
    }

    static func ndooRequired(
        _ flow: Flow, dataset: Dataset, categories: [PurposeCategory], isSecondary: Bool, isConfidential: Bool,
        model: SemanticModel, optOut: String
    ) -> (Bool, String) {
        guard isConfidential else { return (false, "the data is not confidential patient information in the recipient's hands") }
        guard isSecondary else { return (false, "the flow is for individual care") }
        let inScope: Set<DataOrigin> = [.englandHealth, .englandAdultSocialCare, .gpRecord]
        guard !inScope.isDisjoint(with: dataset.origins) else {
            return (false, "the data does not originate in health or adult social care in England")
        }
        guard let basis = flow.confidentiality?.basis else {
            return (false, "the flow has no confidentiality basis (so no s251 support that carries the opt-out)")
        }
        guard basis == .s251Regulation2 || basis == .s251Regulation5 else {
            return (false, "the confidentiality basis `\(basis.rawValue)` is outside the opt-out's scope (NDOP §6)")
        }
        if categories.contains(.invoiceValidation) {
            return (false, "invoice validation is exempt (NDOP §7.1)")
        }
        if flow.exemptions.contains(where: { $0.optOut.name == optOut }) {
            return (false, "the flow claims an exemption")
        }
        if let approval = flow.confidentiality?.instrument.flatMap({ model.approvals[$0.name] }) {
            switch approval.ndoo {
            case .exempt: return (false, "approval `\(approval.id)` is exempted from the opt-out")
            case .applies: return (true, "s251 support under approval `\(approval.id)`, whose register entry applies the opt-out")
            case .unknown:
                return model.settings.unknownNDOOStatusApplies
                    ? (true, "s251 support under approval `\(approval.id)`, whose opt-out status is unknown (treated as applying)")
                    : (false, "approval `\(approval.id)`'s opt-out status is unknown (treated as exempt by model setting)")
            }
        }
        return model.settings.unknownNDOOStatusApplies
            ? (true, "s251 support under COPI reg \(basis.copiRegulation ?? 5) with no approval named (opt-out treated as applying)")
            : (false, "s251 support with no approval named (treated as exempt by model setting)")
    }
}

/// Organisations the data a flow sends has passed through, transitively upstream.
struct UpstreamOrganisations: Sendable {
    private let tables: FlowGraphTables

    init(model: SemanticModel, graph: FlowGraph) {
        self.tables = graph.tables
    }

    /// The sender of flow `index` and every organisation upstream of its copy of the data.
    func of(_ index: Int) -> Set<String> {
        let start = tables.senderHolding[index]
        var organisations: Set<Int> = [tables.holdings.organisation[start]]
        var seen: Set<Int> = [start]
        var pending = [start]
        while let holding = pending.popLast() {
            for source in tables.contributions[holding] {
                let previous: ArraySlice<Int>
                switch source {
                case .flow(let flow): previous = [tables.senderHolding[flow]]
                case .transform(let transform): previous = tables.inputHoldings[transform]
                }
                for next in previous where seen.insert(next).inserted {
                    organisations.insert(tables.holdings.organisation[next])
                    pending.append(next)
                }
            }
        }
        return Set(organisations.map { tables.organisations.names[$0] })
    }
}
