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
        let carriesPersonalData = FlowColumns.shared(by: collector).carriesPersonalData
        let model = collector.model
        let analysis = collector.analysis
        let partyTable = FlowParties.shared(by: collector)
        let organisations = partyTable.declarations.organisations
        let isAnswerable = partyTable.isAnswerable
        var isNoticed = [Bool](repeating: false, count: organisations.count)
        let notices = model.notices
        for position in notices.indices {
            if let id = analysis.graph.organisations.id(notices.values[position].controller.name) { isNoticed[id] = true }
        }
        let documented = organisations.indices.map { id in
            isAnswerable[id] && (isNoticed[id] || organisations[id]?.icoRegistration != nil || organisations[id]?.dataProtectionOfficer != nil
                || organisations[id]?.security != nil || organisations[id]?.dspt != nil)
        }
        // Only an organisation whose record lacks a field can be reported, so only its flows are
        // gathered (by organisation id); their purposes are collected for the message.
        let mayLack = organisations.indices.map { id in
            isAnswerable[id] && organisations[id].map { org in
                (FG007.isPublicAuthority(org) && org.dataProtectionOfficer == nil) || (org.security == nil && org.dspt == nil)
            } == true
        }
        // By organisation id, the flows it is a controller or a processor of.
        var controllerFlows = DenseMemo<[Int]>(count: organisations.count)
        var processorFlows = DenseMemo<[Int]>(count: organisations.count)
        let flowRoles = FlowColumns.shared(by: collector).roles
        // Only the uses of base datasets that lack an Art 30(1)(c) field end up in a message, and a
        // complete estate has none: the (controller, purpose) pairs are gathered only for datasets
        // derived from an incomplete one, found by walking down from it once.
        let incompleteBehind = basesBehind(incompleteBaseDatasets(in: model), in: model, datasets: analysis.graph.datasets)
        let flowDatasets = partyTable.declarations.flowDatasets
        var baseDatasets: [String: Set<[String]>] = [:]
        for index in model.flows.indices where carriesPersonalData[index] {
            let parties = partyTable.parties(ofFlow: index, role: flowRoles[index])
            for controller in parties.disclosing where documented[controller] && mayLack[controller] {
                controllerFlows.append(index, at: controller)
            }
            if parties.recipientIsProcessor {
                for controller in parties.receiving where documented[controller] && mayLack[controller] {
                    controllerFlows.append(index, at: controller)
                }
            }
            // A processor's record matters here when it acts for a controller the model answers for.
            if let sender = parties.sendingProcessor, mayLack[sender], parties.disclosing.contains(where: { documented[$0] }) {
                processorFlows.append(index, at: sender)
            }
            if let recipient = parties.receivingProcessor, mayLack[recipient],
               (parties.receiving.isEmpty ? parties.disclosing : parties.receiving).contains(where: { documented[$0] }) {
                processorFlows.append(index, at: recipient)
            }
            guard !incompleteBehind.isEmpty, let bases = incompleteBehind[flowDatasets[index]] else { continue }
            let purposes = model.flows[index].purposes.map(\.name)
            for controller in (parties.disclosing + parties.receiving) where isAnswerable[controller] {
                let name = analysis.graph.organisations.names[controller]
                for purpose in purposes {
                    for base in bases { baseDatasets[base, default: []].insert([name, purpose]) }
                }
            }
        }
        func purposes(of flows: [Int]?) -> Set<String>? {
            flows.map { Set($0.flatMap { model.flows[$0].purposes.map(\.name) }) }
        }
        // Ids are numbered in name order.
        for organisation in organisations.indices where controllerFlows[organisation] != nil || processorFlows[organisation] != nil {
            guard let org = organisations[organisation] else { continue }
            let id = org.id
            let activities = purposes(of: controllerFlows[organisation])
            let processorFor = purposes(of: processorFlows[organisation])
            var missing: [String] = []
            if activities != nil, FG007.isPublicAuthority(org), org.dataProtectionOfficer == nil {
                missing.append("the DPO's contact details (Art 30(1)(a); a public authority must designate a DPO)")
            }
            if org.security == nil, org.dspt == nil {
                let article = activities != nil ? "Art 30(1)(g)" : "Art 30(2)(d)"
                missing.append("a description of its security measures (\(article))")
            }
            guard !missing.isEmpty else { continue }
            var roles: [String] = []
            if let purposes = activities { roles.append("as controller for \(purposes.sorted().map { "`\($0)`" }.joined(separator: ", "))") }
            if let purposes = processorFor { roles.append("as processor for \(purposes.sorted().map { "`\($0)`" }.joined(separator: ", "))") }
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

    /// Base datasets (outside the shipped library) that do not record an Art 30(1)(c) field.
    static func incompleteBaseDatasets(in model: SemanticModel) -> [String] {
        // Read in place: copying every dataset out of the model would cost more than the check.
        let datasets = model.datasets
        return datasets.indices.compactMap { position in
            !datasets.values[position].isDerived && !StandardLibrary.isLibraryPath(datasets.values[position].span.path)
                && !missingFields(of: datasets.values[position]).isEmpty ? datasets.values[position].id : nil
        }
    }

    /// By dataset id, for each dataset that is one of `bases` or derived from one (transitively),
    /// those bases; empty when there are no bases.
    static func basesBehind(_ bases: [String], in model: SemanticModel, datasets: NameTable) -> [[String]?] {
        guard !bases.isEmpty else { return [] }
        var derivedFrom: [String: [String]] = [:]
        for (output, inputs) in model.derivationInputs {
            for input in inputs { derivedFrom[input, default: []].append(output) }
        }
        var result = [[String]?](repeating: nil, count: datasets.count)
        for base in bases {
            var seen: Set<String> = [base]
            var pending = [base]
            while let current = pending.popLast() {
                // A dataset no flow or transform mentions has no id, and no flow carries it.
                if let id = datasets.id(current) { result[id] = (result[id] ?? []) + [base] }
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
}
