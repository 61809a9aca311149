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
        let asOf = collector.asOf

        func problem(_ arrangement: JointArrangement, purposesOf flow: Flow?) -> String? {
            if let until = arrangement.validUntil?.day, until < asOf { return "expired on \(until)" }
            if let flow, !arrangement.purposes.isEmpty, !FG024.covers(arrangement.purposes, flow: flow, in: model) {
                return "does not cover the flow's purposes (it lists \(arrangement.purposes.map { "`\($0.name)`" }.joined(separator: ", ")))"
            }
            return nil
        }
        let all = model.arrangements.values.sorted { $0.id < $1.id }
        let controllersOf = Dictionary(uniqueKeysWithValues: all.map { ($0.id, Set($0.controllers.map(\.name))) })
        // Arrangements by each controller they name (in id order): a flow's candidates are found
        // without scanning every arrangement of a national estate.
        var byController: [String: [JointArrangement]] = [:]
        for arrangement in all {
            for controller in controllersOf[arrangement.id] ?? [] { byController[controller, default: []].append(arrangement) }
        }
        /// Arrangements among `candidates` (nil: all of them) that include `required` and one of `partners`.
        func matching(_ candidates: [JointArrangement]?, including required: Set<String>, partners: Set<String> = []) -> [JointArrangement] {
            let pool = candidates ?? required.map { byController[$0] ?? [] }.min { $0.count < $1.count } ?? all
            return pool.filter { arrangement in
                let controllers = controllersOf[arrangement.id] ?? Set(arrangement.controllers.map(\.name))
                return required.isSubset(of: controllers) && (partners.isEmpty || !partners.isDisjoint(with: controllers))
            }
        }

        // 1. Flows to a joint controller.
        let jointFlows = collector.flows.filter { $0.element.role == .jointController && $0.element.from.name != $0.element.to.name }
        let roles = jointFlows.isEmpty ? nil : FG024.Roles.shared(by: collector)
        for (index, flow) in jointFlows {
            let controllers = roles?.senderControllers[index] ?? []
            let partners = (controllers.isEmpty ? [flow.from.name] : controllers).subtracting([flow.to.name])
            let named = flow.agreements.compactMap { model.arrangements[$0.name] }
            let candidates = matching(named.isEmpty ? nil : named, including: [flow.to.name], partners: partners)
            let partnerText = partners.sorted().map { "`\($0)`" }.joined(separator: " or ")
            guard !candidates.isEmpty else {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) makes `\(flow.to.name)` a joint controller, but no Art 26 arrangement names `\(flow.to.name)` with \(partnerText)",
                    discriminator: "flow",
                    help: "declare `arrangement NAME { controllers \(flow.to.name), \(partners.sorted().first ?? flow.from.name) purposes … }` and add `agreement NAME` to the flow"
                )
                continue
            }
            let problems = candidates.map { ($0, problem($0, purposesOf: flow)) }
            guard problems.allSatisfy({ $0.1 != nil }), let (arrangement, found) = problems.first, let found else { continue }
            collector.report(
                flow: index,
                "\(collector.label(flow)) makes `\(flow.to.name)` a joint controller under Art 26 arrangement `\(arrangement.id)`, which \(found)",
                discriminator: "flow",
                related: [DiagnosticNote("arrangement `\(arrangement.id)` is declared here", at: arrangement.span)],
                help: "renew the arrangement or extend it to this flow's purposes"
            )
        }

        // 2. Organisations declared joint controllers.
        var declaredPairs: Set<[String]> = []
        // Few organisations declare a joint controller: only those are sorted.
        for org in model.organisations.values.filter({ !$0.jointControllerWith.isEmpty }).sorted(by: { $0.id < $1.id }) {
            for partner in org.jointControllerWith.map(\.name) where partner != org.id {
                let pair = [org.id, partner].sorted()
                guard declaredPairs.insert(pair).inserted else { continue }
                let candidates = matching(nil, including: Set(pair))
                if candidates.contains(where: { problem($0, purposesOf: nil) == nil }) { continue }
                let detail = candidates.first.map { "arrangement `\($0.id)` \(problem($0, purposesOf: nil) ?? "")" } ?? "no Art 26 arrangement names both"
                collector.report(
                    "`\(org.id)` is declared a joint controller with `\(partner)`, but \(detail)",
                    at: org.span, target: org.id, discriminator: partner,
                    related: candidates.map { DiagnosticNote("arrangement `\($0.id)` is declared here", at: $0.span) },
                    help: "declare `arrangement NAME { controllers \(pair[0]), \(pair[1]) purposes … essence-published yes }`"
                )
            }
        }

        // 3. Approvals whose controllers share a processor for the approved processing.
        var relying: [String: [Int]] = [:]
        for (index, flow) in collector.flows {
            if let name = flow.confidentiality?.instrument?.name, model.approvals[name] != nil { relying[name, default: []].append(index) }
        }
        // Which transform makes each dataset: built once, not once per approval (an estate records
        // an approval per practice).
        let producers = Dictionary(model.transforms.indices.map { (model.transforms[$0].output, $0) }, uniquingKeysWith: { first, _ in first })
        var linkTables: [String: LinkTable] = [:]
        for (id, indices) in relying.sorted(by: { $0.key < $1.key }) {
            guard let approval = model.approvals[id] else { continue }
            let controllers = Set(approval.controllers.map(\.name))
            if approval.controllers.isEmpty {
                sharedProcessing(
                    under: approval, relying: indices, declaredPairs: declaredPairs, arrangements: all,
                    linkTables: &linkTables, producers: producers, collector: &collector
                )
                continue
            }
            guard controllers.count >= 2 else { continue }
            let processors = Set(approval.processors.map(\.name) + indices.map { model.flows[$0].to.name })
            var groups: Set<[String]> = []
            for processor in processors.sorted() {
                let served = controllers.intersection(model.organisations[processor]?.processorFor.map(\.name) ?? [])
                if served.count >= 2 { groups.insert(served.sorted()) }
            }
            for group in groups.sorted(by: { $0.joined(separator: ",") < $1.joined(separator: ",") }) {
                // Pairs declared with joint-controller-with are reported on the organisation.
                let undeclared = group.count != 2 || !declaredPairs.contains(group)
                guard undeclared else { continue }
                let candidates = matching(nil, including: Set(group))
                if candidates.contains(where: { problem($0, purposesOf: nil) == nil }) { continue }
                let names = group.map { "`\($0)`" }.joined(separator: ", ")
                let sharing = processors.sorted().filter { Set(model.organisations[$0]?.processorFor.map(\.name) ?? []).isSuperset(of: group) }
                collector.report(
                    "approval `\(id)` names \(names) as controllers, and \(sharing.map { "`\($0)`" }.joined(separator: ", ")) processes for them together, but no Art 26 arrangement in force covers them",
                    at: approval.span, target: id, discriminator: group.joined(separator: ","),
                    related: indices.prefix(3).map { DiagnosticNote("\(collector.label(model.flows[$0])) relies on the approval", at: model.flows[$0].span) },
                    help: "declare `arrangement NAME { controllers \(group.joined(separator: ", "))\(approval.purposes.isEmpty ? "" : " purposes " + approval.purposes.map(\.name).joined(separator: ", ")) essence-published yes }` and cite it on the flows with `agreement NAME`"
                )
            }
        }
    }

    /// An approval that names no controllers (a library entry, say): a processor that receives data
    /// under it and returns results of that same data to two or more of the controllers it acts for
    /// is doing one processing for them together.
    static func sharedProcessing(
        under approval: Approval, relying indices: [Int], declaredPairs: Set<[String]>, arrangements: [JointArrangement],
        linkTables: inout [String: LinkTable], producers: [String: Int], collector: inout FindingCollector
    ) {
        let analysis = collector.analysis
        let model = collector.model
        let asOf = collector.asOf
        let byReceiver = Dictionary(grouping: indices) { model.flows[$0].to.name }
        for processor in byReceiver.keys.sorted() {
            let acting = Set(model.organisations[processor]?.processorFor.map(\.name) ?? [])
            guard acting.count >= 2 else { continue }
            // The processor's linkages do not depend on the approval: tabulated once per processor
            // (an estate can record an approval per practice, all received by one supplier).
            let table = linkTables[processor] ?? LinkTable(processor: processor, acting: acting, producers: producers, analysis: analysis)
            linkTables[processor] = table
            // The linkages this approval's deliveries feed, and for each the controllers that get
            // results made from it: one tool, run for them together.
            let fed = Set((byReceiver[processor] ?? []).flatMap { table.linksFedBy[$0] ?? [] })
            var groups: [[String]: [Int]] = [:]
            for link in fed {
                guard let served = table.servedBy[link], served.count >= 2 else { continue }
                groups[served.sorted(), default: []] += table.outputsBy[link] ?? []
            }
            for (group, outputs) in groups.sorted(by: { $0.key.joined(separator: ",") < $1.key.joined(separator: ",") }) {
                if group.count == 2, declaredPairs.contains(group) { continue }
                let covering = arrangements.filter { Set($0.controllers.map(\.name)).isSuperset(of: group) }
                if covering.contains(where: { arrangement in arrangement.validUntil?.day.map { !($0 < asOf) } ?? true }) { continue }
                let names = group.map { "`\($0)`" }.joined(separator: " and ")
                let shown = Array(Set(outputs)).sorted().prefix(3)
                collector.report(
                    "`\(processor)` links data received under approval `\(approval.id)` and returns results of that one linkage to \(names), the controllers it acts for, so they determine that processing jointly (Art 26), but no Art 26 arrangement in force names them",
                    at: model.organisations[processor]?.span ?? approval.span, target: processor,
                    discriminator: "approval:\(approval.id):\(group.joined(separator: ","))",
                    related: shown.map { DiagnosticNote("\(collector.label(model.flows[$0])) returns results to `\(model.flows[$0].to.name)`", at: model.flows[$0].span) },
                    help: "declare `arrangement NAME { controllers \(group.joined(separator: ", ")) essence-published yes }` and cite it on the flows with `agreement NAME`; if each controller really decides alone, record the approval's `controllers` and the processor's contracts instead"
                )
            }
        }
    }

    /// A processor's `link` transforms: which controllers (it acts for) get results made from each,
    /// by which flows, and which arriving flows feed each.
    struct LinkTable {
        var servedBy: [Int: Set<String>] = [:]
        var outputsBy: [Int: [Int]] = [:]
        var linksFedBy: [Int: [Int]] = [:]

        init(processor: String, acting: Set<String>, producers: [String: Int], analysis: Analysis) {
            let model = analysis.model
            var linksByDataset: [String: [Int]] = [:]
            for index in analysis.graph.flowsFrom[processor] ?? [] {
                let flow = model.flows[index]
                guard acting.contains(flow.to.name) else { continue }
                let links = linksByDataset[flow.dataset.name] ?? FG027.linkages(behind: flow.dataset.name, at: processor, producers: producers, in: model)
                linksByDataset[flow.dataset.name] = links
                for link in links {
                    servedBy[link, default: []].insert(flow.to.name)
                    outputsBy[link, default: []].append(index)
                }
            }
            for link in servedBy.keys.sorted() {
                var feeding: Set<Int> = []
                for input in model.transforms[link].inputs {
                    feeding.formUnion(FG021.arrivingFlows(at: Holding(processor, input.name), in: analysis))
                }
                for flow in feeding { linksFedBy[flow, default: []].append(link) }
            }
        }
    }

    /// The `link` transforms at `processor` behind `dataset` (through its own transforms).
    static func linkages(behind dataset: String, at processor: String, producers: [String: Int], in model: SemanticModel) -> [Int] {
        var result: [Int] = []
        var seen: Set<String> = []
        var pending = [dataset]
        while let current = pending.popLast() {
            guard seen.insert(current).inserted, let index = producers[current], model.transforms[index].holder.name == processor else { continue }
            // Fields read in place: a transform is a large value to copy for each step of the walk.
            if model.transforms[index].operation == .link { result.append(index) }
            for input in model.transforms[index].inputs { pending.append(input.name) }
        }
        return result
    }
}
