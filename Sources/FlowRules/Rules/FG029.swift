import FlowAnalysis
import FlowLanguage
import FlowModel

/// R29: Record of Processing Activities incomplete.
enum FG029 {
    static let rule = Rule(
        code: "FG029",
        slug: "ropa-incomplete",
        severity: .warning,
        legalSource: "UK GDPR Art 30(1) (controllers) and Art 30(2) (processors); Art 37(1)(a) (public authorities designate a DPO)",
        summary: "The model cannot produce a complete Article 30 record for a controller's or processor's processing activities.",
        explanation: """
        flowgate derives the Record of Processing Activities from the graph: one row per (controller, \
        purpose), with the recipients, transfers and retention taken from the flows. Some Art 30 fields \
        cannot be derived and must be recorded on the declarations themselves; this rule reports those \
        that are missing.

        Per organisation, for controllers that disclose personal data in the model (directly or \
        through a processor) and whose record the model keeps — it documents them with a privacy \
        notice, an ICO registration (`ico`), a DPO, a security description or a DSPT status — and for \
        the processors acting for them:
        - (a) the DPO's contact details, for public authorities, which must designate one (Art 37(1)(a)): \
        `dpo "…"`;
        - (g) a general description of the technical and organisational security measures (Art \
        30(1)(g), 30(2)(d)): `security "…"`, or a DSPT status (`dspt standards-met "2024-25"`).
        Organisations the model does not document, organisations that only receive data (third \
        parties whose records are their own) and the shipped library's national bodies are not \
        reported: a model of an ICB's flows names many partners whose records it does not keep.

        Per dataset carried as personal data: (c) the categories of data subjects (`subjects …`) and \
        the categories of personal data (`identifiers …`, `special-category …` or `items "…"`). The \
        finding names the activities whose record is incomplete.

        Recipients (d) come from the flows, so they are always complete. Transfers (e) are checked by \
        FG030 and erasure time limits (f) by FG031, so they are not repeated here.
        """,
        triggeringExamples: [
            """
            org community "Example community health trust" {
              kind community-provider
              public-authority yes
              ico "Z1234567"
            }

            dataset community-notes "Community nursing notes" {
              origin england-health
              special-category health
              identifiers nhs-number, name
              subjects patients
              source community
            }

            flow community -> gp "Community nursing summary" {
              data community-notes
              level identifiable
              purpose care
              art6 e "NHS Act 2006"
              art9 h
              sch1 part1 para2
              confidentiality implied-consent
            }
            """,
            """
            org hospice "Example hospice (charity)" {
              kind charity
              public-authority no
              security "Cyber Essentials Plus; role-based access"
            }

            dataset hospice-notes "Hospice care notes" {
              origin england-health
              source hospice
            }

            flow hospice -> gp "End of life summary" {
              data hospice-notes
              level identifiable
              purpose care
              art6 e "NHS Act 2006 (commissioned NHS services)"
              art9 h
              sch1 part1 para2
              confidentiality implied-consent
            }
            """,
        ],
        passingExamples: [
            """
            org community "Example community health trust" {
              kind community-provider
              public-authority yes
              dpo "Head of IG, dpo@community.example"
              dspt standards-met "2024-25"
            }

            dataset community-notes "Community nursing notes" {
              origin england-health
              special-category health
              identifiers nhs-number, name
              subjects patients
              source community
            }

            flow community -> gp "Community nursing summary" {
              data community-notes
              level identifiable
              purpose care
              art6 e "NHS Act 2006"
              art9 h
              sch1 part1 para2
              confidentiality implied-consent
            }
            """,
            """
            org hospice "Example hospice (charity)" {
              kind charity
              public-authority no
              security "Cyber Essentials Plus; role-based access"
            }

            dataset bed-counts "Daily bed availability" {
              origin england-health
              level aggregate
              source hospice
            }

            flow hospice -> icb "Bed availability" {
              data bed-counts
              level aggregate
              purpose commissioning
            }
            """,
        ]
    ) { collector in
        let model = collector.model
        let analysis = collector.analysis
        let noticed = Set(model.notices.values.map(\.controller.name))
        let organisationIndex = OrganisationIndex.shared(by: collector)
        let documented: (OrganisationIndex.Entry) -> Bool = { entry in
            let org = entry.organisation
            return isAnswerable(org) && (noticed.contains(org.id) || org.icoRegistration != nil || org.dataProtectionOfficer != nil
                || org.security != nil || org.dspt != nil)
        }
        var activities: [String: Set<String>] = [:]
        var processorFor: [String: Set<String>] = [:]
        // Only the uses of base datasets that lack an Art 30(1)(c) field end up in a message, and a
        // complete estate has none: the (controller, purpose) pairs are gathered only for datasets
        // derived from an incomplete one, found by walking down from it once.
        let incomplete = model.datasets.values.filter { !$0.isDerived && !StandardLibrary.isLibraryPath($0.span.path) && !missingFields(of: $0).isEmpty }
        let incompleteBehind = basesBehind(incomplete.map(\.id), in: model)
        var baseDatasets: [String: Set<[String]>] = [:]
        for (index, flow) in collector.flows where analysis.carriesPersonalData(index) {
            let parties = parties(of: flow, in: organisationIndex)
            let purposes = flow.purposes.map(\.name)
            let engaged = (parties.disclosing + (parties.recipientIsProcessor ? parties.receiving : [])).filter(documented)
            for controller in engaged { activities[controller.id, default: []].formUnion(purposes) }
            // A processor's record matters here when it acts for a controller the model answers for.
            if parties.senderIsProcessor, let sender = parties.processors.first, parties.disclosing.contains(where: documented) {
                processorFor[sender.id, default: []].formUnion(purposes)
            }
            if parties.recipientIsProcessor, let recipient = parties.processors.last,
               (parties.receiving.isEmpty ? parties.disclosing : parties.receiving).contains(where: documented) {
                processorFor[recipient.id, default: []].formUnion(purposes)
            }
            guard let bases = incompleteBehind[flow.dataset.name] else { continue }
            for controller in (parties.disclosing + parties.receiving).filter(isAnswerable) {
                for purpose in purposes {
                    for base in bases { baseDatasets[base, default: []].insert([controller.id, purpose]) }
                }
            }
        }
        let organisations = Set(activities.keys).union(processorFor.keys).sorted()
        for id in organisations {
            guard let org = model.organisations[id], isAnswerable(org) else { continue }
            var missing: [String] = []
            if activities[id] != nil, FG007.isPublicAuthority(org), org.dataProtectionOfficer == nil {
                missing.append("the DPO's contact details (Art 30(1)(a); a public authority must designate a DPO)")
            }
            if org.security == nil, org.dspt == nil {
                let article = activities[id] != nil ? "Art 30(1)(g)" : "Art 30(2)(d)"
                missing.append("a description of its security measures (\(article))")
            }
            guard !missing.isEmpty else { continue }
            var roles: [String] = []
            if let purposes = activities[id] { roles.append("as controller for \(purposes.sorted().map { "`\($0)`" }.joined(separator: ", "))") }
            if let purposes = processorFor[id] { roles.append("as processor for \(purposes.sorted().map { "`\($0)`" }.joined(separator: ", "))") }
            var fixes: [String] = []
            if missing.contains(where: { $0.hasPrefix("the DPO") }) { fixes.append("`dpo \"name and contact\"`") }
            if missing.contains(where: { $0.hasPrefix("a description") }) { fixes.append("`security \"…\"` (or `dspt standards-met \"YEAR\"`)") }
            collector.report(
                "the record of processing of `\(id)` (\(roles.joined(separator: "; "))) lacks \(missing.joined(separator: " and "))",
                at: org.span, target: id,
                help: "add \(fixes.joined(separator: " and ")) to `\(id)`"
            )
        }
        for name in baseDatasets.keys.sorted() {
            guard let dataset = model.datasets[name], !StandardLibrary.isLibraryPath(dataset.span.path) else { continue }
            let missing = missingFields(of: dataset)
            guard !missing.isEmpty, let uses = baseDatasets[name] else { continue }
            let shown = uses.map { "(`\($0[0])`, `\($0[1])`)" }.sorted()
            let list = shown.prefix(4).joined(separator: ", ") + (shown.count > 4 ? " and \(shown.count - 4) more" : "")
            collector.report(
                "dataset `\(name)` does not record \(missing.map(\.field).joined(separator: " or ")), so the Art 30(1)(c) entry of \(list) is incomplete",
                at: dataset.span, target: name,
                help: "add \(missing.map(\.fix).joined(separator: " and ")) to dataset `\(name)`"
            )
        }
    }

    /// The Art 30(1)(c) fields a dataset does not record, each with its fix.
    static func missingFields(of dataset: Dataset) -> [(field: String, fix: String)] {
        var missing: [(field: String, fix: String)] = []
        if dataset.subjects.isEmpty {
            missing.append(("the categories of data subjects", "`subjects patients` (or whoever the data is about)"))
        }
        if dataset.identifiers.isEmpty, dataset.specialCategories.isEmpty, dataset.items == nil {
            missing.append(("the categories of personal data", "`identifiers …`, `special-category …` or `items \"…\"`"))
        }
        return missing
    }

    /// For each dataset that is one of `bases` or derived from one (transitively), those bases.
    static func basesBehind(_ bases: [String], in model: SemanticModel) -> [String: [String]] {
        guard !bases.isEmpty else { return [:] }
        var derivedFrom: [String: [String]] = [:]
        for (output, inputs) in model.derivationInputs {
            for input in inputs { derivedFrom[input, default: []].append(output) }
        }
        var result: [String: [String]] = [:]
        for base in bases {
            var seen: Set<String> = [base]
            var pending = [base]
            while let current = pending.popLast() {
                result[current, default: []].append(base)
                for output in derivedFrom[current] ?? [] where seen.insert(output).inserted { pending.append(output) }
            }
        }
        return result
    }

    /// Audiences and courts keep no record the model's author is answerable for, and the shipped
    /// library's national bodies keep their own.
    static let exemptKinds: Set<OrganisationKind> = [.individual, .publicAudience, .court]

    static func isAnswerable(_ org: Organisation) -> Bool {
        !exemptKinds.contains(org.kind) && !StandardLibrary.isLibraryPath(org.span.path)
    }

    static func isAnswerable(_ org: OrganisationIndex.Entry) -> Bool { isAnswerable(org.organisation) }

    /// Who is accountable for a flow: the controllers disclosing it (the sender, or the controllers
    /// a sending processor acts for), the controllers receiving it (the recipient, or the controllers
    /// a receiving processor acts for), and the processors involved. Individuals and the public are
    /// never controllers here.
    struct Parties {
        var disclosing: [OrganisationIndex.Entry] = []
        var receiving: [OrganisationIndex.Entry] = []
        /// The sending processor first (when the sender is one), then the receiving processor.
        var processors: [OrganisationIndex.Entry] = []
        var senderIsProcessor = false
        var recipientIsProcessor = false
    }

    static func parties(of flow: Flow, in organisations: OrganisationIndex) -> Parties {
        var parties = Parties()
        let audiences: Set<OrganisationKind> = [.individual, .publicAudience]
        if let from = organisations.organisation(flow.from.name), !audiences.contains(from.kind) {
            if from.processorFor.isEmpty {
                parties.disclosing = [from]
            } else {
                parties.disclosing = organisations.declaredControllers(servedBy: from.id)
                parties.processors.append(from)
                parties.senderIsProcessor = true
            }
        }
        if let to = organisations.organisation(flow.to.name), !audiences.contains(to.kind) {
            let isProcessor = switch flow.role {
            case .processor: true
            case .controller, .jointController: false
            case nil: !to.processorFor.isEmpty
            }
            if isProcessor {
                parties.recipientIsProcessor = true
                parties.processors.append(to)
                parties.receiving = organisations.declaredControllers(servedBy: to.id)
            } else {
                parties.receiving = [to]
            }
        }
        return parties
    }
}
