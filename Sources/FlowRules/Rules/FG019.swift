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
        dataset sharing a linkable identifier (the same pseudonym domain, or the NHS number); NHS-number \
        level data is identifiable to any NHS body. Linkage is COPI Schedule class 4 and needs its own \
        authority.

        Two situations are reported:
        1. the flow declares a lower level than the dataset it carries, and no declared transform \
        lowered it (derive a pseudonymised or anonymised dataset with `at ORG pseudonymise …` first) — error;
        2. the recipient can re-identify the data it receives — error when the recipient is a \
        commissioner (which may not hold identifiable data outside permitted channels), otherwise a \
        warning. The other rules (FG001, FG009, FG015, FG017) already use the escalated level.
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
        for index in model.flows.indices {
            guard let datasetLevel = levels[flowDatasets[index]] else { continue }
            let flow = model.flows[index]
            if flow.level != datasetLevel, flow.level < datasetLevel, let dataset = model.datasets[flow.dataset.name] {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) declares `\(flow.level.rawValue)` but carries `\(dataset.id)`, which is \(dataset.level.rawValue); no declared transform lowered it",
                    discriminator: "understated", severity: .error,
                    related: [DiagnosticNote("`\(dataset.id)` is declared here", at: dataset.span)]
                        + (isCommissioningChain(flow, model)
                            ? [DiagnosticNote("commissioners receive SUS and local flows only after a DSCRO has de-identified them; the DSCRO hop and its pseudonymisation are missing from the model (and from the notice, if the model follows one)")]
                            : []),
                    witness: analysis.witnessPath(forFlow: index),
                    help: "declare the transform that de-identifies it (e.g. `at ORG pseudonymise \(dataset.id) -> \(dataset.id)-pseudo { key KEY }`) and send that dataset, or declare the true level",
                    at: flow.levelSpan
                )
            }
            guard wireLevels[index] != .identifiable else { continue }
            let reasons = escalations[recipients[index]]
            guard !reasons.isEmpty else { continue }
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
}
