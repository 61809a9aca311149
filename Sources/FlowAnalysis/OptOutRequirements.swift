import FlowLanguage
import FlowModel

/// Why a flow must (or need not) apply an opt-out; the text explains the decision in findings.
public struct OptOutRequirement: Sendable, Hashable {
    public let optOut: String
    public let isRequired: Bool
    public let reason: String
    /// Type 1 on a legal-requirement collection when the model's policy flag is off: still reported, as a warning.
    public let isPolicyDependent: Bool
    /// Whether the decision is certain: false where it rests on something the model leaves open
    /// (no basis that counts, an approval of unknown opt-out status), so that "not required" is
    /// not read as "certainly not required".
    public var isSettled = true
    /// The exemption that lifts a requirement the flow would otherwise have.
    public var exemption: Exemption?
    /// Exemption claims the flow makes that do not count, and why.
    public var unrecognisedClaims: [String] = []

    /// What lifts a requirement that would otherwise apply (NDOP §5.1, §7).
    public enum Exemption: Sendable, Hashable {
        /// An NDOP §7 entry that covers the flow (invoice validation as its only purpose).
        case policy(NDOPExemption)
        /// The cited approval's register entry records the opt-out as exempted.
        case approval(String)
        /// The model treats approvals of unknown status as exempt.
        case modelSetting(approval: String?)
    }
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
            var requirement = OptOutRequirement(optOut: optOut, isRequired: required, reason: reason, isPolicyDependent: policyDependent)
            // No exemption lifts these: a claim is reported as not counting.
            if required {
                requirement.unrecognisedClaims = flow.exemptions.filter { $0.optOut.name == optOut }.map { _ in
                    "an opt-out of this kind has no exemption route: it applies wherever it is required"
                }
            }
            result.append(requirement)
        }
        /// A local opt-out applies when every condition holds; otherwise the first that fails says why not.
        func decide(_ optOut: String, _ conditions: [(holds: Bool, unlessReason: String)], otherwise reason: String) {
            let failing = conditions.first { !$0.holds }
            add(optOut, failing == nil, failing?.unlessReason ?? reason)
        }
        // Whether an opt-out that lists purposes covers the flow's (one that lists none covers all).
        func covers(_ optOut: RequirementFacts.OptOutRule) -> Bool {
            optOut.programme.isEmpty || flow.purposes.contains { optOut.programme.contains($0.name) }
        }
        // Whether the flow's data comes from where an opt-out is recorded: the sender or upstream.
        func fromWhereRecorded(_ optOut: RequirementFacts.OptOutRule) -> Bool {
            optOut.recordedAt.contains(flow.from.name) || !optOut.recordedAt.isDisjoint(with: upstream.of(index))
        }
        for optOut in facts.optOuts {
            switch optOut.kind {
            case .nationalDataOptOut:
                var requirement = ndooRequirement(flow, dataset: dataset, categories: categories, isSecondary: isSecondary, isConfidential: isConfidential, facts: facts, optOut: optOut.id, standing: standing)
                if requirement.isRequired { requirement.unrecognisedClaims = unrecognisedClaims(flow, optOut: optOut.id) }
                result.append(requirement)
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
                decide(optOut.id, [
                    (tagged, "the flow is not part of the programme"),
                    (fromWhereRecorded(optOut), "the data does not come from where the opt-out is recorded"),
                    (level.isPersonalData, "the data is not personal data in the recipient's hands"),
                ], otherwise: "the flow is part of the programme and its data comes from where patients record this opt-out")
            case .consentWithdrawal:
                // Processing that rests on consent stops for those who withdraw it.
                decide(optOut.id, [
                    (standing.countedBasis == .explicitConsent || flow.article6?.basis == .a, "the flow does not rely on consent"),
                    (covers(optOut), "the flow's purposes are not those the consent covers"),
                    (optOut.recordedAt.isEmpty || fromWhereRecorded(optOut), "the data does not come from where withdrawals are recorded"),
                    (level.isPersonalData, "the data is not personal data in the recipient's hands"),
                ], otherwise: "the flow relies on consent, so people who withdraw it must be left out")
            case .rightToObject:
                // UK GDPR Art 21(1): an objection to processing under Art 6(1)(e) or (f), recorded where
                // it was made, applies to the purposes it covers.
                let basis = flow.article6?.basis
                decide(optOut.id, [
                    (basis == .e || basis == .f, "the flow does not rest on Art 6(1)(e) or (f), the bases Art 21(1) lets people object to"),
                    (covers(optOut), "the flow's purposes are not those the objections cover"),
                    (fromWhereRecorded(optOut), "the data does not come from where the objections are recorded"),
                    (level.isPersonalData, "the data is not personal data in the recipient's hands"),
                ], otherwise: "the flow rests on Art 6(1)(\(basis?.rawValue ?? "e")) for purposes the objections recorded at its source cover (Art 21(1))")
            }
        }
        return result
    }

    /// The National Data Opt-out's scope and exemptions (NDOP §5–§7, domain.md §4.4 step 1): the one
    /// definition every rule reads through `OptOutRequirement`.
    static func ndooRequirement(
        _ flow: Flow, dataset: DatasetFacts, categories: [PurposeCategory], isSecondary: Bool, isConfidential: Bool,
        facts: RequirementFacts, optOut: String, standing: ConfidentialityStanding
    ) -> OptOutRequirement {
        func decided(_ required: Bool, _ reason: String, settled: Bool = true, exemption: OptOutRequirement.Exemption? = nil) -> OptOutRequirement {
            OptOutRequirement(optOut: optOut, isRequired: required, reason: reason, isPolicyDependent: false, isSettled: settled, exemption: exemption)
        }
        guard isConfidential else { return decided(false, "the data is not confidential patient information in the recipient's hands") }
        guard isSecondary else { return decided(false, "the flow is for individual care") }
        guard dataset.isInNDOOScope else {
            return decided(false, "the data does not originate in health or adult social care in England")
        }
        if case .unsupported(let claimed, _) = standing {
            return decided(false, "the flow's `\(claimed.rawValue)` claim cites no instrument that makes it true, so it has no confidentiality basis that counts (and no s251 support that carries the opt-out)", settled: false)
        }
        guard let basis = standing.countedBasis else {
            return decided(false, "the flow has no confidentiality basis (so no s251 support that carries the opt-out)", settled: false)
        }
        guard basis == .s251Regulation2 || basis == .s251Regulation5 else {
            return decided(false, facts.outsideScope[basis]!, settled: basis != .impliedConsent && basis != .notConfidential)
        }
        // NDOP §7.1 exempts non-contracted invoice validation, not a flow that also serves other purposes.
        if categories.allSatisfy({ $0 == .invoiceValidation || $0.passesThrough }) && categories.contains(.invoiceValidation) {
            return decided(false, "invoice validation is exempt (\(NDOPExemption.invoiceValidation.policySection))", exemption: .policy(.invoiceValidation))
        }
        let cited = flow.confidentiality?.instrument?.name
        for claim in flow.exemptions where claim.optOut.name == optOut {
            if case .approval(let approval) = claim.ground, approval.name == cited, facts.approvals[approval.name]?.exempt == true {
                return decided(false, "approval `\(approval.name)` is exempted from the opt-out", exemption: .approval(approval.name))
            }
        }
        if let cited, let decision = facts.approvals[cited] {
            let exemption: OptOutRequirement.Exemption? = decision.exempt ? (decision.byModelSetting ? .modelSetting(approval: cited) : .approval(cited)) : nil
            return decided(decision.required, decision.reason, settled: !decision.byModelSetting && !decision.unknown, exemption: exemption)
        }
        let fallback = facts.noApproval[basis]!
        return decided(fallback.0, fallback.1, settled: false, exemption: fallback.0 ? nil : .modelSetting(approval: nil))
    }

    /// The flow's exemption claims from an opt-out that still applies, each with why it does not count.
    static func unrecognisedClaims(_ flow: Flow, optOut: String) -> [String] {
        flow.exemptions.filter { $0.optOut.name == optOut }.map { claim in
            switch claim.ground {
            case .policy(let entry):
                "the claimed `\(entry.rawValue)` exemption (\(entry.policySection)) covers a flow only when that is its only purpose"
            case .approval(let approval):
                approval.name == flow.confidentiality?.instrument?.name
                    ? "approval `\(approval.name)` does not record the opt-out as exempted (`ndoo exempt`)"
                    : "approval `\(approval.name)` is not the approval this flow's confidentiality basis cites"
            case nil:
                "the exemption claimed\(claim.evidence.map { " (\"\($0)\")" } ?? "") names nothing checkable"
            }
        }
    }
}
