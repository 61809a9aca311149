import FlowAnalysis
import FlowLanguage
import FlowModel

/// R19: identifiability escalation by linkage or key holding, and levels declared lower than the data.
enum FG019 {
    static let rule = Rule(
        code: "FG019",
        slug: "identifiability-escalation",
        severity: .warning,
        legalSource: "UK GDPR Art 4(5) and Recital 26; ICO anonymisation and pseudonymisation guidance (\"in whose hands\"); NHS Act 2006 s251(10)–(11); COPI Schedule class 4",
        summary: "Data is more identifiable in the recipient's hands than the flow declares.",
        explanation: """
        Identifiability belongs to (dataset, holder), not to the dataset alone. Pseudonymised data becomes \
        identifiable to a holder that also holds the key of its pseudonym domain, or that holds another \
        dataset it can link through the NHS number, or through the same pseudonym domain where either \
        dataset keeps a direct identifier; NHS-number level data is identifiable to any NHS body. A \
        shared pseudonym alone is not identity: two pseudonymised datasets in one domain, at a holder \
        with neither the key nor a direct identifier, make a richer pseudonymised record — reported \
        as a re-identification risk (warning) naming the quasi-identifiers the linked record holds, \
        while the data stays pseudonymised for every other rule. Linkage is COPI Schedule class 4 and \
        needs its own authority.

        Three situations are reported:
        1. a transform claims a level its output cannot have — it keeps a direct identifier (the NHS \
        number alone makes it `pseudonymised-weak`, any other makes it `identifiable`), a record-level \
        `link` or `filter` claims to be less identifiable than its inputs, a `pseudonymise` or \
        `anonymise` step claims to produce counts — error on the transform (an aggregate's disclosure \
        control is FG023's question, judged where the counts are released). The model is read at the supported level: every \
        other rule sees it, and flows that only repeat the claim are listed under this finding;
        2. the flow declares a lower level than the dataset it carries, and no declared transform \
        lowered it (derive a pseudonymised or anonymised dataset with `at ORG pseudonymise …` first) — error; \
        a flow that only passes on such a claim (its sender received the same dataset through a flow \
        that declares a level no lower) is listed under that delivery's finding;
        3. the recipient can re-identify the data it receives — error when the recipient is a \
        commissioner (which may not hold identifiable data outside permitted channels), otherwise a \
        warning — unless the flow declares that re-identification by that recipient is designed \
        (`reidentification-by RECIPIENT`, as for case finding by a patient's own GP), as FG021 also \
        accepts. The other rules (FG001, FG009, FG015, FG017) already use the escalated level.
        """,
        triggeringExamples: [
            """
            flow nhs-england -> icb "SUS said to be pseudonymised" {
              data sus
              level pseudonymised
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
            }
            """,
            """
            key shared-key "Key shared with the ICB" {
              held-by dscro, icb
            }

            at dscro pseudonymise sus -> sus-pseudo {
              key shared-key
            }

            flow dscro -> icb "Pseudonymised SUS to a key holder" {
              data sus-pseudo
              level pseudonymised
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
            }
            """,
            """
            at trust link sus, gp-extract -> linked "Admissions linked with GP records" {
              level aggregate
            }

            flow trust -> insurer "Linked data, said to be counts" {
              data linked
              level aggregate
              purpose publication
            }
            """,
            """
            at trust anonymise sus -> sus-anon "Said to be anonymised" {
              identifiers date-of-birth, postcode
            }
            """,
        ],
        passingExamples: [
            """
            at dscro pseudonymise sus -> sus-pseudo {
              key dscro-key
            }

            flow dscro -> icb "Pseudonymised SUS" {
              data sus-pseudo
              level pseudonymised
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
            }
            """,
        ]
    ) { collector in
        let analysis = collector.analysis
        let model = collector.model
        let declarations = DeclarationsByID.shared(by: collector)
        let flowDatasets = declarations.flowDatasets
        let recipients = analysis.graph.recipientHoldings
        let wireLevels = analysis.identifiability.wireLevels
        let escalations = analysis.identifiability.escalationsByHolding
        // Each dataset's level by id, so a flow is compared without reading its dataset's declaration.
        let levels = declarations.datasets.map { $0?.level }
        // The root cause first: a transform claiming a level its output cannot have. Flows that only
        // repeat the claim are its consequences, listed under it rather than reported again.
        let claims = LevelClaims.shared(by: collector)
        for transform in model.transforms {
            guard let correction = model.datasets[transform.output]?.levelCorrection else { continue }
            let repeating = claims.repeating[transform.output] ?? []
            collector.report(
                "`\(transform.output)` at `\(transform.holder.name)` is claimed to be \(correction.claimed.rawValue), but \(correction.reason); every rule reads it as \(correction.supported.rawValue)",
                at: transform.span, target: transform.output, discriminator: LevelClaims.unsupportedLevel, severity: .error,
                related: repeating.prefix(5).map { DiagnosticNote("repeats the claim: \(collector.label(model.flows[$0]))", at: model.flows[$0].levelSpan ?? model.flows[$0].span) },
                help: "remove what keeps it identifiable (`identifiers …`), derive counts with `aggregate`, or declare the level the data really has"
            )
        }
        for index in model.flows.indices {
            guard levels[flowDatasets[index]] != nil else { continue }
            let flow = model.flows[index]
            if claims.isUnderstated(flow: index), let dataset = model.datasets[flow.dataset.name] {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) declares `\(flow.level.rawValue)` but carries `\(dataset.id)`, which is \(dataset.level.rawValue); no declared transform lowered it",
                    discriminator: LevelClaims.understated, severity: .error,
                    related: [DiagnosticNote("`\(dataset.id)` is declared here", at: dataset.span)]
                        + (isCommissioningChain(flow, model)
                            ? [DiagnosticNote("commissioners receive SUS and local flows only after a DSCRO has de-identified them; the DSCRO hop and its pseudonymisation are missing from the model (and from the notice, if the model follows one)")]
                            : []),
                    witness: analysis.witnessPath(forFlow: index),
                    help: "declare the transform that de-identifies it (e.g. `at ORG pseudonymise \(dataset.id) -> \(dataset.id)-pseudo { key KEY }`) and send that dataset, or declare the true level",
                    at: flow.levelSpan,
                    causedBy: claims.passedOnClaim(flow: index)
                )
            }
            guard wireLevels[index] != .identifiable else { continue }
            let reasons = escalations[recipients[index]]
            if reasons.isEmpty, let risk = analysis.identifiability.linkageRisks[recipients[index]],
               !flow.reidentificationAllowedBy.contains(where: { $0.name == flow.to.name }) {
                let quasi = quasiIdentifiers(of: [risk.dataset, risk.partner], in: model)
                collector.report(
                    flow: index,
                    "`\(flow.to.name)` can link `\(risk.dataset)` with `\(risk.partner)` via \(risk.via): a richer pseudonymised record, not identifiable data without the key or a direct identifier, but a re-identification risk — the linked record holds \(quasi.isEmpty ? "no declared quasi-identifiers" : "the quasi-identifiers " + quasi.map { "`\($0)`" }.joined(separator: ", "))",
                    discriminator: "linkage-risk", severity: .warning,
                    witness: analysis.witnessPath(forFlow: index),
                    help: "assess the linked record's re-identification risk (small cells, rare conditions, dates); keep the key away from `\(flow.to.name)`, or drop quasi-identifiers it does not need"
                )
                continue
            }
            guard !reasons.isEmpty else { continue }
            // Re-identification by design (case finding by the patient's own GP) is declared, not a
            // surprise: the other rules already read the data as identifiable there.
            if flow.reidentificationAllowedBy.contains(where: { $0.name == flow.to.name }) { continue }
            let isCommissioner = [.icb, .ccg].contains(model.organisations[flow.to.name]?.kind)
            collector.report(
                flow: index,
                "`\(flow.to.name)` can re-identify `\(flow.dataset.name)` received as \(analysis.identifiability.wireLevels[index].rawValue): it \(reasons.map(\.description).joined(separator: " and "))",
                discriminator: "escalated", severity: isCommissioner ? .error : .warning,
                witness: analysis.witnessPath(forFlow: index),
                help: "treat the data as identifiable at `\(flow.to.name)` (bases, opt-outs, approval covering linkage), or remove the key or the linkable dataset"
            )
        }
    }
}

extension FG019 {
    /// Identifiable health data going to a commissioner or its support unit, where the DSCRO step belongs.
    static func isCommissioningChain(_ flow: Flow, _ model: SemanticModel) -> Bool {
        let kinds: Set<OrganisationKind> = [.icb, .ccg, .csu]
        return model.organisations[flow.to.name].map { kinds.contains($0.kind) } == true
            && model.datasets[flow.dataset.name]?.origins.contains(.englandHealth) == true
    }

    /// The identifiers of the datasets that are not direct ones or the pseudonym itself: what could
    /// single a person out of a linked pseudonymised record.
    static func quasiIdentifiers(of datasets: [String], in model: SemanticModel) -> [String] {
        var seen: Set<Identifier> = []
        return datasets.flatMap { model.datasets[$0]?.identifiers ?? [] }
            .filter { !$0.isDirect && $0 != .pseudonym && seen.insert($0).inserted }
            .map(\.rawValue)
    }
}
