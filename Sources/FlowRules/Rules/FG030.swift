import FlowAnalysis
import FlowLanguage
import FlowModel

/// R30: restricted international transfer without a mechanism.
enum FG030 {
    static let rule = Rule(
        code: "FG030",
        slug: "international-transfer-without-mechanism",
        severity: .error,
        legalSource: "UK GDPR Arts 44–49 and DPA 2018 s17A (adequacy regulations); NHS and social care data: off-shoring and the use of public cloud services",
        summary: "Personal data goes to a recipient outside the UK without a transfer mechanism, or outside the UK/EEA/adequate countries without SIRO approval.",
        explanation: """
        Sending personal data that is subject to UK GDPR to, or making it accessible by, a separate \
        organisation outside the UK is a restricted transfer (Art 44). It is lawful only under UK \
        adequacy regulations (DPA 2018 s17A), appropriate safeguards with a transfer risk assessment \
        (the ICO IDTA, the UK Addendum to the EU SCCs, binding corporate rules), or an Art 49 \
        exception. Onward transfers from one third country to another are restricted too; a flow \
        between two organisations in the same country outside the UK is not a new transfer.

        A flow of personal data (in the recipient's hands) whose recipient's `country` is not GB and \
        differs from the sender's, where the data is subject to UK GDPR (the sender, or an \
        organisation upstream of it, is in the UK), is checked:
        - no `transfer` mechanism: error;
        - `transfer uk-adequacy` to a country not on the UK adequacy list flowgate knows (the EEA, \
        Gibraltar, the Crown Dependencies, Andorra, Argentina, the Faroe Islands, Israel, New Zealand, \
        the Republic of Korea, Switzerland, Uruguay, and — for covered organisations only — Canada, \
        Japan and the United States): warning, as the list changes;
        - health or care data going outside the UK, the EEA and the adequate countries without \
        `siro-approval`: warning. NHS off-shoring guidance lets health and care data be hosted in the \
        UK, the EEA or adequate countries; anything else needs the SIRO (with the DPO and Caldicott \
        Guardian) to accept the risk. Canada, Japan and the US count as adequate here only when the \
        flow relies on `transfer uk-adequacy` (the recipient is covered, e.g. certified under the UK \
        extension to the Data Privacy Framework).

        Fix: record the mechanism on the flow (`transfer idta`, `transfer uk-addendum`, `transfer \
        uk-adequacy`, `transfer bcr`, `transfer art49-exception`) after completing the transfer risk \
        assessment, and the SIRO's sign-off with `siro-approval "SIRO decision reference"`; or keep \
        the data in the UK (set the recipient's `country` to where the data is actually hosted and \
        accessed from).
        """,
        triggeringExamples: [
            """
            org helpdesk "Offshore support desk" {
              kind supplier
              country IN
              processor-for supplier
            }

            flow supplier -> helpdesk "Remote support access to risk-stratification data" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
            }
            """,
            """
            org helpdesk "Offshore support desk" {
              kind supplier
              country IN
              processor-for supplier
            }

            flow supplier -> helpdesk "Remote support access, IDTA but no SIRO sign-off" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              transfer idta
            }
            """,
            """
            org helpdesk "Offshore support desk" {
              kind supplier
              country IN
              processor-for supplier
            }

            flow supplier -> helpdesk "Support access said to be adequate" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              transfer uk-adequacy
              siro-approval "SIRO decision 2025/14"
            }
            """,
        ],
        passingExamples: [
            """
            org helpdesk "Support desk in Ireland" {
              kind supplier
              country IE
              processor-for supplier
            }

            flow supplier -> helpdesk "Remote support access" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              transfer uk-adequacy
            }
            """,
            """
            org helpdesk "Offshore support desk" {
              kind supplier
              country IN
              processor-for supplier
            }

            flow supplier -> helpdesk "Remote support access" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-04a
              transfer idta
              siro-approval "SIRO decision 2025/14, TRA on file"
            }
            """,
            """
            org observatory "European health observatory" {
              kind research-body
              country FR
            }

            at icb aggregate sus -> activity-counts {
              suppress-below 8
              round-to 5
            }

            flow icb -> observatory "Published activity counts" {
              data activity-counts
              level aggregate
              purpose publication
            }
            """,
        ]
    ) { collector in
        let carriesPersonalData = FlowColumns.shared(by: collector).carriesPersonalData
        let model = collector.model
        let analysis = collector.analysis
        // The parties' declarations by id: looking them up by name hashes both names for every flow.
        let declarations = DeclarationsByID.shared(by: collector)
        for (index, flow) in collector.flows where carriesPersonalData[index] {
            guard let from = declarations.organisations[declarations.senders[index]],
                  let to = declarations.organisations[declarations.recipients[index]] else { continue }
            let destination = to.country
            guard destination != "GB", destination != from.country,
                  from.country == "GB" || hasUKOrigin(Holding(from.id, flow.dataset.name), analysis: analysis) else { continue }
            let witness = analysis.witnessPath(forFlow: index)
            let onward = from.country == "GB" ? "" : " (an onward transfer from \(from.country))"
            guard let mechanism = flow.transfer else {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) is a restricted transfer of personal data to `\(to.id)` in \(destination)\(onward) with no transfer mechanism",
                    discriminator: "mechanism", witness: witness,
                    help: "record the mechanism after a transfer risk assessment: `transfer idta` (or `uk-addendum`, `uk-adequacy`, `bcr`, `art49-exception`)"
                )
                if needsSIRO(flow, destination: destination, model: model) { reportSIRO(&collector, index, flow, destination, witness) }
                continue
            }
            if mechanism == .ukAdequacy, !(eea.contains(destination) || adequate.contains(destination) || partiallyAdequate.contains(destination)) {
                collector.report(
                    flow: index,
                    "\(collector.label(flow)) relies on UK adequacy, but \(destination) is not on the UK adequacy list flowgate knows",
                    discriminator: "adequacy", severity: .warning, witness: witness,
                    help: "check the current adequacy regulations (DPA 2018 s17A); if \(destination) is not covered, use `transfer idta` or `transfer uk-addendum` with a transfer risk assessment"
                )
            }
            if needsSIRO(flow, destination: destination, model: model) { reportSIRO(&collector, index, flow, destination, witness) }
        }
    }

    /// EEA states (ISO 3166-1 alpha-2): UK adequacy regulations cover them, and NHS off-shoring
    /// guidance permits hosting there.
    static let eea: Set<String> = [
        "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
        "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO",
    ]
    /// Countries with full UK adequacy regulations (DPA 2018 s17A and the transitional provisions).
    static let adequate: Set<String> = ["GI", "GG", "JE", "IM", "AD", "AR", "FO", "IL", "NZ", "KR", "CH", "UY"]
    /// Adequacy covers only some recipients there (Canada: PIPEDA; Japan: private sector; US: the UK
    /// extension to the Data Privacy Framework, certified organisations).
    static let partiallyAdequate: Set<String> = ["CA", "JP", "US"]

    /// Health and care data going beyond the UK, the EEA and adequate countries needs the SIRO.
    static func needsSIRO(_ flow: Flow, destination: String, model: SemanticModel) -> Bool {
        guard flow.siroApproval == nil, !eea.contains(destination), !adequate.contains(destination) else { return false }
        if partiallyAdequate.contains(destination), flow.transfer == .ukAdequacy { return false }
        guard let dataset = model.datasets[flow.dataset.name] else { return false }
        let care: Set<DataOrigin> = [.englandHealth, .englandAdultSocialCare, .gpRecord, .childrensSocialCare]
        return !care.isDisjoint(with: dataset.origins) || dataset.specialCategories.contains(.health)
    }

    static func reportSIRO(_ collector: inout FindingCollector, _ index: Int, _ flow: Flow, _ destination: String, _ witness: WitnessPath) {
        collector.report(
            flow: index,
            "\(collector.label(flow)) sends health and care data to \(destination), outside the UK, the EEA and adequate countries, with no SIRO approval recorded",
            discriminator: "siro", severity: .warning, witness: witness,
            help: "record the SIRO's decision (with the DPO and Caldicott Guardian): `siro-approval \"decision reference\"`, or host the data in the UK or EEA"
        )
    }

    /// Whether data held at `start` came (transitively) from an organisation in the UK.
    static func hasUKOrigin(_ start: Holding, analysis: Analysis) -> Bool {
        let model = analysis.model
        var seen: Set<Holding> = [start]
        var pending = [start]
        while let holding = pending.popLast() {
            if model.organisations[holding.organisation]?.country == "GB" { return true }
            for source in analysis.graph.contributions[holding] ?? [] {
                var previous: [Holding] = []
                switch source {
                case .flow(let upstream):
                    let flow = model.flows[upstream]
                    previous = [Holding(flow.from.name, flow.dataset.name)]
                case .transform(let transform):
                    let step = model.transforms[transform]
                    previous = step.inputs.map { Holding(step.holder.name, $0.name) }
                }
                for next in previous where seen.insert(next).inserted { pending.append(next) }
            }
        }
        return false
    }
}
