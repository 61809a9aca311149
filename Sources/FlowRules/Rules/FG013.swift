import FlowAnalysis
import FlowLanguage
import FlowModel

/// R13: a flow outside the scope of the s251 approval it cites.
enum FG013 {
    static let rule = Rule(
        code: "FG013",
        slug: "flow-outside-approval-scope",
        severity: .error,
        legalSource: "COPI Regulations 2002 reg 5 and the Schedule; CAG standard conditions of support 1 and 9; the scope of each approval (e.g. CAG 7-04(a)/2013 excludes social care data)",
        summary: "Confidential patient information flows under an s251 approval that does not cover its dataset, data origin, recipient or purpose.",
        explanation: """
        s251 support covers what the application described and nothing else: the purposes, the data \
        sources and data items, and the organisations named as controllers and processors. CAG standard \
        condition 1 limits use to the approved purposes, and condition 9 requires a formal amendment \
        *before* any change of purpose, data flows, data items, data sources, controller or processor \
        takes effect. CAG 7-04(a)/2013, for example, covers SUS, MHSDS and GP data for risk \
        stratification by processors acting for GPs and ICBs, and does not cover social care data.

        For every flow of confidential patient information (identifiable in the recipient's hands) that \
        cites an approval (`confidentiality s251-regN APPROVAL`), each of these is reported as an \
        error, where the approval records the corresponding scope:
        1. dataset — the dataset is not in the approval's `datasets`. A derived dataset is covered \
        when it is listed itself, or when everything it was derived from is covered (a filtered or \
        linked copy of approved datasets);
        2. origin — the data has an origin the approval `excludes-origin` (adult social care under \
        the risk-stratification approval); the witness path shows where it came from;
        3. recipient — the recipient is named neither among the approval's `controllers` nor its \
        `processors`. A processor receiving data from the controller it acts for (`processor-for`) \
        is not a disclosure and passes; so does a processor for one of the approval's controllers \
        when the approval names no processors of its own;
        4. purpose — a purpose of the flow is not among the approval's `purposes` (a purpose of the \
        same category as an approved one is accepted).
        An approval that records no datasets, organisations or purposes is not checked on that \
        point: complete its declaration from the CAG register to have it checked.

        Fix: send only what the approval covers; or, if the approval really was amended, record the \
        amendment in the approval (`datasets`, `controllers`, `processors`, `purposes`); otherwise apply \
        to CAG for an amendment before the flow starts, or find another basis.
        """,
        triggeringExamples: [
            """
            dataset asc "Adult social care records" {
              origin england-adult-social-care
              special-category health
              identifiers nhs-number, name
              subjects service-users
              source council
            }

            flow council -> supplier "Adult social care data for risk stratification" {
              data asc
              level identifiable
              purpose risk-stratification
              art6 e "Care Act 2014 s1"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              applies ndoo
            }
            """,
            """
            approval rs-scope "Risk stratification (scope from the register)" {
              reference "CAG 7-04(a)/2013"
              regulation 5
              purposes risk-stratification
              controllers gp, icb
              processors supplier, dscro
              excludes-origin england-adult-social-care
              valid-until 2030-09-30
              next-review 2030-01-01
            }

            dataset asc "Adult social care records" {
              origin england-adult-social-care
              special-category health
              identifiers nhs-number
              subjects service-users
              source council
            }

            at trust link sus, asc -> sus-asc

            flow council -> trust "Social care records for linkage" {
              data asc
              level identifiable
              purpose care
              art6 e "Care Act 2014 s1"
              art9 h
              sch1 part1 para2
              confidentiality implied-consent
            }

            flow trust -> supplier "Linked hospital and social care data" {
              data sus-asc
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 rs-scope
              applies ndoo
            }
            """,
            """
            flow trust -> university "Risk stratification extract to a university" {
              data sus
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              applies ndoo
            }
            """,
            """
            flow trust -> supplier "Risk stratification extract reused for research" {
              data sus
              level identifiable
              purpose risk-stratification, research
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              applies ndoo
            }
            """,
        ],
        passingExamples: [
            """
            flow trust -> supplier "SUS extract for risk stratification" {
              data sus
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              applies ndoo
            }
            """,
            """
            at trust filter sus -> sus-filtered {
              opt-out ndoo
            }

            flow trust -> supplier "Opt-out-filtered SUS for risk stratification" {
              data sus-filtered
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
            }
            """,
        ]
    ) { collector in
        let carriesConfidentialInformation = FlowColumns.shared(by: collector).carriesConfidentialInformation
        let model = collector.model
        let analysis = collector.analysis
        let declarations = DeclarationsByID.shared(by: collector)
        let kinds = KindOf.shared(by: collector)
        let scopes = ApprovalScopes(analysis: analysis, cited: CitedApprovals.shared(by: collector))
        let levelClaims = LevelClaims.shared(by: collector)
        var coverage = DatasetCoverage(analysis: analysis, producers: DatasetProducers.shared(by: collector), kinds: kinds)
        for index in model.flows.indices where carriesConfidentialInformation[index] {
            let flow = model.flows[index]
            guard let scope = scopes.scope(ofFlow: index) else { continue }
            // An approval's scope binds confidential patient information only.
            let cause = levelClaims.cause(ofFlow: index, firesAt: \.isConfidentialByItself)
            let approval = scope.approval
            let name = scope.name
            let related = scope.related
            let dataset = declarations.flowDatasets[index]
            if !approval.datasets.isEmpty, !coverage.isCovered(dataset, by: scope) {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) carries `\(flow.dataset.name)`, which \(name) does not cover (it covers \(approval.datasets.map { "`\($0.name)`" }.joined(separator: ", ")))",
                    discriminator: "dataset", related: related,
                    help: "send only approved datasets; if `\(flow.dataset.name)` is one of them under another name, use the approval's dataset (or derive from it); if an amendment added it, list it in the approval's `datasets`",
                    causedBy: cause
                )
            }
            if !approval.excludedOrigins.isEmpty, let origins = declarations.datasets[dataset]?.origins {
                for origin in approval.excludedOrigins where origins.contains(origin) {
                    collector.report(
                        flow: index,
                        "\(collector.label(flow)) carries \(origin.rawValue) data (in `\(flow.dataset.name)`), which \(name) excludes",
                        discriminator: "origin:\(origin.rawValue)", related: related,
                        witness: analysis.witnessPath(forFlow: index),
                        help: "remove the \(origin.rawValue) records before this flow, or obtain an amendment that covers them",
                    causedBy: cause
                    )
                }
            }
            if !isNamedRecipient(index, of: scope, declarations: declarations, in: model) {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) discloses to `\(flow.to.name)`, which \(name) names neither as a controller nor as a processor",
                    discriminator: "recipient", related: related,
                    help: "disclose only to the organisations the approval names, or record the amendment that added `\(flow.to.name)` (`controllers` or `processors`)",
                    causedBy: cause
                )
            }
            let approvedPurposes = scope.purposes
            guard !approvedPurposes.isEmpty else { continue }
            // Matched on the declared purposes (and what they are declared a kind of), not on their
            // category: a research approval does not cover every research flow.
            for purpose in flow.purposes {
                guard let declared = model.purposes[purpose.name], !declared.category.passesThrough,
                      !kinds.purpose(declared.id, isWithin: scope.purposeIDs) else { continue }
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) is for `\(declared.id)` (\(declared.category.rawValue)), a purpose \(name) does not cover (it covers \(approvedPurposes.map { "`\($0.id)`" }.joined(separator: ", ")))",
                    discriminator: "purpose:\(declared.id)", related: related,
                    help: "use the data only for the approved purposes (CAG standard condition 1), or find a separate basis for `\(declared.id)`",
                    causedBy: cause
                )
            }
        }
    }

    /// What an approval covers, read once per approval rather than once per flow made under it.
    final class ApprovalScope: Sendable {
        let approval: Approval
        /// Its index in `ApprovalScopes`.
        let number: Int
        /// "approval `id` (reference)", for messages.
        let name: String
        let related: [DiagnosticNote]
        /// Dataset ids; a listed name nothing else mentions has no id, and no flow carries it.
        let datasets: Set<Int>
        /// Organisation ids, likewise.
        let controllers: Set<Int>
        let processors: Set<Int>
        let controllerNames: Set<String>
        /// The declared approved purposes, in the approval's order.
        let purposes: [Purpose]
        let purposeIDs: Set<String>
        let datasetNames: Set<String>

        init(_ approval: Approval, number: Int, analysis: Analysis) {
            let graph = analysis.graph
            self.approval = approval
            self.number = number
            name = approval.reference.map { "approval `\(approval.id)` (\($0))" } ?? "approval `\(approval.id)`"
            related = [DiagnosticNote("\(name) is declared here", at: approval.span)]
            datasets = Set(approval.datasets.compactMap { graph.datasets.id($0.name) })
            controllers = Set(approval.controllers.compactMap { graph.organisations.id($0.name) })
            processors = Set(approval.processors.compactMap { graph.organisations.id($0.name) })
            controllerNames = Set(approval.controllers.map(\.name))
            purposes = approval.purposes.compactMap { analysis.model.purposes[$0.name] }
            purposeIDs = Set(purposes.map(\.id))
            datasetNames = Set(approval.datasets.map(\.name))
        }

        /// Whether the approval names any organisation at all.
        var namesOrganisations: Bool { !approval.controllers.isEmpty || !approval.processors.isEmpty }
    }

    struct ApprovalScopes {
        /// By position in `cited.approvals`.
        private let scopes: [ApprovalScope]
        private let cited: CitedApprovals

        init(analysis: Analysis, cited: CitedApprovals) {
            scopes = cited.approvals.enumerated().map { ApprovalScope($1, number: $0, analysis: analysis) }
            self.cited = cited
        }

        /// The scope of the approval the flow cites.
        func scope(ofFlow index: Int) -> ApprovalScope? { cited.position(ofFlow: index).map { scopes[$0] } }
    }

    /// The recipient is named by the approval, or receives the data as the discloser's own processor
    /// (no disclosure), or — when the approval names controllers but no processors — as a processor
    /// for one of its controllers. An approval naming no organisations is not checked.
    static func isNamedRecipient(
        _ index: Int, of scope: ApprovalScope, declarations: DeclarationsByID, in model: SemanticModel
    ) -> Bool {
        guard scope.namesOrganisations else { return true }
        let recipient = declarations.recipients[index]
        if scope.controllers.contains(recipient) || scope.processors.contains(recipient) { return true }
        let flow = model.flows[index]
        guard flow.role != .controller, flow.role != .jointController,
              let actsFor = declarations.organisations[recipient]?.processorFor.map(\.name) else { return false }
        if actsFor.contains(flow.from.name) { return true }
        return scope.approval.processors.isEmpty && actsFor.contains(where: scope.controllerNames.contains)
    }

    /// Whether approvals cover datasets: a dataset is covered when it is approved or declared a
    /// kind of an approved one, or when it is derived and every input is covered. Each (approval,
    /// dataset) is worked out once.
    struct DatasetCoverage {
        let analysis: Analysis
        let producers: DatasetProducers
        let kinds: KindOf
        private var known: [Int: Bool] = [:]

        init(analysis: Analysis, producers: DatasetProducers, kinds: KindOf) {
            self.analysis = analysis
            self.producers = producers
            self.kinds = kinds
        }

        mutating func isCovered(_ dataset: Int, by scope: ApprovalScope) -> Bool {
            let key = scope.number * analysis.graph.datasets.count + dataset
            if let known = known[key] { return known }
            let result = Self.isCovered(dataset, by: scope, producers: producers, graph: analysis.graph, kinds: kinds)
            known[key] = result
            return result
        }

        private static func isCovered(_ dataset: Int, by scope: ApprovalScope, producers: DatasetProducers, graph: FlowGraph, kinds: KindOf) -> Bool {
            let approved = scope.datasets
            var memo: [Int: Bool] = [:]
            func covered(_ id: Int, depth: Int) -> Bool {
                if approved.contains(id) || kinds.dataset(graph.datasets.names[id], isWithin: scope.datasetNames) { return true }
                if let known = memo[id] { return known }
                memo[id] = false
                guard depth < 64, let transform = producers[id] else { return false }
                let result = graph.inputHoldings(ofTransform: transform).allSatisfy { covered(graph.datasetID(ofHolding: $0), depth: depth + 1) }
                memo[id] = result
                return result
            }
            return covered(dataset, depth: 0)
        }
    }
}
