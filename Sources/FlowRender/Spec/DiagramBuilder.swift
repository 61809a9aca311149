import FlowLanguage
import FlowModel

/// Builds the `DiagramSpec` of one view of a model. Pure and deterministic: the result depends only
/// on the model's content, the view, the overlay and the options (never on dictionary order).
public enum DiagramBuilder {
    public static func build(
        _ model: SemanticModel,
        view: DiagramView,
        overlay: DiagramOverlay = .empty,
        options: DiagramOptions
    ) throws(DiagramError) -> DiagramSpec {
        var builder = Builder(model: model, overlay: overlay, options: options)
        return try builder.build(view)
    }

    /// The views `flowgate render DIR -o OUT` writes: the overview, the page of partners of each busy
    /// organisation (see `Partners`), then one per purpose that has at least one flow; by id.
    public static func directoryViews(of model: SemanticModel) -> [DiagramView] {
        let used = Set(model.flows.flatMap { $0.purposes.map(\.name) })
        return [.overview] + Partners.byHub(model).keys.sorted(by: utf8Less).map { DiagramView.partners($0) }
            + used.sorted(by: utf8Less).map { DiagramView.purpose($0) }
    }

    /// Byte-wise string order, independent of locale and Unicode normalisation.
    static func utf8Less(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}

private struct Builder {
    let model: SemanticModel
    let overlay: DiagramOverlay
    let options: DiagramOptions
    /// Flows in a stable order: by id, then source position.
    let flows: [Flow]
    /// The partners of busy organisations, by organisation (see `Partners`).
    let partners: [String: [String]]

    init(model: SemanticModel, overlay: DiagramOverlay, options: DiagramOptions) {
        self.model = model
        self.overlay = overlay
        self.options = options
        flows = model.flows.sorted {
            $0.id == $1.id ? $0.span < $1.span : DiagramBuilder.utf8Less($0.id, $1.id)
        }
        partners = Partners.byHub(model)
    }

    /// What a view selects.
    struct Selection {
        var flows: [Flow] = []
        var organisations: Set<String> = []
        var transformsAt: [String: [Transform]] = [:]
        /// Dataset view only: datasets drawn as nodes, and the lineage steps between them.
        var datasets: Set<String> = []
        var derivations: [Transform] = []
        var focus: String?
        var focusDataset: String?
        var countHiddenFlows = false
        var hiddenPurpose: String?
        /// Overview and partner pages: short organisation boxes (name, kind, country outside the UK; the
        /// tooltip has the rest), and one edge per pair of organisations.
        var summariseOrganisations = false
        var gatherPairs = false
        /// Overview: busy organisations whose partners are drawn as one box, with those partners.
        var partnerBoxes: [String: [String]] = [:]
    }

    mutating func build(_ view: DiagramView) throws(DiagramError) -> DiagramSpec {
        let selection: Selection
        let subtitle: String
        switch view {
        case .overview:
            selection = overview()
            let organisations = selection.organisations.count + selection.partnerBoxes.values.map(\.count).reduce(0, +)
            subtitle = "All data flows: \(count(organisations, "organisation")), \(count(flows.count, "flow"))"
        case .purpose(let id):
            guard let purpose = model.purposes[id] else {
                throw DiagramError("no purpose named `\(id)`", help: Suggestion.help(for: id, in: model.purposes.keys))
            }
            selection = purposeView(id)
            let use = purpose.category.isDirectCare ? "direct care" : "secondary use"
            subtitle = "Purpose: \(purpose.title ?? id) (\(purpose.category.rawValue), \(use))"
        case .dataset(let id):
            guard let dataset = model.datasets[id] else {
                throw DiagramError("no dataset named `\(id)`", help: Suggestion.help(for: id, in: model.datasets.keys))
            }
            selection = datasetView(id)
            subtitle = "Lineage of dataset \(dataset.title ?? id): where it comes from, where it goes, what is derived from it"
        case .organisation(let id, let depth):
            guard let organisation = model.organisations[id] else {
                throw DiagramError("no organisation named `\(id)`", help: Suggestion.help(for: id, in: model.organisations.keys))
            }
            guard depth >= 1 else { throw DiagramError("--depth must be 1 or more (got \(depth))") }
            selection = neighbourhood(of: id, depth: depth)
            subtitle = "Neighbourhood of \(organisation.title ?? id): organisations within \(count(depth, "flow")) of it"
        case .partners(let id):
            guard let organisation = model.organisations[id] else {
                throw DiagramError("no organisation named `\(id)`", help: Suggestion.help(for: id, in: model.organisations.keys))
            }
            guard let members = partners[id] else {
                throw DiagramError("`\(id)` has fewer than \(Partners.minimum) organisations that exchange data with it alone: see the overview")
            }
            selection = partnersView(of: id, members: members)
            subtitle = "Organisations that exchange data only with \(organisation.title ?? id): "
                + "\(count(members.count, "organisation")), \(count(selection.flows.count, "flow"))"
        }
        return assemble(view: view, selection: selection, subtitle: subtitle)
    }

    private func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    // MARK: - Selections

    func overview() -> Selection {
        var selection = Selection()
        selection.flows = flows
        for flow in flows { selection.organisations.formUnion([flow.from.name, flow.to.name]) }
        for transform in model.transforms { selection.organisations.insert(transform.holder.name) }
        for boundary in model.boundaries.values { selection.organisations.formUnion(boundary.members.map(\.name)) }
        for organisation in model.organisations.values where !StandardLibrary.isLibraryPath(organisation.span.path) {
            selection.organisations.insert(organisation.id)
        }
        selection.organisations = selection.organisations.filter { model.organisations[$0] != nil }
        selection.transformsAt = transformsByHolder(model.transforms, in: selection.organisations)
        selection.summariseOrganisations = true
        selection.gatherPairs = true
        // Busy organisations' partners become one box each (their own page draws them).
        let boxed = Set(partners.values.joined())
        selection.partnerBoxes = partners
        selection.organisations.subtract(boxed)
        selection.flows = flows.filter { !boxed.contains($0.from.name) && !boxed.contains($0.to.name) }
        return selection
    }

    func partnersView(of hub: String, members: [String]) -> Selection {
        let drawn = Set(members)
        var selection = Selection()
        selection.organisations = drawn.union([hub])
        selection.flows = flows.filter { drawn.contains($0.from.name) || drawn.contains($0.to.name) }
        selection.summariseOrganisations = true
        selection.gatherPairs = true
        selection.focus = hub
        selection.countHiddenFlows = true
        return selection
    }

    func purposeView(_ purpose: String) -> Selection {
        var selection = Selection()
        selection.flows = flows.filter { $0.purposes.contains { $0.name == purpose } }
        for flow in selection.flows { selection.organisations.formUnion([flow.from.name, flow.to.name]) }
        let carried = Set(selection.flows.map(\.dataset.name))
        let relevant = producing(carried) + model.transforms.filter { $0.purposes.contains { $0.name == purpose } }
        selection.transformsAt = transformsByHolder(relevant, in: selection.organisations)
        selection.hiddenPurpose = purpose
        return selection
    }

    func datasetView(_ dataset: String) -> Selection {
        var producers: [String: Transform] = [:]
        var consumers: [String: [Transform]] = [:]
        for transform in model.transforms {
            producers[transform.output] = transform
            for input in transform.inputs { consumers[input.name, default: []].append(transform) }
        }
        // Ancestors: follow producers upwards; descendants: follow consumers downwards.
        var lineage: Set<String> = [dataset]
        var pending = [dataset]
        while let current = pending.popLast() {
            for input in producers[current]?.inputs ?? [] where lineage.insert(input.name).inserted {
                pending.append(input.name)
            }
        }
        pending = [dataset]
        var descendants: Set<String> = []
        while let current = pending.popLast() {
            for transform in consumers[current] ?? [] where descendants.insert(transform.output).inserted {
                pending.append(transform.output)
            }
        }
        lineage.formUnion(descendants)
        var selection = Selection()
        selection.derivations = model.transforms.filter { lineage.contains($0.output) && producers[$0.output] == $0 }
            .sorted { DiagramBuilder.utf8Less($0.output, $1.output) }
        selection.datasets = lineage
        // Other inputs of a descendant's transform are drawn for context (but not followed).
        for transform in selection.derivations { selection.datasets.formUnion(transform.inputs.map(\.name)) }
        selection.datasets = selection.datasets.filter { model.datasets[$0] != nil }
        selection.flows = flows.filter { lineage.contains($0.dataset.name) }
        for flow in selection.flows { selection.organisations.formUnion([flow.from.name, flow.to.name]) }
        for transform in selection.derivations { selection.organisations.insert(transform.holder.name) }
        selection.organisations = selection.organisations.filter { model.organisations[$0] != nil }
        selection.transformsAt = transformsByHolder(selection.derivations, in: selection.organisations)
        selection.focusDataset = dataset
        return selection
    }

    func neighbourhood(of organisation: String, depth: Int) -> Selection {
        var adjacency: [String: Set<String>] = [:]
        for flow in flows {
            adjacency[flow.from.name, default: []].insert(flow.to.name)
            adjacency[flow.to.name, default: []].insert(flow.from.name)
        }
        var reached: Set<String> = [organisation]
        var frontier: Set<String> = [organisation]
        for _ in 0..<depth {
            var next: Set<String> = []
            for name in frontier { next.formUnion(adjacency[name] ?? []) }
            next.subtract(reached)
            if next.isEmpty { break }
            reached.formUnion(next)
            frontier = next
        }
        var selection = Selection()
        selection.organisations = reached.filter { model.organisations[$0] != nil }
        selection.flows = flows.filter { reached.contains($0.from.name) && reached.contains($0.to.name) }
        let carried = Set(selection.flows.map(\.dataset.name))
        let relevant = producing(carried) + model.transforms.filter { $0.holder.name == organisation }
        selection.transformsAt = transformsByHolder(relevant, in: selection.organisations)
        selection.focus = organisation
        selection.countHiddenFlows = true
        return selection
    }

    /// The transforms that produce `datasets`, and those producing their inputs, recursively.
    func producing(_ datasets: Set<String>) -> [Transform] {
        var producers: [String: Transform] = [:]
        for transform in model.transforms { producers[transform.output] = transform }
        var seen: Set<String> = []
        var pending = Array(datasets)
        var result: [Transform] = []
        while let current = pending.popLast() {
            guard seen.insert(current).inserted, let transform = producers[current] else { continue }
            result.append(transform)
            pending += transform.inputs.map(\.name)
        }
        return result
    }

    func transformsByHolder(_ transforms: [Transform], in organisations: Set<String>) -> [String: [Transform]] {
        var result: [String: [Transform]] = [:]
        var seen: Set<Transform> = []
        for transform in transforms where organisations.contains(transform.holder.name) && seen.insert(transform).inserted {
            result[transform.holder.name, default: []].append(transform)
        }
        return result.mapValues { $0.sorted { DiagramBuilder.utf8Less($0.output, $1.output) } }
    }

    // MARK: - Assembly

    func assemble(view: DiagramView, selection: Selection, subtitle: String) -> DiagramSpec {
        let findings = Dictionary(grouping: overlay.findings, by: \.target).mapValues { $0.sorted() }
        let placement = placeInBoundaries(selection.organisations)
        var clusters = placement.clusters
        let organisations = selection.organisations.sorted(by: DiagramBuilder.utf8Less)
        let drawnFlows = Set(selection.flows.map(\.id))
        var hidden: [String: Int] = [:]
        if selection.countHiddenFlows {
            for flow in flows where !drawnFlows.contains(flow.id) {
                for end in Set([flow.from.name, flow.to.name]) where selection.organisations.contains(end) {
                    hidden[end, default: 0] += 1
                }
            }
        }
        var nodes: [DiagramNode] = organisations.compactMap { name in
            guard let organisation = model.organisations[name] else { return nil }
            return organisationNode(
                organisation, transforms: selection.transformsAt[name] ?? [], summarise: selection.summariseOrganisations,
                cluster: placement.clusterOf[name],
                alsoIn: placement.alsoIn[name] ?? [], isFocus: selection.focus == name,
                findings: findings[name] ?? [], hiddenFlows: hidden[name] ?? 0
            )
        }
        if !selection.datasets.isEmpty {
            clusters.append(DiagramCluster(id: DiagramID.lineageCluster, name: "", title: "Dataset lineage", role: .lineage, parent: nil, depth: 0))
            for name in selection.datasets.sorted(by: DiagramBuilder.utf8Less) {
                guard let dataset = model.datasets[name] else { continue }
                nodes.append(datasetNode(dataset, isFocus: selection.focusDataset == name))
            }
        }
        var edges = selection.flows.map { flowEdge($0, hiddenPurpose: selection.hiddenPurpose, findings: findings[$0.id] ?? []) }
        if selection.gatherPairs { edges = OverviewEdges.gather(edges) }
        for hub in selection.partnerBoxes.keys.sorted(by: DiagramBuilder.utf8Less) {
            let box = partnerBox(of: hub, members: selection.partnerBoxes[hub] ?? [], findings: findings)
            nodes.append(box.node)
            edges += box.edges
        }
        for transform in selection.derivations {
            for input in transform.inputs where selection.datasets.contains(input.name) {
                edges.append(derivationEdge(transform, input: input.name))
            }
        }
        var notes: [String] = []
        if case .overview = view {
            let placed = Set(model.flows.map(\.id)).union(model.organisations.keys)
            let elsewhere = overlay.findings.filter { !placed.contains($0.target) }.count
            if elsewhere > 0 {
                notes.append("\(count(elsewhere, "finding")) about declarations not drawn as nodes or flows: run flowgate check")
            }
            for hub in selection.partnerBoxes.keys.sorted(by: DiagramBuilder.utf8Less) {
                let members = selection.partnerBoxes[hub] ?? []
                notes.append("\(count(members.count, "organisation")) exchanging data only with \(title(ofOrganisation: hub)): "
                    + "one box here, each drawn in \(DiagramID.fileStem(for: .partners(hub))).")
            }
        }
        let density: LabelDensity = options.labels == .automatic
            ? LayoutPolicy.labelDensity(view: view, edges: edges.count) : options.labels
        var spec = DiagramSpec(
            view: view, title: modelTitle, subtitle: subtitle, asOf: options.asOf, clusters: clusters,
            nodes: nodes, edges: edges, notes: notes, labels: density, showsLegend: options.legend
        )
        let layout = PageLayout.choose(for: spec, orientations: options.orientation.map { [$0] } ?? Orientation.allCases)
        spec = layout.applied(to: spec)
        return spec
    }

    /// The overview's box standing for `hub`'s partners, and one arrow each way between it and the hub
    /// gathering the partners' flows.
    func partnerBox(of hub: String, members: [String], findings: [String: [DiagramFinding]]) -> (node: DiagramNode, edges: [DiagramEdge]) {
        let id = DiagramID.partners(hub)
        let hubNode = DiagramID.organisation(hub)
        let drawn = Set(members)
        let memberFlows = flows.filter { drawn.contains($0.from.name) || drawn.contains($0.to.name) }
        let sent = memberFlows.filter { $0.from.name == hub }
        let received = memberFlows.filter { $0.to.name == hub }
        var edges: [DiagramEdge] = []
        for (group, outgoing) in [(sent, true), (received, false)] where !group.isEmpty {
            var edge = OverviewEdges.merge(group.map { flowEdge($0, hiddenPurpose: nil, findings: findings[$0.id] ?? []) })
            edge.from = outgoing ? hubNode : id
            edge.to = outgoing ? id : hubNode
            edge.id = DiagramID.flowPair(from: edge.from, to: edge.to)
            edges.append(edge)
        }
        var seen: Set<String> = []
        let memberFindings = members.flatMap { findings[$0] ?? [] }.sorted()
            .filter { seen.insert($0.code + "\u{0}" + $0.severity.rawValue).inserted }
        let receivers = Set(sent.map(\.to.name)).count
        let senders = Set(received.map(\.from.name)).count
        var split: [String] = []
        if receivers > 0 { split.append("\(receivers) receive data") }
        if senders > 0 { split.append("\(senders) send data") }
        let node = DiagramNode(
            id: id, name: hub, kind: .partners(count: members.count), title: "\(members.count) partner organisations",
            details: [split.joined(separator: ", ") + " (diagram " + DiagramID.fileStem(for: .partners(hub)) + ")"],
            cluster: nil, isFocus: false, findings: memberFindings, hiddenFlows: 0,
            tooltip: "Organisations that exchange data only with \(title(ofOrganisation: hub)):\n"
                + members.map { title(ofOrganisation: $0) }.joined(separator: "\n")
        )
        return (node, edges)
    }

    struct Placement {
        var clusters: [DiagramCluster] = []
        var clusterOf: [String: String] = [:]
        var alsoIn: [String: [String]] = [:]
    }

    /// Each organisation is drawn in the deepest boundary that lists it (ties: boundary id); boundaries
    /// drawn are those holding a drawn organisation, plus their ancestors.
    func placeInBoundaries(_ organisations: Set<String>) -> Placement {
        func depth(_ boundary: Boundary) -> Int {
            var depth = 0
            var current = boundary.parent
            while let parent = current, let next = model.boundaries[parent], depth < 1_000 {
                depth += 1
                current = next.parent
            }
            return depth
        }
        var memberships: [String: [Boundary]] = [:]
        for boundary in model.boundaries.values {
            for member in Set(boundary.members.map(\.name)) where organisations.contains(member) {
                memberships[member, default: []].append(boundary)
            }
        }
        var placement = Placement()
        var used: Set<String> = []
        for (organisation, boundaries) in memberships {
            let ordered = boundaries.sorted {
                let (a, b) = (depth($0), depth($1))
                return a != b ? a > b : DiagramBuilder.utf8Less($0.id, $1.id)
            }
            let chosen = ordered[0]
            placement.clusterOf[organisation] = DiagramID.boundary(chosen.id)
            // Boundaries enclosing the chosen one are implied by nesting; name only the others.
            var ancestors: Set<String> = []
            var current = chosen.parent
            while let parent = current, ancestors.insert(parent).inserted { current = model.boundaries[parent]?.parent }
            let others = ordered.dropFirst().filter { !ancestors.contains($0.id) }
            if !others.isEmpty { placement.alsoIn[organisation] = others.map { $0.title ?? $0.id } }
            var walk: String? = chosen.id
            while let name = walk, used.insert(name).inserted { walk = model.boundaries[name]?.parent }
        }
        placement.clusters = used.compactMap { name -> DiagramCluster? in
            guard let boundary = model.boundaries[name] else { return nil }
            return DiagramCluster(
                id: DiagramID.boundary(name), name: name, title: boundary.title ?? name,
                role: .boundary(boundary.kind, promises: boundary.promises),
                parent: boundary.parent.flatMap { used.contains($0) ? DiagramID.boundary($0) : nil },
                depth: depth(boundary)
            )
        }.sorted { $0.depth != $1.depth ? $0.depth < $1.depth : DiagramBuilder.utf8Less($0.name, $1.name) }
        return placement
    }

    /// Whose data flows these are: the controllers the model's privacy notices speak for (a DPO
    /// knows the model by its organisation, not by its folder), else the model's name.
    var modelTitle: String {
        let controllers = Set(model.notices.values.map(\.controller.name)).sorted(by: DiagramBuilder.utf8Less)
        guard !controllers.isEmpty, controllers.count <= 3 else { return options.modelName }
        let titles = controllers.map(title(ofOrganisation:))
        return titles.count == 1 ? titles[0] : titles.dropLast().joined(separator: ", ") + " and " + titles[titles.count - 1]
    }

    func title(ofOrganisation name: String) -> String { model.organisations[name]?.title ?? name }
    func title(ofDataset name: String) -> String { model.datasets[name]?.title ?? name }
    func title(ofOptOut name: String) -> String { model.optOuts[name]?.title ?? name }

    func organisationNode(
        _ organisation: Organisation, transforms: [Transform], summarise: Bool, cluster: String?, alsoIn: [String], isFocus: Bool,
        findings: [DiagramFinding], hiddenFlows: Int
    ) -> DiagramNode {
        var details: [String] = []
        var kindLine = Wording.kind(organisation.kind)
        if let ods = organisation.odsCode { kindLine += " · ODS \(ods)" }
        details.append(kindLine)
        if !summarise, !organisation.processorFor.isEmpty {
            details.append("processor for " + organisation.processorFor.map { title(ofOrganisation: $0.name) }.joined(separator: ", "))
        }
        if !summarise, !organisation.jointControllerWith.isEmpty {
            details.append("joint controller with " + organisation.jointControllerWith.map { title(ofOrganisation: $0.name) }.joined(separator: ", "))
        }
        if organisation.country != "GB" { details.append("outside the UK: \(organisation.country)") }
        if !summarise, let until = organisation.validUntil {
            let successor = organisation.successor.map { " → " + title(ofOrganisation: $0.name) } ?? ""
            details.append("until \(until)\(successor)")
        }
        for transform in transforms where !summarise {
            // Inputs arrive on the node's incoming edges (and the dataset view draws them): the output
            // is what a reader needs here.
            var line = "\(Wording.operation(transform.operation)) → \(title(ofDataset: transform.output))"
            if transform.operation == .filter, !transform.optOuts.isEmpty {
                line += " (⊘ " + transform.optOuts.map { title(ofOptOut: $0.name) }.joined(separator: ", ") + ")"
            }
            details.append(line)
        }
        if !summarise, !alsoIn.isEmpty { details.append("also in " + alsoIn.joined(separator: ", ")) }
        var tooltip = organisation.title.map { "\($0) (\(organisation.id))" } ?? organisation.id
        for transform in transforms {
            let inputs = transform.inputs.map { title(ofDataset: $0.name) }.joined(separator: " + ")
            tooltip += "\n\(Wording.operation(transform.operation)) \(inputs) → \(title(ofDataset: transform.output))"
        }
        if let description = organisation.description { tooltip += "\n" + description }
        return DiagramNode(
            id: DiagramID.organisation(organisation.id), name: organisation.id, kind: .organisation(organisation.kind),
            title: organisation.title ?? organisation.id, details: details, cluster: cluster, isFocus: isFocus,
            findings: findings, hiddenFlows: hiddenFlows, tooltip: tooltip
        )
    }

    func datasetNode(_ dataset: Dataset, isFocus: Bool) -> DiagramNode {
        var details = ["dataset · \(Wording.level(dataset.level))"]
        if !dataset.identifiers.isEmpty {
            details.append("identifiers: " + dataset.identifiers.map(\.rawValue).joined(separator: ", "))
        }
        if !dataset.specialCategories.isEmpty {
            details.append("special category: " + dataset.specialCategories.map(\.rawValue).joined(separator: ", "))
        }
        var tooltip = dataset.title.map { "\($0) (\(dataset.id))" } ?? dataset.id
        if let description = dataset.description { tooltip += "\n" + description }
        return DiagramNode(
            id: DiagramID.dataset(dataset.id), name: dataset.id, kind: .dataset(dataset.level),
            title: dataset.title ?? dataset.id, details: details, cluster: DiagramID.lineageCluster, isFocus: isFocus,
            findings: [], hiddenFlows: 0, tooltip: tooltip
        )
    }

    func flowEdge(_ flow: Flow, hiddenPurpose: String?, findings: [DiagramFinding]) -> DiagramEdge {
        let effective = overlay.effectiveLevels[flow.id] ?? flow.level
        var lawful: [String] = []
        var law: String?
        if let article6 = flow.article6 {
            lawful.append("Art 6(1)(\(article6.basis.rawValue))")
            if let gateway = article6.gateway {
                law = model.gateways[gateway.name].map { $0.citation } ?? gateway.name
            } else {
                law = article6.citation
            }
        }
        if !flow.article9Conditions.isEmpty { lawful.append("Art 9(2)(" + flow.article9Conditions.map(\.rawValue).joined(separator: "), (") + ")") }
        if !flow.schedule1.isEmpty {
            lawful.append("Sch 1 " + flow.schedule1.sorted().map { "Pt \($0.part) para \($0.paragraph)" }.joined(separator: ", "))
        }
        if let article10 = flow.article10 {
            lawful.append("Art 10 " + (article10 == .officialAuthority ? "official authority" : "Sch 1"))
        }
        var confidentiality: [String] = []
        if let claim = flow.confidentiality {
            confidentiality.append(Wording.confidentiality(claim.basis))
            if let instrument = claim.instrument {
                confidentiality.append(
                    model.approvals[instrument.name].map { $0.reference ?? $0.title ?? $0.id }
                        ?? model.gateways[instrument.name].map { $0.citation }
                        ?? instrument.name
                )
            }
        }
        let applied = overlay.appliedOptOuts[flow.id] ?? flow.appliedOptOuts.map(\.name)
        let arriving = overlay.arrivingOptOuts[flow.id] ?? []
        var tooltip = "flow \(flow.id)"
        if let title = flow.title { tooltip += ": \(title)" }
        tooltip += "\n\(title(ofOrganisation: flow.from.name)) → \(title(ofOrganisation: flow.to.name))"
        if let law { tooltip += "\nArt 6(3) law: \(law)" }
        if let frequency = flow.frequency { tooltip += "\nfrequency: \(frequency.rawValue)" }
        if !flow.agreements.isEmpty { tooltip += "\nagreements: " + flow.agreements.map(\.name).joined(separator: ", ") }
        for retention in flow.retention { tooltip += "\nretention: \(retention.text)" }
        for finding in findings { tooltip += "\n⚠ \(finding.code) \(finding.severity.rawValue)" + (finding.message.map { ": \($0)" } ?? "") }
        if let description = flow.description { tooltip += "\n" + description }
        return DiagramEdge(
            id: DiagramID.flow(flow.id), name: flow.id, kind: .flow,
            from: DiagramID.organisation(flow.from.name), to: DiagramID.organisation(flow.to.name),
            level: effective, declaredLevel: effective == flow.level ? nil : flow.level,
            headline: title(ofDataset: flow.dataset.name),
            purposes: flow.purposes.filter { $0.name != hiddenPurpose }.map { model.purposes[$0.name]?.title ?? $0.name },
            lawfulBasis: lawful, confidentiality: confidentiality, role: flow.role.map(Wording.role),
            optOutsApplied: applied.map(title(ofOptOut:)), optOutsArriving: arriving.map(title(ofOptOut:)),
            exemptions: flow.exemptions.map { title(ofOptOut: $0.optOut.name) },
            findings: findings, tooltip: tooltip
        )
    }

    func derivationEdge(_ transform: Transform, input: String) -> DiagramEdge {
        var headline = "\(transform.operation.rawValue) at \(title(ofOrganisation: transform.holder.name))"
        if let key = transform.key { headline += " (key \(model.keys[key.name]?.title ?? key.name))" }
        let output = model.datasets[transform.output]
        var purposes = transform.purposes.map { model.purposes[$0.name]?.title ?? $0.name }
        if transform.operation == .aggregate {
            var control: [String] = []
            if let below = transform.suppressBelow { control.append("suppress below \(below)") }
            if let round = transform.roundTo { control.append("round to \(round)") }
            if !control.isEmpty { purposes.append(control.joined(separator: ", ")) }
        }
        return DiagramEdge(
            id: DiagramID.derivation(output: transform.output, input: input), name: transform.output,
            kind: .derivation(transform.operation),
            from: DiagramID.dataset(input), to: DiagramID.dataset(transform.output),
            level: output?.level ?? .identifiable, declaredLevel: nil, headline: headline, purposes: purposes,
            lawfulBasis: [], confidentiality: [], role: nil,
            optOutsApplied: transform.optOuts.map { title(ofOptOut: $0.name) }, optOutsArriving: [], exemptions: [],
            findings: [], tooltip: "\(title(ofDataset: input)) → \(title(ofDataset: transform.output)): \(headline)"
        )
    }
}
