import FlowAnalysis
import FlowLanguage
import FlowModel

/// R27: joint controllers without an Art 26 arrangement.
enum FG027 {
    static let rule = Rule(
        code: "FG027",
        slug: "joint-controllers-without-arrangement",
        severity: .error,
        legalSource: "UK GDPR Art 26(1) and 26(2)",
        summary: "Organisations act as joint controllers with no Art 26 arrangement in force between them.",
        explanation: """
        Controllers that decide the purposes and means of processing together must set out, in a \
        transparent arrangement, who does what — in particular who answers data subjects' requests and \
        who gives the privacy information — and make its essence available to the people concerned \
        (Art 26). Risk stratification is the common NHS case: GP practices and the ICB are named \
        together as controllers in CAG 7-04(a)/2013 and share one processor for the tool.

        Joint control is recognised from four things in the model, each needing an `arrangement` in \
        force (its `valid-until` not passed) whose `controllers` include the organisations concerned \
        and whose `purposes`, where listed, cover the processing:
        1. a flow with `role joint-controller`: the recipient and the sender (or, when the sender is \
           a processor, one of the controllers it acts for) — the flow may name the arrangement with \
           `agreement`;
        2. an organisation declared `joint-controller-with` another: the pair;
        3. an s251 approval that flows rely on, naming several controllers, where one processor — named \
           on the approval or receiving data under it — acts (`processor-for`) for two or more of \
           them: those controllers. Pairs already declared with `joint-controller-with` are reported \
           under 2 only. Approvals naming controllers that each process separately (NHS England and \
           an ICB under the commissioning data sets approval, say) are not reported;
        4. an s251 approval that names no controllers (a library entry such as `cag-7-04a`): a \
           processor that links data it received under it and returns results of that one linkage \
           to two or more of the controllers it acts for (the risk-stratification tool serving the \
           practices and the ICB) — reported on the processor. A processor that merely forwards the \
           same dataset to several of its controllers is not reported.

        Fix: record the arrangement (`arrangement NAME { controllers A, B purposes … \
        essence-published yes valid-until … }`) and cite it on the joint-controller flows with \
        `agreement NAME`.
        """,
        triggeringExamples: [
            """
            flow icb -> gp "Risk scores shared with the practice as joint controller" {
              data sus
              level identifiable
              purpose risk-stratification
              role joint-controller
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
            }
            """,
            """
            org gp-2 "Second practice" {
              kind gp-practice
              public-authority yes
              joint-controller-with icb
            }
            """,
            """
            flow gp -> supplier "GP extract for risk stratification" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              role processor
              art6 e "NHS Act 2006 s83"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              applies ndoo, type1
            }
            """,
        ],
        passingExamples: [
            """
            arrangement rs-jca "Risk stratification joint-controller arrangement" {
              controllers gp, icb
              purposes risk-stratification
              essence-published yes
              valid-until 2028-03-31
            }

            flow gp -> supplier "GP extract for risk stratification" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              role processor
              art6 e "NHS Act 2006 s83"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              applies ndoo, type1
            }

            flow icb -> gp "Risk scores shared with the practice as joint controller" {
              data sus
              level identifiable
              purpose risk-stratification
              role joint-controller
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              agreement rs-jca
            }
            """,
            """
            approval commissioning-approval "Commissioning data sets" {
              reference "CAG 2-03(a)/2013"
              regulation 5
              purposes commissioning
              controllers nhs-england, icb
              processors dscro, csu
              ndoo applies
              valid-until unknown
            }

            flow trust -> dscro "Local flows" {
              data sus
              level identifiable
              purpose commissioning
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 commissioning-approval
              applies ndoo
            }
            """,
        ]
    ) { collector in
        check(&collector)
    }

    static func check(_ collector: inout FindingCollector) {
        let model = collector.model
        let roles = ProcessorRoles.shared(by: collector)
        let ids = roles.ids
        let joint = JointArrangements.shared(by: collector, roles: roles)
        let arrangements = joint.all
        let coverage = InstrumentCoverage(collector)
        let asOf = collector.asOf

        func problem(_ position: Int, purposesOf flow: Int?) -> String? {
            let arrangement = arrangements[position]
            if let until = arrangement.validUntil?.day, until < asOf { return "expired on \(until)" }
            if let flow, !coverage.coversPurposes(arrangement.listedPurposes, flow: flow) {
                return "does not cover the flow's purposes (it lists \(arrangement.listedPurposes.map { "`\($0.name)`" }.joined(separator: ", ")))"
            }
            return nil
        }
        /// Arrangements (positions) among `candidates` (nil: those naming the rarest of `required`)
        /// that include every one of `required` and one of `partners`.
        func matching(_ candidates: [Int]?, including required: [Int], partners: [Int] = []) -> [Int] {
            var pool: [Int]
            if let candidates {
                pool = candidates
            } else if let first = required.first {
                // The rarest controller's arrangements, picked without gathering every list.
                pool = joint.byController[first]
                for controller in required.dropFirst() where joint.byController[controller].count < pool.count { pool = joint.byController[controller] }
            } else {
                pool = Array(arrangements.indices)
            }
            return pool.filter { position in
                let controllers = arrangements[position].controllers
                return required.isIDSubset(of: controllers) && (partners.isEmpty || partners.sharesAnyID(with: controllers))
            }
        }

        // 1. Flows to a joint controller.
        let flowRoles = FlowColumns.shared(by: collector).roles
        for index in model.flows.indices where flowRoles[index] == .jointController && roles.senders[index] != roles.recipients[index] {
            let recipient = roles.recipients[index]
            let controllers = roles.senderControllers[index]
            let partners = (controllers.isEmpty ? [roles.senders[index]] : controllers).removingID(recipient)
            // Read in place until there is something to report: copying a flow retains each of its fields.
            let named = joint.named(by: model.flows[index])
            let candidates = matching(named.isEmpty ? nil : named, including: [recipient], partners: partners)
            guard !candidates.isEmpty else {
                let flow = model.flows[index]
                let partnerNames = partners.map { ids.names[$0] }.sorted()
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) makes `\(flow.to.name)` a joint controller, but no Art 26 arrangement names `\(flow.to.name)` with \(partnerNames.map { "`\($0)`" }.joined(separator: " or "))",
                    discriminator: "flow",
                    help: "declare `arrangement NAME { controllers \(flow.to.name), \(partnerNames.first ?? flow.from.name) purposes … }` and add `agreement NAME` to the flow"
                )
                continue
            }
            guard candidates.allSatisfy({ problem($0, purposesOf: index) != nil }), let found = problem(candidates[0], purposesOf: index) else { continue }
            let flow = model.flows[index]
            let arrangement = arrangements[candidates[0]]
            collector.report(
                flow: index,
                "\(collector.label(flow)) makes `\(flow.to.name)` a joint controller under Art 26 arrangement `\(arrangement.id)`, which \(found)",
                discriminator: "flow",
                related: [DiagnosticNote("arrangement `\(arrangement.id)` is declared here", at: arrangement.span)],
                help: "renew the arrangement or extend it to this flow's purposes"
            )
        }

        // 2. Organisations declared joint controllers.
        let declared = declaredJointControllers(in: model)
        var declaredPairs: Set<NamePair> = []
        declaredPairs.reserveCapacity(declared.count)
        for declaration in declared {
            for partner in declaration.partners where partner != declaration.id {
                let pair = NamePair(declaration.id, partner)
                guard declaredPairs.insert(pair).inserted else { continue }
                // A name no instrument or flow mentions is in no arrangement.
                let pairIDs = [pair.first, pair.second].compactMap(ids.id)
                let candidates = pairIDs.count == 2 ? matching(nil, including: pairIDs) : []
                if candidates.contains(where: { problem($0, purposesOf: nil) == nil }) { continue }
                let detail = candidates.first.map { "arrangement `\(arrangements[$0].id)` \(problem($0, purposesOf: nil) ?? "")" } ?? "no Art 26 arrangement names both"
                collector.report(
                    "`\(declaration.id)` is declared a joint controller with `\(partner)`, but \(detail)",
                    at: declaration.span, target: declaration.id, discriminator: partner,
                    related: candidates.map { DiagnosticNote("arrangement `\(arrangements[$0].id)` is declared here", at: arrangements[$0].span) },
                    help: "declare `arrangement NAME { controllers \(pair.first), \(pair.second) purposes … essence-published yes }`"
                )
            }
        }

        // 3. Approvals whose controllers share a processor for the approved processing.
        let cited = CitedApprovals.shared(by: collector)
        guard cited.citing.contains(where: { !$0.isEmpty }) else { return }
        let producers = DatasetProducers.shared(by: collector)
        var linkTables: [Int: LinkTable] = [:]
        func names(_ group: [Int]) -> [String] { group.map { ids.names[$0] }.sorted() }
        // In id order.
        for (position, indices) in cited.citing.enumerated() where !indices.isEmpty {
            let id = cited.ids[position]
            let approval = cited.approvals[position]
            if approval.controllers.isEmpty {
                sharedProcessing(
                    under: approval, relying: indices, declaredPairs: declaredPairs, roles: roles,
                    linkTables: &linkTables, producers: producers, collector: &collector
                )
                continue
            }
            let controllers = approval.controllers.map { ids.id($0.name)! }.idSet
            guard controllers.count >= 2 else { continue }
            let processors = (approval.processors.map { ids.id($0.name)! } + indices.map { roles.recipients[$0] }).idSet.sorted { ids.names[$0] < ids.names[$1] }
            var groups: Set<[String]> = []
            for processor in processors {
                let served = controllers.filter(roles.controllersServed[processor].contains)
                if served.count >= 2 { groups.insert(names(served)) }
            }
            for group in groups.sorted(by: { $0.joined(separator: ",") < $1.joined(separator: ",") }) {
                // Pairs declared with joint-controller-with are reported on the organisation.
                let undeclared = group.count != 2 || !declaredPairs.contains(NamePair(group[0], group[1]))
                guard undeclared else { continue }
                let groupIDs = group.map { ids.id($0)! }
                let candidates = matching(nil, including: groupIDs)
                if candidates.contains(where: { problem($0, purposesOf: nil) == nil }) { continue }
                let quoted = group.map { "`\($0)`" }.joined(separator: ", ")
                let sharing = processors.filter { groupIDs.isIDSubset(of: roles.controllersServed[$0]) }
                collector.report(
                    "approval `\(id)` names \(quoted) as controllers, and \(sharing.map { "`\(ids.names[$0])`" }.joined(separator: ", ")) processes for them together, but no Art 26 arrangement in force covers them",
                    at: approval.span, target: id, discriminator: group.joined(separator: ","),
                    related: indices.prefix(3).map { DiagnosticNote("\(collector.label(model.flows[$0])) relies on the approval", at: model.flows[$0].span) },
                    help: "declare `arrangement NAME { controllers \(group.joined(separator: ", "))\(approval.purposes.isEmpty ? "" : " purposes " + approval.purposes.map(\.name).joined(separator: ", ")) essence-published yes }` and cite it on the flows with `agreement NAME`"
                )
            }
        }
    }

    /// Two organisation names in `String` order (a pair declared with `joint-controller-with`): a
    /// set of two-name arrays allocated and sorted an array per pair, and hashed each as an array.
    struct NamePair: Hashable {
        let first: String
        let second: String

        init(_ one: String, _ other: String) {
            (first, second) = other < one ? (other, one) : (one, other)
        }
    }

    /// An organisation that declares `joint-controller-with`: few do, so only those are collected.
    struct DeclaredJointController {
        let id: String
        let partners: [String]
        let span: SourceSpan
    }

    /// In id order.
    static func declaredJointControllers(in model: SemanticModel) -> [DeclaredJointController] {
        // Read in place: copying a declaration retains each of its twenty-odd fields.
        func declared(_ id: String, _ organisation: borrowing Organisation) -> DeclaredJointController? {
            organisation.jointControllerWith.isEmpty ? nil : DeclaredJointController(id: id, partners: organisation.jointControllerWith.map(\.name), span: organisation.span)
        }
        let organisations = model.organisations
        return organisations.indices.compactMap { declared(organisations.keys[$0], organisations.values[$0]) }.sorted { $0.id < $1.id }
    }

    /// An approval that names no controllers (a library entry, say): a processor that receives data
    /// under it and returns results of that same data to two or more of the controllers it acts for
    /// is doing one processing for them together.
    static func sharedProcessing(
        under approval: Approval, relying indices: [Int], declaredPairs: Set<NamePair>, roles: ProcessorRoles,
        linkTables: inout [Int: LinkTable], producers: DatasetProducers, collector: inout FindingCollector
    ) {
        let model = collector.model
        let ids = roles.ids
        let asOf = collector.asOf
        let joint = JointArrangements.shared(by: collector, roles: roles)
        let arrangements = joint.all
        let byReceiver = Dictionary(grouping: indices) { roles.recipients[$0] }
        // Recipients are the graph's organisations, whose ids are in name order.
        for processor in byReceiver.keys.sorted() {
            let acting = roles.controllersServed[processor]
            guard acting.count >= 2 else { continue }
            // The processor's linkages do not depend on the approval: tabulated once per processor
            // (an estate can record an approval per practice, all received by one supplier).
            let table = linkTables[processor]
                ?? LinkTable(processor: processor, acting: acting, declaredPairs: declaredPairs, producers: producers, roles: roles)
            linkTables[processor] = table
            // The linkages this approval's deliveries feed, and for each the controllers that get
            // results made from it: one tool, run for them together.
            let delivered = Set(byReceiver[processor] ?? [])
            let fed = table.links.indices.filter { table.feedersBy[$0].contains(where: delivered.contains) }
            var groups: [[String]: [Int]] = [:]
            for link in fed { groups[table.groupBy[link], default: []] += table.outputsBy[link] }
            for (group, outputs) in groups.sorted(by: { $0.key.joined(separator: ",") < $1.key.joined(separator: ",") }) {
                let groupIDs = group.map { ids.id($0)! }
                let covering = joint.byController[groupIDs[0]].filter { groupIDs.isIDSubset(of: arrangements[$0].controllers) }
                if covering.contains(where: { arrangements[$0].validUntil?.day.map { !($0 < asOf) } ?? true }) { continue }
                let names = group.map { "`\($0)`" }.joined(separator: " and ")
                let shown = Array(Set(outputs)).sorted().prefix(3)
                let processorName = ids.names[processor]
                collector.report(
                    "`\(processorName)` links data received under approval `\(approval.id)` and returns results of that one linkage to \(names), the controllers it acts for, so they determine that processing jointly (Art 26), but no Art 26 arrangement in force names them",
                    at: model.organisations[processorName]?.span ?? approval.span, target: processorName,
                    discriminator: "approval:\(approval.id):\(group.joined(separator: ","))",
                    related: shown.map { DiagnosticNote("\(collector.label(model.flows[$0])) returns results to `\(model.flows[$0].to.name)`", at: model.flows[$0].span) },
                    help: "declare `arrangement NAME { controllers \(group.joined(separator: ", ")) essence-published yes }` and cite it on the flows with `agreement NAME`; if each controller really decides alone, record the approval's `controllers` and the processor's contracts instead"
                )
            }
        }
    }

    /// A processor's `link` transforms that could be reported: which controllers (it acts for)
    /// get results made from each, by which flows, and which arriving flows feed each. A linkage
    /// serving fewer than two controllers, or a pair declared joint controllers (reported on the
    /// organisation), is left out before its feeders are walked: it is never reported.
    struct LinkTable {
        /// The transforms, ascending.
        var links: [Int] = []
        /// Per position in `links`: the names of the controllers getting results, sorted.
        var groupBy: [[String]] = []
        /// Per position in `links`: the flows returning its results.
        var outputsBy: [[Int]] = []
        /// Per position in `links`: the arriving flows that feed it (in walk order, perhaps repeated).
        var feedersBy: [[Int]] = []

        /// A flow returning results of a linkage to a controller the processor acts for.
        private struct Delivery {
            let link: Int
            let flow: Int
            let recipient: Int
        }

        init(processor: Int, acting: [Int], declaredPairs: Set<NamePair>, producers: DatasetProducers, roles: ProcessorRoles) {
            let graph = roles.analysis.graph
            let model = roles.analysis.model
            // The graph's tables are read once here: each accessor hands back its whole array.
            let recipients = graph.recipientOrganisations
            let carried = graph.carriedDatasets
            let outputHoldings = graph.outputHoldings
            var isActing = [Bool](repeating: false, count: roles.ids.count)
            for controller in acting { isActing[controller] = true }
            var linksByDataset = DenseMemo<[Int]>(count: graph.datasets.count)
            // Datasets visited by the current walk carry its number: no set to allocate per walk.
            var visitedBy = [Int](repeating: -1, count: graph.datasets.count)
            var pending: [Int] = []
            // In flow order, so each linkage's flows come out in model order once grouped.
            var deliveries: [Delivery] = []
            for index in graph.flows(fromOrganisation: processor) {
                let recipient = recipients[index]
                guard isActing[recipient] else { continue }
                let dataset = carried[index]
                let links: [Int]
                if let known = linksByDataset[dataset] {
                    links = known
                } else {
                    // The `link` transforms at `processor` behind `dataset` (through its own transforms).
                    var found: [Int] = []
                    pending.removeAll(keepingCapacity: true)
                    pending.append(dataset)
                    while let current = pending.popLast() {
                        guard visitedBy[current] != dataset else { continue }
                        visitedBy[current] = dataset
                        guard let transform = producers[current],
                              graph.organisationID(ofHolding: outputHoldings[transform]) == processor else { continue }
                        if model.transforms[transform].operation == .link { found.append(transform) }
                        for input in graph.inputHoldings(ofTransform: transform) { pending.append(graph.datasetID(ofHolding: input)) }
                    }
                    links = found
                    linksByDataset[dataset] = found
                }
                for link in links { deliveries.append(Delivery(link: link, flow: index, recipient: recipient)) }
            }
            // Grouped by linkage, each group's flows kept in model order.
            deliveries.sort { ($0.link, $0.flow) < ($1.link, $1.flow) }
            var first = deliveries.startIndex
            while first < deliveries.endIndex {
                let link = deliveries[first].link
                var last = first
                while last < deliveries.endIndex, deliveries[last].link == link { last += 1 }
                let group = deliveries[first..<last]
                first = last
                let served = group.map(\.recipient).idSet
                guard served.count >= 2 else { continue }
                let names = served.map { roles.ids.names[$0] }.sorted()
                if names.count == 2, declaredPairs.contains(NamePair(names[0], names[1])) { continue }
                links.append(link)
                groupBy.append(names)
                outputsBy.append(group.map(\.flow))
                var feeding: [Int] = []
                for input in graph.inputHoldings(ofTransform: link) {
                    feeding += ArrivingFlows.walk(fromHolding: input, in: graph) ?? []
                }
                feedersBy.append(feeding)
            }
        }
    }
}
