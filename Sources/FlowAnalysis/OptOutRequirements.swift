import FlowLanguage
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

    public init(model: SemanticModel, graph: FlowGraph, identifiability: IdentifiabilityAnalysis, confidentiality: ConfidentialityEvidence) {
        let tables = graph.tables
        let facts = RequirementFacts(model: model)
        let upstream = UpstreamOrganisations(tables: tables)
        // Per organisation id, read once: asking the model per flow (inside a closure) copied the
        // whole model for every flow.
        var isGPPractice = [Bool](repeating: false, count: tables.organisations.count)
        for (name, organisation) in model.organisations where organisation.kind == .gpPractice {
            if let id = tables.organisations.id(name) { isGPPractice[id] = true }
        }
        let toGPPractice = tables.recipientOrganisation.map { [isGPPractice] in isGPPractice[$0] }
        let flows = model.flows
        let levels = identifiability.recipientLevels
        let standings = confidentiality.standings
        // Each flow's requirements stand alone: runs of flows go to whichever core is free (the
        // other may still be propagating opt-outs).
        self.byFlow = ParallelFill.array(count: flows.count, chunks: 16) { index in
            OptOutRequirements.requirements(
                for: flows[index], index: index, dataset: tables.datasetFacts[tables.carriedDataset[index]],
                categories: tables.purposeCategories(ofFlow: index), level: levels[index], facts: facts,
                upstream: upstream, toGPPractice: toGPPractice[index], standing: standings[index]
            )
        }
    }

    public func requirement(flow index: Int, optOut: String) -> OptOutRequirement? {
        byFlow[index].first { $0.optOut == optOut }
    }

    static func requirements(
        for flow: Flow, index: Int, dataset: DatasetFacts, categories: [PurposeCategory], level: IdentifiabilityLevel,
        facts: RequirementFacts, upstream: UpstreamOrganisations, toGPPractice: Bool, standing: ConfidentialityStanding
    ) -> [OptOutRequirement] {
        guard dataset.isDeclared else { return [] }
        let isSecondary = categories.contains { !$0.isDirectCare }
        let isConfidential = level.isConfidentialByItself
        var result: [OptOutRequirement] = []
        result.reserveCapacity(facts.optOuts.count)
        func add(_ optOut: String, _ required: Bool, _ reason: String, policyDependent: Bool = false) {
            result.append(OptOutRequirement(optOut: optOut, isRequired: required, reason: reason, isPolicyDependent: policyDependent))
        }
        for optOut in facts.optOuts {
            switch optOut.kind {
            case .nationalDataOptOut:
                let (required, reason) = ndooRequired(flow, dataset: dataset, categories: categories, isSecondary: isSecondary, isConfidential: isConfidential, facts: facts, optOut: optOut.id, standing: standing)
                add(optOut.id, required, reason)
            case .type1:
                if !dataset.isFromGPRecord {
                    add(optOut.id, false, "the data does not originate in a GP record")
                } else if !isConfidential {
                    add(optOut.id, false, "the data is not identifiable to the recipient")
                } else if !isSecondary {
                    add(optOut.id, false, "the flow is for individual care")
                } else if toGPPractice {
                    add(optOut.id, false, "the data stays with a GP practice")
                } else if standing.countedBasis == .statutory {
                    add(optOut.id, true, facts.type1OnCollection.reason, policyDependent: facts.type1OnCollection.isPolicyDependent)
                } else {
                    add(optOut.id, true, "identifiable GP data leaves the practice for a purpose other than individual care")
                }
            case .programme:
                let tagged = flow.purposes.contains { optOut.programme.contains($0.name) }
                let fromSource = tagged && optOut.recordedAt.contains(flow.from.name)
                    || tagged && !optOut.recordedAt.isDisjoint(with: upstream.of(index))
                let required = tagged && fromSource && level.isPersonalData
                let reason = !tagged ? "the flow is not part of the programme"
                    : !fromSource ? "the data does not come from where the opt-out is recorded"
                    : !level.isPersonalData ? "the data is not personal data in the recipient's hands"
                    : "the flow is part of the programme and its data comes from where patients record this opt-out"
                add(optOut.id, required, reason)
            case .consentWithdrawal, .rightToObject:
                continue
            }
        }
        return result
    }

    static func ndooRequired(
        _ flow: Flow, dataset: DatasetFacts, categories: [PurposeCategory], isSecondary: Bool, isConfidential: Bool,
        facts: RequirementFacts, optOut: String, standing: ConfidentialityStanding
    ) -> (Bool, String) {
        guard isConfidential else { return (false, "the data is not confidential patient information in the recipient's hands") }
        guard isSecondary else { return (false, "the flow is for individual care") }
        guard dataset.isInNDOOScope else {
            return (false, "the data does not originate in health or adult social care in England")
        }
        let confidentiality = flow.confidentiality
        if case .unsupported(let claimed, _) = standing {
            return (false, "the flow's `\(claimed.rawValue)` claim cites no instrument that makes it true, so it has no confidentiality basis that counts (and no s251 support that carries the opt-out)")
        }
        guard let basis = standing.countedBasis else {
            return (false, "the flow has no confidentiality basis (so no s251 support that carries the opt-out)")
        }
        guard basis == .s251Regulation2 || basis == .s251Regulation5 else { return (false, facts.outsideScope[basis]!) }
        if categories.contains(.invoiceValidation) {
            return (false, "invoice validation is exempt (NDOP §7.1)")
        }
        if flow.exemptions.contains(where: { $0.optOut.name == optOut }) {
            return (false, "the flow claims an exemption")
        }
        if let decision = confidentiality?.instrument.flatMap({ facts.approvals[$0.name] }) { return decision }
        return facts.noApproval[basis]!
    }
}
