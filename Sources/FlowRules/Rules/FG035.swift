import FlowAnalysis
import FlowLanguage
import FlowModel

/// R35: NHS England dissemination for a non-health purpose.
enum FG035 {
    static let rule = Rule(
        code: "FG035",
        slug: "nhse-dissemination-non-health-purpose",
        severity: .error,
        legalSource: "Health and Social Care Act 2012 s261(1A) (inserted by Care Act 2014 s122); HSCA 2012 s261(5)",
        summary: "NHS England disseminates data from a statutory collection for a purpose other than health care, adult social care or the promotion of health.",
        explanation: """
        Data that NHS England (formerly NHS Digital, and before that the HSCIC) collects under HSCA \
        2012 Part 9 — the s259 collections such as SUS, HES and GPES extracts — may be disseminated \
        under s261(1) only for the purposes of the provision of health care or adult social care, or \
        the promotion of health (s261(1A), added by the Care Act 2014 after HES data reached insurers). \
        Research, planning, commissioning and audit for those ends qualify; insurance, marketing, \
        immigration enforcement or other commercial uses do not.

        The rule looks at flows of personal data (record-level data, including pseudonymised data) \
        sent by NHS England — an organisation declared `statutory-collector yes` (the standard \
        library's `nhs-england`, or a model's own declaration), one whose successor chain leads to one \
        (NHS Digital, the HSCIC), or a processor acting for one (such as a DSCRO) — whose data is NHS \
        England's: it came in through a collection drawn in the model (a flow with a \
        `mandated-collection` purpose or a `statutory` confidentiality basis), or the patient \
        information it carries, or derives from, names NHS England as its `source`. Such a flow is \
        reported when one of its purposes is of category `fraud-prevention`, `legal-proceedings` or \
        `other`, unless the flow rests on another gateway that s261(5) preserves: a `court-order` or a \
        `statutory` confidentiality basis that cites its instrument.

        Published aggregate and anonymised outputs are not checked here (FG023 covers their disclosure \
        control). The witness path shows the collection the data came from.

        Fix: stop the dissemination, or — if the purpose is in fact health or care — declare the \
        purpose with its true category. If a court order or another statute requires the disclosure, \
        record it: `confidentiality court-order GATEWAY` or `confidentiality statutory GATEWAY`.
        """,
        triggeringExamples: [
            """
            purpose premiums "Setting insurance premiums" {
              category other
              statutory-function no
            }

            flow trust -> nhs-england "SUS submission" {
              data sus
              level identifiable
              purpose collection
              art6 c "HSCA 2012 s259"
              art9 h
              sch1 part1 para2
              confidentiality statutory hsca-s259
            }

            at nhs-england pseudonymise sus -> hes-extract {
              key nhse-key
            }

            key nhse-key "NHS England pseudonymisation key" {
              held-by nhs-england
            }

            flow nhs-england -> insurer "Pseudonymised HES extract" {
              data hes-extract
              level pseudonymised
              purpose premiums
              art6 f
              art9 g
            }
            """,
            """
            purpose premiums "Setting insurance premiums" {
              category other
              statutory-function no
            }

            dataset hes "Hospital Episode Statistics" {
              origin england-health
              special-category health
              identifiers nhs-number, date-of-birth
              subjects patients
              source nhs-england
            }

            flow nhs-england -> insurer "HES extract (its collection not drawn)" {
              data hes
              level identifiable
              purpose premiums
              art6 f
            }
            """,
        ],
        passingExamples: [
            """
            flow trust -> nhs-england "SUS submission" {
              data sus
              level identifiable
              purpose collection
              art6 c "HSCA 2012 s259"
              art9 h
              sch1 part1 para2
              confidentiality statutory hsca-s259
            }

            at nhs-england pseudonymise sus -> hes-extract {
              key nhse-key
            }

            key nhse-key "NHS England pseudonymisation key" {
              held-by nhs-england
            }

            flow nhs-england -> university "Pseudonymised HES extract for research" {
              data hes-extract
              level pseudonymised
              purpose research
              art6 e "University research (public task)"
              art9 j
              sch1 part1 para4
            }
            """,
            """
            purpose proceedings "Court proceedings" {
              category legal-proceedings
            }

            flow trust -> nhs-england "SUS submission" {
              data sus
              level identifiable
              purpose collection
              art6 c "HSCA 2012 s259"
              art9 h
              sch1 part1 para2
              confidentiality statutory hsca-s259
            }

            flow nhs-england -> council "Records ordered by the court" {
              data sus
              level identifiable
              purpose proceedings
              art6 c "Court order"
              art9 f
              confidentiality court-order
            }
            """,
        ]
    ) { collector in
        let model = collector.model
        let analysis = collector.analysis
        let safeHaven = NationalSafeHaven.shared(by: collector)
        let nhsEngland = safeHaven.side
        guard !nhsEngland.isEmpty else { return }
        // By organisation id: every flow's sender is tested, and hashing each sender's name cost
        // more than the rest of the test.
        let isNHSEngland = analysis.graph.organisations.names.map(nhsEngland.contains)
        let senders = analysis.graph.senderOrganisations
        for index in model.flows.indices where isNHSEngland[senders[index]] {
            let flow = model.flows[index]
            guard analysis.identifiability.wireLevels[index].isPersonalData else { continue }
            let outside = flow.purposes.compactMap { model.purposes[$0.name] }.filter { nonHealth.contains($0.category) }
            guard !outside.isEmpty else { continue }
            if let basis = analysis.basisForDependentChecks(index), basis == .courtOrder || basis == .statutory { continue }
            let purposes = outside.map { "`\($0.id)` (\($0.category.rawValue))" }.joined(separator: ", ")
            let help = "stop this dissemination (HSCA 2012 s261(1A)); if a court order or another statute requires it, record `confidentiality court-order GATEWAY` or `confidentiality statutory GATEWAY`"
            if let collection = collectionFlow(feeding: Holding(flow.from.name, flow.dataset.name), nhsEngland: nhsEngland, analysis: analysis) {
                let collected = model.flows[collection]
                let witness = analysis.witnessPath(forFlow: index) { contribution in
                    if case .flow(let upstream) = contribution { return upstream == collection }
                    return false
                }
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) disseminates data NHS England collected (\(collector.label(collected))) for \(purposes), which is not health care, adult social care or the promotion of health",
                    discriminator: outside.map(\.id).joined(separator: ","),
                    related: [DiagnosticNote("collected here", at: collected.span)],
                    witness: witness,
                    help: help
                )
            } else if let (dataset, source) = nationalSource(of: flow.dataset.name, bodies: safeHaven.bodies, in: model) {
                // The model need not draw how the data arrived: its declared source says whose it is.
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) disseminates `\(flow.dataset.name)`, data NHS England holds (`\(dataset)` has `source \(source)`), for \(purposes), which is not health care, adult social care or the promotion of health",
                    discriminator: outside.map(\.id).joined(separator: ","),
                    related: model.datasets[dataset].map { [DiagnosticNote("`\(dataset)` names its source here", at: $0.span)] } ?? [],
                    witness: analysis.witnessPath(forFlow: index),
                    help: help
                )
            }
        }
    }

    /// Purpose categories outside s261(1A).
    static let nonHealth: Set<PurposeCategory> = [.fraudPrevention, .legalProceedings, .other]

    /// The dataset (the one carried, or one it derives from) of patient information whose declared
    /// `source` is NHS England or a predecessor, and that source. Its own records (a staff list)
    /// are not what it collects under HSCA 2012 Part 9.
    static func nationalSource(of dataset: String, bodies: Set<String>, in model: SemanticModel) -> (dataset: String, source: String)? {
        let lineage = [dataset] + Lineage.ancestors(of: dataset, in: model).sorted()
        for name in lineage {
            guard let declared = model.datasets[name], Analysis.isPatientInformation(declared) else { continue }
            if let source = declared.sources.first(where: { bodies.contains($0.name) }) { return (name, source.name) }
        }
        return nil
    }

    /// The first collection flow (into NHS England's side) upstream of a holding, if any.
    static func collectionFlow(feeding start: Holding, nhsEngland: Set<String>, analysis: Analysis) -> Int? {
        let model = analysis.model
        var seen: Set<Holding> = [start]
        var pending = [start]
        var next = 0
        while next < pending.count {
            let holding = pending[next]
            next += 1
            for source in analysis.graph.contributions[holding] ?? [] {
                var previous: [Holding] = []
                switch source {
                case .flow(let index):
                    let flow = model.flows[index]
                    if nhsEngland.contains(flow.to.name), !nhsEngland.contains(flow.from.name), isCollection(flow, in: model) {
                        return index
                    }
                    previous = [Holding(flow.from.name, flow.dataset.name)]
                case .transform(let index):
                    let transform = model.transforms[index]
                    previous = transform.inputs.map { Holding(transform.holder.name, $0.name) }
                }
                for upstream in previous where seen.insert(upstream).inserted { pending.append(upstream) }
            }
        }
        return nil
    }

    static func isCollection(_ flow: Flow, in model: SemanticModel) -> Bool {
        flow.confidentiality?.basis == .statutory
            || flow.purposes.contains { model.purposes[$0.name]?.category == .mandatedCollection }
    }
}
