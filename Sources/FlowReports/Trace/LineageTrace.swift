import FlowAnalysis
import FlowLanguage
import FlowModel
import FlowOutput
import FlowRender

/// Which way `flowgate trace` follows the lineage from its subject.
public enum TraceDirection: String, Sendable, Hashable, CaseIterable {
    case upstream, downstream, both
}

/// One hop of a lineage: a flow between organisations or a lineage step at one.
public struct TraceHop: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case flow, transform }
    public let kind: Kind
    /// The flow's id, or the transform's output dataset.
    public let id: String
    public let inputs: [Holding]
    public let output: Holding
    /// Flows only: the level the flow declares.
    public let declaredLevel: IdentifiabilityLevel?
    /// The level in the receiving holder's hands.
    public let level: IdentifiabilityLevel
    public let escalations: [String]
    /// Flows: Art 6 / Art 9 / Sch 1 / confidentiality, as the language spells them. Transforms: the
    /// operation and its key or disclosure control.
    public let bases: [String]
    public let purposes: [String]
    /// Opt-outs this hop applies.
    public let applied: [String]
    /// Opt-outs the data carries after this hop.
    public let carried: [String]
    /// Transforms: opt-outs some inputs carried and the output does not, each said in plain words.
    public let lost: [String]
    public let span: SourceSpan
}

/// The lineage of a dataset or an organisation's holdings, in order from origin to end.
public struct LineageTrace: Sendable, Hashable {
    public enum Subject: String, Sendable, Hashable { case dataset, organisation }
    public let subject: String
    public let subjectKind: Subject
    public let direction: TraceDirection
    public let start: [Holding]
    public let hops: [TraceHop]
}

public enum TraceReport {
    /// Nil when `subject` is neither a dataset nor an organisation.
    public static func trace(_ context: ReportContext, subject: String, direction: TraceDirection) -> LineageTrace? {
        let model = context.model
        let graph = context.analysis.graph
        let kind: LineageTrace.Subject
        let start: [Holding]
        if model.datasets[subject] != nil {
            kind = .dataset
            start = graph.holdings.filter { $0.dataset == subject }
        } else if model.organisations[subject] != nil {
            kind = .organisation
            start = graph.holdings.filter { $0.organisation == subject }
        } else {
            return nil
        }
        var contributions: Set<Contribution> = []
        if direction != .downstream {
            var seen = Set(start)
            var pending = start
            while let holding = pending.popLast() {
                for contribution in graph.contributions[holding] ?? [] {
                    contributions.insert(contribution)
                    for previous in inputs(of: contribution, model: model) where seen.insert(previous).inserted { pending.append(previous) }
                }
            }
        }
        if direction != .upstream {
            var seen = Set(start)
            var pending = start
            while let holding = pending.popLast() {
                var next: [(Contribution, Holding)] = []
                for index in graph.readers[holding] ?? [] {
                    let flow = model.flows[index]
                    next.append((.flow(index), Holding(flow.to.name, flow.dataset.name)))
                }
                for index in graph.transformReaders[holding] ?? [] {
                    let transform = model.transforms[index]
                    next.append((.transform(index), Holding(transform.holder.name, transform.output)))
                }
                for (contribution, holding) in next {
                    contributions.insert(contribution)
                    if seen.insert(holding).inserted { pending.append(holding) }
                }
            }
        }
        let ordered = order(Array(contributions), model: model)
        return LineageTrace(
            subject: subject, subjectKind: kind, direction: direction, start: start,
            hops: ordered.map { hop($0, context: context) })
    }

    static func inputs(of contribution: Contribution, model: SemanticModel) -> [Holding] {
        switch contribution {
        case .flow(let index):
            let flow = model.flows[index]
            return [Holding(flow.from.name, flow.dataset.name)]
        case .transform(let index):
            let transform = model.transforms[index]
            return transform.inputs.map { Holding(transform.holder.name, $0.name) }
        }
    }

    static func output(of contribution: Contribution, model: SemanticModel) -> Holding {
        switch contribution {
        case .flow(let index):
            let flow = model.flows[index]
            return Holding(flow.to.name, flow.dataset.name)
        case .transform(let index):
            let transform = model.transforms[index]
            return Holding(transform.holder.name, transform.output)
        }
    }

    /// Origin first: a hop comes after every traced hop that feeds the holding it reads from; ties (and
    /// cycles) are broken by source position, so the order is the same on every run.
    static func order(_ contributions: [Contribution], model: SemanticModel) -> [Contribution] {
        func span(_ contribution: Contribution) -> SourceSpan {
            switch contribution {
            case .flow(let index): model.flows[index].span
            case .transform(let index): model.transforms[index].span
            }
        }
        let sorted = contributions.sorted { span($0) < span($1) }
        var producers: [Holding: [Int]] = [:]
        for (position, contribution) in sorted.enumerated() {
            producers[output(of: contribution, model: model), default: []].append(position)
        }
        var waiting = sorted.map { contribution -> Set<Int> in
            Set(inputs(of: contribution, model: model).flatMap { producers[$0] ?? [] })
        }
        for position in waiting.indices { waiting[position].remove(position) }
        var done = Array(repeating: false, count: sorted.count)
        var result: [Contribution] = []
        while result.count < sorted.count {
            let ready = sorted.indices.first { !done[$0] && waiting[$0].allSatisfy { done[$0] } }
                ?? sorted.indices.first { !done[$0] }!
            done[ready] = true
            result.append(sorted[ready])
        }
        return result
    }

    static func hop(_ contribution: Contribution, context: ReportContext) -> TraceHop {
        let model = context.model
        let analysis = context.analysis
        switch contribution {
        case .flow(let index):
            let flow = model.flows[index]
            let target = Holding(flow.to.name, flow.dataset.name)
            var bases: [String] = []
            if let article6 = flow.article6 {
                bases.append("art6 \(article6.basis.rawValue)" + (article6.gateway.map { " " + $0.name } ?? article6.citation.map { " \"\($0)\"" } ?? ""))
            }
            if !flow.article9Conditions.isEmpty { bases.append("art9 " + flow.article9Conditions.map(\.rawValue).joined(separator: ", ")) }
            for condition in flow.schedule1.sorted() { bases.append("sch1 \(condition)") }
            if let route = flow.article10 { bases.append("art10 \(route.rawValue)") }
            if let claim = flow.confidentiality {
                var text = "confidentiality \(claim.basis.rawValue)"
                if let instrument = claim.instrument {
                    text += " \(instrument.name)"
                    if let reference = model.approvals[instrument.name]?.reference { text += " (\(reference))" }
                }
                bases.append(text)
            }
            for exemption in flow.exemptions { bases.append("exempt \(exemption.optOut.name)") }
            return TraceHop(
                kind: .flow, id: flow.id, inputs: [Holding(flow.from.name, flow.dataset.name)], output: target,
                declaredLevel: flow.level, level: analysis.identifiability.recipientLevels[index],
                escalations: (analysis.identifiability.escalations[target] ?? []).map(\.description),
                bases: bases, purposes: flow.purposes.map(\.name), applied: flow.appliedOptOuts.map(\.name).uniqued(),
                carried: analysis.optOuts.arrivingFilters[index].sortedUTF8(), lost: [], span: flow.span)
        case .transform(let index):
            let transform = model.transforms[index]
            let target = Holding(transform.holder.name, transform.output)
            var bases = [transform.operation.rawValue + " " + transform.inputs.map(\.name).joined(separator: ", ")]
            if let key = transform.key { bases.append("key \(key.name)") }
            if let below = transform.suppressBelow { bases.append("suppress-below \(below)") }
            if let round = transform.roundTo { bases.append("round-to \(round)") }
            return TraceHop(
                kind: .transform, id: transform.output, inputs: transform.inputs.map { Holding(transform.holder.name, $0.name) },
                output: target, declaredLevel: nil, level: analysis.identifiability.effectiveLevels[target] ?? .identifiable,
                escalations: (analysis.identifiability.escalations[target] ?? []).map(\.description),
                bases: bases, purposes: transform.purposes.map(\.name),
                applied: transform.operation == .filter ? transform.optOuts.map(\.name) : [],
                carried: (analysis.optOuts.filtersAt[target] ?? []).sortedUTF8(),
                lost: model.optOuts.keys.sortedUTF8().compactMap { analysis.optOutLoss(of: $0, at: index)?.explanation(in: model) },
                span: transform.span)
        }
    }

    // MARK: Output

    static func heading(_ trace: LineageTrace, context: ReportContext) -> String {
        let name = trace.subjectKind == .dataset ? context.name(ofDataset: trace.subject) : context.name(ofOrganisation: trace.subject)
        let direction = trace.direction == .both ? "upstream and downstream" : trace.direction.rawValue
        return "Lineage of \(trace.subjectKind.rawValue) \(trace.subject) (\(name)), \(direction): "
            + (trace.hops.count == 1 ? "1 hop" : "\(trace.hops.count) hops")
    }

    public static func text(_ trace: LineageTrace, context: ReportContext) -> String {
        var out = heading(trace, context: context) + "\n"
        out += "Held at: " + (trace.start.isEmpty ? "nowhere in the model" : trace.start.map(\.description).joined(separator: ", ")) + "\n"
        for (number, hop) in trace.hops.enumerated() {
            out += "\n\(number + 1). "
            switch hop.kind {
            case .flow:
                out += "flow \(hop.id): \(hop.inputs[0].organisation) -> \(hop.output.organisation)\n"
                out += "   data: \(hop.output.dataset)\n"
            case .transform:
                out += "at \(hop.output.organisation): \(hop.bases[0]) -> \(hop.id)\n"
            }
            var level = hop.level.rawValue
            var notes: [String] = []
            if let declared = hop.declaredLevel, declared != hop.level { notes.append("declared \(declared.rawValue)") }
            notes += hop.escalations.map { "holder " + $0 }
            if !notes.isEmpty { level += " (" + notes.joined(separator: "; ") + ")" }
            out += "   level: \(level)\n"
            if !hop.purposes.isEmpty { out += "   purpose: \(hop.purposes.joined(separator: ", "))\n" }
            let bases = hop.kind == .flow ? hop.bases : Array(hop.bases.dropFirst())
            if hop.kind == .flow || !bases.isEmpty {
                out += "   \(hop.kind == .flow ? "bases" : "controls"): " + (bases.isEmpty ? "none recorded" : bases.joined(separator: ", ")) + "\n"
            }
            out += "   opt-outs: applied " + (hop.applied.isEmpty ? "none" : hop.applied.joined(separator: ", "))
                + "; carried after this hop " + (hop.carried.isEmpty ? "none" : hop.carried.joined(separator: ", ")) + "\n"
            for loss in hop.lost { out += "   lost here: \(loss)\n" }
            out += "   at \(context.location(hop.span))\n"
        }
        // Titles, citations and paths come from the model: nothing in them may drive the terminal.
        return TerminalText.escaped(out, keepingLineBreaks: true)
    }

    public static func json(_ trace: LineageTrace, context: ReportContext) -> String {
        func holding(_ value: Holding) -> JSONValue {
            .object([("organisation", .string(value.organisation)), ("dataset", .string(value.dataset))])
        }
        let value = JSONValue.object([
            ("subject", .string(trace.subject)),
            ("kind", .string(trace.subjectKind.rawValue)),
            ("direction", .string(trace.direction.rawValue)),
            ("heldAt", .array(trace.start.map(holding))),
            ("hops", .array(trace.hops.map { hop in
                .object([
                    ("kind", .string(hop.kind.rawValue)),
                    ("id", .string(hop.id)),
                    ("inputs", .array(hop.inputs.map(holding))),
                    ("output", holding(hop.output)),
                    ("declaredLevel", .optional(hop.declaredLevel?.rawValue)),
                    ("level", .string(hop.level.rawValue)),
                    ("escalations", .array(hop.escalations.map(JSONValue.string))),
                    ("bases", .array(hop.bases.map(JSONValue.string))),
                    ("purposes", .array(hop.purposes.map(JSONValue.string))),
                    ("optOutsApplied", .array(hop.applied.map(JSONValue.string))),
                    ("optOutsCarried", .array(hop.carried.map(JSONValue.string))),
                    ("optOutsLost", .array(hop.lost.map(JSONValue.string))),
                    ("location", .string(context.location(hop.span))),
                ])
            })),
        ])
        return value.serialized() + "\n"
    }

    /// A Graphviz drawing of the trace: each holding a box inside its organisation's cluster, flows as
    /// solid arrows (bold when the data is confidential in the recipient's hands), lineage steps dashed.
    public static func dot(_ trace: LineageTrace, context: ReportContext) -> String {
        var holdings: [Holding] = trace.start
        for hop in trace.hops { holdings += hop.inputs + [hop.output] }
        let unique = Array(Set(holdings)).sorted()
        var byOrganisation: [String: [Holding]] = [:]
        for holding in unique { byOrganisation[holding.organisation, default: []].append(holding) }
        let startSet = Set(trace.start)
        func nodeID(_ holding: Holding) -> String { Escape.dotQuoted("holding:" + holding.organisation + "/" + holding.dataset) }
        var out = "digraph " + Escape.dotQuoted("trace " + trace.subject) + " {\n"
        out += "  graph [rankdir=LR, fontname=\"Helvetica\", fontsize=12, labelloc=t, label=" + Escape.dotQuoted(heading(trace, context: context)) + "];\n"
        out += "  node [shape=box, style=\"rounded\", fontname=\"Helvetica\", fontsize=10];\n"
        out += "  edge [fontname=\"Helvetica\", fontsize=9];\n"
        for (number, organisation) in byOrganisation.keys.sortedUTF8().enumerated() {
            out += "  subgraph " + Escape.dotQuoted("cluster_\(number)") + " {\n"
            out += "    label=" + Escape.dotQuoted(context.name(ofOrganisation: organisation) + " (" + organisation + ")") + ";\n"
            for holding in byOrganisation[organisation]! {
                let level = context.analysis.identifiability.effectiveLevels[holding]?.rawValue ?? "identifiable"
                let style = startSet.contains(holding) ? ", style=\"rounded,bold\"" : ""
                out += "    " + nodeID(holding) + " [label=" + Escape.dotQuoted(holding.dataset + "\n" + level) + style + "];\n"
            }
            out += "  }\n"
        }
        for hop in trace.hops {
            var label = hop.kind == .flow ? hop.id : hop.bases[0]
            label += "\n" + hop.level.rawValue
            if hop.kind == .flow { label += "\n" + (hop.bases.isEmpty ? "no basis recorded" : hop.bases.joined(separator: ", ")) }
            if !hop.carried.isEmpty { label += "\nopt-outs: " + hop.carried.joined(separator: ", ") }
            let style = hop.kind == .transform ? "dashed" : hop.level.isConfidentialByItself ? "bold" : "solid"
            for input in hop.inputs {
                out += "  " + nodeID(input) + " -> " + nodeID(hop.output) + " [label=" + Escape.dotQuoted(label) + ", style=" + style + "];\n"
            }
        }
        out += "}\n"
        return out
    }
}
