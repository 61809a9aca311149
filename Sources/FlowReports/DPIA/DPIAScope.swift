import FlowAnalysis
import FlowModel
import FlowRules

/// The part of a model a DPIA annex describes: every flow, or the flows made for one purpose, and
/// what they touch.
public struct DPIAScope: Sendable, Hashable {
    /// Nil: the whole model.
    public let purpose: String?
    /// Indices into `model.flows`, by flow id (`flowIndicesByID`).
    public let flows: [Int]
    /// Indices into `model.transforms`, by output dataset (`transformIndicesByOutput`).
    public let transforms: [Int]
    public let organisations: [String]
    public let datasets: [String]

    /// Nil when the purpose is not declared.
    public init?(_ context: ReportContext, purpose: String?) {
        let model = context.model
        if let purpose, model.purposes[purpose] == nil { return nil }
        self.purpose = purpose
        let flows = model.flows.indices.filter { index in
            purpose.map { id in model.flows[index].purposes.contains { $0.name == id } } ?? true
        }
        var organisations: Set<String> = []
        var datasets: Set<String> = []
        for index in flows {
            let flow = model.flows[index]
            organisations.insert(flow.from.name)
            organisations.insert(flow.to.name)
            datasets.insert(flow.dataset.name)
        }
        let transforms = model.transforms.indices.filter { index in
            let transform = model.transforms[index]
            guard let purpose else { return true }
            if transform.purposes.contains(where: { $0.name == purpose }) { return true }
            // A lineage step with no purpose of its own belongs to the flows whose data it makes or uses.
            return transform.purposes.isEmpty && organisations.contains(transform.holder.name)
                && (datasets.contains(transform.output) || transform.inputs.contains { datasets.contains($0.name) })
        }
        for index in transforms {
            let transform = model.transforms[index]
            organisations.insert(transform.holder.name)
            datasets.insert(transform.output)
            for input in transform.inputs { datasets.insert(input.name) }
        }
        self.flows = model.flowIndicesByID(flows)
        self.transforms = model.transformIndicesByOutput(transforms)
        self.organisations = Array(organisations).sortedUTF8()
        self.datasets = Array(datasets).sortedUTF8()
    }

    /// Ids a finding or waiver may target and still be about this scope.
    func targets(in context: ReportContext) -> Set<String> {
        let model = context.model
        var result = Set(organisations).union(datasets)
        for index in flows { result.insert(model.flows[index].id) }
        result.formUnion(context.citedInstruments(flows: flows))
        for index in flows { result.formUnion(model.flows[index].purposes.map(\.name)) }
        for dpia in context.coveringDPIAs(flows: flows) { result.insert(dpia) }
        for notice in model.notices.values where notice.flows.contains(where: { reference in flows.contains { model.flows[$0].id == reference.name } }) {
            result.insert(notice.id)
        }
        for optOut in model.optOuts.values where !optOut.purposes.isEmpty {
            if optOut.purposes.contains(where: { result.contains($0.name) }) { result.insert(optOut.id) }
        }
        return result
    }

    /// Findings about the scope (all findings when the scope is the whole model).
    func findings(in context: ReportContext) -> [Finding] {
        guard purpose != nil else { return context.findings }
        let targets = targets(in: context)
        return context.findings.filter { targets.contains($0.target) }
    }

    func waived(in context: ReportContext) -> [WaivedFinding] {
        guard purpose != nil else { return context.waived }
        let targets = targets(in: context)
        return context.waived.filter { targets.contains($0.finding.target) }
    }
}

extension ReportContext {
    /// DPIAs that cover flows: cited with `dpia NAME`, or declared for one of a flow's purposes with a
    /// controller among its parties or the controllers they act for (as rule FG028 reads them).
    func coveringDPIAs(flows indices: [Int]) -> [String] {
        var result: Set<String> = []
        for index in indices { result.formUnion(coveringDPIAs(flow: index)) }
        return Array(result).sortedUTF8()
    }

    func coveringDPIAs(flow index: Int) -> [String] {
        let flow = model.flows[index]
        if let cited = flow.dpia { return [cited.name] }
        var parties: Set<String> = [flow.from.name, flow.to.name]
        for name in [flow.from.name, flow.to.name] {
            parties.formUnion(model.organisations[name]?.processorFor.map(\.name) ?? [])
        }
        let purposes = Set(flow.purposes.map(\.name))
        return model.impactAssessments.values.filter { dpia in
            dpia.purposes.contains { purposes.contains($0.name) } && (dpia.controller.map { parties.contains($0.name) } ?? true)
        }.map(\.id).sortedUTF8()
    }
}

/// A controller the annex names, and where the model says so.
public struct NamedController: Sendable, Hashable {
    public let organisation: String
    /// "its DPIA", "its privacy notice".
    public let source: String
}

extension DPIAScope {
    /// The controllers the processing is assessed for: the controllers of the DPIAs covering it, else
    /// of the privacy notices describing it. Empty when the model names none: the annex says so.
    func controllers(in context: ReportContext) -> [NamedController] {
        let fromDPIAs = context.coveringDPIAs(flows: flows).compactMap { context.model.impactAssessments[$0]?.controller?.name }.uniqued()
        if !fromDPIAs.isEmpty { return fromDPIAs.sortedUTF8().map { NamedController(organisation: $0, source: "named by its DPIA") } }
        return notices(in: context).map(\.controller.name).uniqued().sortedUTF8()
            .map { NamedController(organisation: $0, source: "named by its privacy notice") }
    }

    /// The privacy notices that describe a flow in scope, by id.
    func notices(in context: ReportContext) -> [PrivacyNotice] {
        let model = context.model
        let flowIDs = Set(flows.map { model.flows[$0].id })
        return model.notices.values.filter { notice in notice.flows.contains { flowIDs.contains($0.name) } }
            .sorted { utf8Less($0.id, $1.id) }
    }

    /// The purposes of the flows in scope, by id.
    func purposes(in context: ReportContext) -> [String] {
        flows.flatMap { context.model.flows[$0].purposes.map(\.name) }.uniqued().sortedUTF8()
    }

    /// The instruments the flows in scope rely on (`citedBy`: instrument id → flow ids), and the
    /// contracts and arrangements between organisations in scope.
    func instruments(in context: ReportContext, citedBy: [String: [String]]) -> [InstrumentEntry] {
        let model = context.model
        let parties = Set(organisations)
        return context.instruments().filter { entry in
            switch entry.kind {
            case .waiver: return false
            case .contract:
                guard let contract = model.contracts[entry.id] else { return false }
                return citedBy[entry.id] != nil || parties.contains(contract.processor.name) && parties.contains(contract.controller.name)
            case .arrangement:
                guard let arrangement = model.arrangements[entry.id] else { return false }
                return citedBy[entry.id] != nil || purpose.map { id in arrangement.purposes.contains { $0.name == id } } ?? false
            default: return citedBy[entry.id] != nil
            }
        }
    }

    /// Organisations in scope that act as processors: declared `processor-for`, or receiving a flow in
    /// scope as processor.
    func processors(in context: ReportContext) -> [String] {
        let model = context.model
        var result: Set<String> = []
        for id in organisations where model.organisations[id]?.processorFor.isEmpty == false { result.insert(id) }
        for index in flows where model.flows[index].role == .processor { result.insert(model.flows[index].to.name) }
        return Array(result).sortedUTF8()
    }
}

extension DPIAScope {
    /// The controllers a processor in scope acts for: those it declares, and those for whom it receives
    /// a flow in scope as processor.
    func controllersServed(by processor: String, in context: ReportContext) -> [String] {
        let model = context.model
        var result = model.organisations[processor]?.processorFor.map(\.name) ?? []
        for index in flows where model.flows[index].to.name == processor && model.flows[index].role == .processor {
            result += context.receivingControllers(model.flows[index])
        }
        return result.uniqued().sortedUTF8()
    }
}

extension DPIAScope {
    /// Every rule code the annex uses: the risks', the findings that follow from them, and the waived.
    func codes(risks: [DPIARisk], waived: [WaivedFinding]) -> [String] {
        (risks.flatMap { [$0.finding.code] + $0.group.consequences.map(\.code) } + waived.map(\.finding.code)).uniqued().sortedUTF8()
    }
}
