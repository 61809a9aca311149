import FlowAnalysis
import FlowLanguage
import FlowModel

/// R21: re-identification by an unauthorised organisation.
enum FG021 {
    static let rule = Rule(
        code: "FG021",
        slug: "unauthorised-reidentification",
        severity: .error,
        legalSource: "CAG standard condition 2 (no re-identification); CAG 7-04(a)/2013 model (commissioners see pseudonymised data, GPs re-identify their own patients); UK GDPR Art 4(5) and Art 32",
        summary: "An organisation re-identifies pseudonymised data (holds its key, runs a re-identification, or receives the re-identified output) without being authorised to.",
        explanation: """
        Pseudonymisation protects patients only while the means to reverse it stay with the people \
        allowed to use them. CAG standard condition 2 forbids re-identification attempts, and the \
        approvals that do allow it name who may: under CAG 7-04(a)/2013 risk-stratification outputs are \
        re-identified only for the registered GP, for their own patients, while the ICB sees \
        pseudonymised data. A flow records who may re-identify the data it carries with \
        `reidentification-by ORG, …`; that permission travels with the data downstream.

        Three ways of re-identifying are checked, each against the permissions recorded on the flow \
        that delivers the data and on every flow upstream of it:
        1. a flow delivers pseudonymised data to an organisation that holds the key of its pseudonym \
           domain (`key … { held-by … }`);
        2. an organisation runs `re-identify` on pseudonymised data it received from elsewhere (the \
           flows that take the re-identified output onward may grant the permission too);
        3. an organisation receives the identifiable output of a re-identification made by the sender.
        An organisation is authorised when it is listed, or when it is a processor (`processor-for`) \
        for a listed organisation, acting on its behalf. Data an organisation pseudonymised itself and \
        re-identifies again is not reported: nothing came from elsewhere.

        Fix: keep the key and the re-identified output with the authorised organisation (the GP, or a \
        processor acting for it), send the others pseudonymised data only; or, where the approval \
        really permits it, record the permission on the flow: `reidentification-by ORG`.
        """,
        triggeringExamples: [
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
            }
            """,
            """
            key rs-key "Risk stratification pseudonym key" {
              held-by dscro, supplier
            }

            at dscro pseudonymise sus -> sus-rs {
              key rs-key
            }

            flow dscro -> supplier "Pseudonymised SUS for risk stratification" {
              data sus-rs
              level pseudonymised
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              reidentification-by gp
            }

            at supplier re-identify sus-rs -> rs-scores {
              key rs-key
            }

            flow supplier -> icb "Portal view showing NHS numbers" {
              data rs-scores
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
            }
            """,
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

            at icb re-identify sus-pseudo -> sus-reidentified {
              key dscro-key
            }
            """,
        ],
        passingExamples: [
            """
            key rs-key "Risk stratification pseudonym key" {
              held-by dscro, supplier
            }

            at dscro pseudonymise sus -> sus-rs {
              key rs-key
            }

            flow dscro -> supplier "Pseudonymised SUS for risk stratification" {
              data sus-rs
              level pseudonymised
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              reidentification-by gp
            }

            at supplier re-identify sus-rs -> rs-scores {
              key rs-key
            }

            flow supplier -> gp "Case finding for the practice's own patients" {
              data rs-scores
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
            }
            """,
            """
            at dscro pseudonymise sus -> sus-pseudo {
              key dscro-key
            }

            flow dscro -> icb "Pseudonymised SUS (the key stays at the DSCRO)" {
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

        // 1. Pseudonymised data delivered to a holder of its key.
        for (index, flow) in collector.flows {
            let wire = analysis.identifiability.wireLevels[index]
            guard wire.isPersonalData, !wire.isConfidentialByItself else { continue }
            let keys = analysis.identifiability.escalationsByHolding[analysis.graph.recipientHoldings[index]].compactMap { escalation -> String? in
                if case .holdsKey(let key) = escalation { return key }
                return nil
            }
            guard let key = keys.first else { continue }
            let policy = [index] + upstreamFlows(of: Holding(flow.from.name, flow.dataset.name), in: analysis)
            guard !isAuthorised(flow.to.name, by: policy, in: model) else { continue }
            collector.report(
                flow: index,
                "\(collector.label(flow)) delivers pseudonymised `\(flow.dataset.name)` to `\(flow.to.name)`, which holds its pseudonymisation key `\(key)` and so can re-identify it, but `\(flow.to.name)` is not authorised to re-identify this data\(permissionText(policy, in: model))",
                discriminator: "key",
                witness: analysis.witnessPath(forFlow: index),
                help: "remove `\(flow.to.name)` from the key's `held-by`, or, where the approval permits it, add `reidentification-by \(flow.to.name)` to the flow"
            )
        }

        // 2. Re-identification of data received from elsewhere.
        let reidentifications = model.transforms(doing: .reidentify)
        for transform in reidentifications {
            let holder = transform.holder.name
            let arriving = transform.inputs.flatMap { arrivingFlows(at: Holding(holder, $0.name), in: analysis) }
            guard let first = arriving.first else { continue }
            let onward = analysis.graph.holdingID(Holding(holder, transform.output)).map { Array(analysis.graph.readers(ofHolding: $0)) } ?? []
            let policy = arriving + arriving.flatMap { upstreamFlows(of: Holding(model.flows[$0].from.name, model.flows[$0].dataset.name), in: analysis) } + onward
            guard !isAuthorised(holder, by: policy, in: model) else { continue }
            let inputs = transform.inputs.map { "`\($0.name)`" }.joined(separator: ", ")
            collector.report(
                "`\(holder)` re-identifies \(inputs) (received from \(Set(arriving.map { "`\(model.flows[$0].from.name)`" }).sorted().joined(separator: ", "))) into `\(transform.output)`, but is not authorised to re-identify this data\(permissionText(policy, in: model))",
                at: transform.span, target: transform.output, discriminator: "re-identify",
                witness: analysis.witnessPath(forFlow: first),
                help: "re-identify only at the authorised organisation (or a processor acting for it), or record the permission on the delivering flow: `reidentification-by \(holder)`"
            )
        }

        // 3. The identifiable output of a re-identification, sent on.
        let reidentifies = !reidentifications.isEmpty
        let producers = reidentifies ? Dictionary(model.transforms.map { ($0.output, $0) }, uniquingKeysWith: { first, _ in first }) : [:]
        for (index, flow) in collector.flows where reidentifies && flow.from.name != flow.to.name {
            guard analysis.carriesConfidentialInformation(index),
                  reidentifiedAt(flow.from.name, dataset: flow.dataset.name, producers: producers) else { continue }
            let policy = [index] + upstreamFlows(of: Holding(flow.from.name, flow.dataset.name), in: analysis)
            guard !isAuthorised(flow.to.name, by: policy, in: model) else { continue }
            collector.report(
                flow: index,
                "\(collector.label(flow)) gives `\(flow.to.name)` `\(flow.dataset.name)`, which `\(flow.from.name)` re-identified from pseudonymised data, but `\(flow.to.name)` is not authorised to see it re-identified\(permissionText(policy, in: model))",
                discriminator: "reidentified-output",
                witness: analysis.witnessPath(forFlow: index),
                help: "send `\(flow.to.name)` the pseudonymised data instead, or, where the approval permits it, record `reidentification-by \(flow.to.name)` on the flow that delivers the pseudonymised data"
            )
        }
    }

    /// Authorised: listed on one of the flows, or a processor for a listed organisation.
    static func isAuthorised(_ organisation: String, by flows: [Int], in model: SemanticModel) -> Bool {
        let allowed = Set(flows.flatMap { model.flows[$0].reidentificationAllowedBy.map(\.name) })
        if allowed.contains(organisation) { return true }
        let controllers = model.organisations[organisation]?.processorFor.map(\.name) ?? []
        return controllers.contains { allowed.contains($0) }
    }

    static func permissionText(_ flows: [Int], in model: SemanticModel) -> String {
        let allowed = Set(flows.flatMap { model.flows[$0].reidentificationAllowedBy.map(\.name) }).sorted()
        return allowed.isEmpty ? " (no flow carrying it permits re-identification)"
            : " (permitted only for \(allowed.map { "`\($0)`" }.joined(separator: ", ")))"
    }

    /// Every flow in the lineage of the data at `start`, through flows and transforms, each once.
    static func upstreamFlows(of start: Holding, in analysis: Analysis) -> [Int] {
        var result: [Int] = []
        var seen: Set<Holding> = [start]
        var pending = [start]
        while let holding = pending.popLast() {
            for contribution in analysis.graph.contributions[holding] ?? [] {
                var previous: [Holding] = []
                switch contribution {
                case .flow(let index):
                    let flow = analysis.model.flows[index]
                    result.append(index)
                    previous = [Holding(flow.from.name, flow.dataset.name)]
                case .transform(let index):
                    let transform = analysis.model.transforms[index]
                    previous = transform.inputs.map { Holding(transform.holder.name, $0.name) }
                }
                for next in previous where seen.insert(next).inserted { pending.append(next) }
            }
        }
        return result
    }

    /// The flows that brought the data at `start` to its holder, looking back through the holder's
    /// own transforms only.
    static func arrivingFlows(at start: Holding, in analysis: Analysis) -> [Int] {
        analysis.graph.holdingID(start).flatMap { ArrivingFlows.walk(fromHolding: $0, in: analysis.graph) } ?? []
    }

    /// Whether `dataset` is the output of a `re-identify` at `holder`, or derived there from one.
    static func reidentifiedAt(_ holder: String, dataset: String, producers: [String: Transform]) -> Bool {
        var seen: Set<String> = []
        var pending = [dataset]
        while let current = pending.popLast() {
            guard seen.insert(current).inserted,
                  let transform = producers[current], transform.holder.name == holder else { continue }
            if transform.operation == .reidentify { return true }
            pending += transform.inputs.map(\.name)
        }
        return false
    }
}
