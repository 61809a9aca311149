import FlowAnalysis
import FlowLanguage
import FlowModel

/// R9: confidential patient information crossing an organisational boundary without a CLDC basis.
enum FG009 {
    static let rule = Rule(
        code: "FG009",
        slug: "cpi-without-confidentiality-basis",
        severity: .error,
        legalSource: "Common law duty of confidentiality; NHS Act 2006 s251 and s251(10)–(11); HSCA 2012 s263",
        summary: "Confidential patient information leaves an organisation with no common-law confidentiality basis.",
        explanation: """
        Gate G2 is independent of UK GDPR: information given in confidence and identifiable to its \
        recipient may be disclosed only with consent (implied for individual care, explicit otherwise), \
        under s251 support (COPI regs 2, 3 or 5), because a statute requires or permits it, by court \
        order, or in the overriding public interest. Article 6 and 9 bases do not lift the duty.

        The level used is the one in the recipient's hands (identifiable, or NHS-number level, or \
        pseudonymised data the recipient can re-identify through a key or linkage). `not-confidential` \
        is not an answer for such data.

        Passing data to one's own processor (`processor-for`), or a processor returning it to its \
        controller, is not a disclosure to a third party when it serves a use the controller already \
        has: individual care, archiving, destruction or processing support, or a purpose under which the \
        controller received that data. A processor used for a new purpose (a GP's risk-stratification \
        supplier, say) still needs the basis the new use needs.

        The finding shows the chain that brought the data to the disclosing organisation, marking the \
        hop with no basis.

        Fix: add `confidentiality BASIS INSTRUMENT` to the flow — e.g. `confidentiality s251-reg5 \
        cag-7-04a` or `confidentiality statutory hsca-s259`.
        """,
        triggeringExamples: [
            """
            flow gp -> supplier "GP extract with GDPR bases only" {
              data gp-extract
              level identifiable
              purpose risk-stratification
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
            }
            """,
            """
            flow trust -> icb "Claimed not confidential" {
              data sus
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality not-confidential
            }
            """,
        ],
        passingExamples: [
            """
            flow trust -> icb "Invoice backing data" {
              data sus
              level identifiable
              purpose invoice-validation
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
            }

            flow icb -> csu "Backing data to the ICB's processor for the same validation" {
              data sus
              level identifiable
              purpose invoice-validation
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
            }
            """,
            """
            flow trust -> nhs-england "SUS submission" {
              data sus
              level identifiable
              purpose collection
              art6 c "HSCA 2012 s259"
              art9 h
              sch1 part1 para2
              confidentiality statutory hsca-s259
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
            """,
        ]
    ) { collector in
        let analysis = collector.analysis
        let model = collector.model
        let organisations = OrganisationIndex.shared(by: collector)
        let senders = analysis.graph.senderHoldings
        let recipients = analysis.graph.recipientHoldings
        // Only flows without a basis that leave their sender can be reported.
        let bases = FlowColumns.shared(by: collector).confidentialityBases
        let unfounded = model.flows.indices.filter { index in
            guard senders[index] != recipients[index], analysis.carriesConfidentialInformation(index) else { return false }
            let basis = bases[index]
            return basis == nil || basis == .notConfidential
        }
        var received = PurposesReceived(analysis: analysis)
        for index in unfounded {
            if FG009.isControllersOwnUse(index, analysis, organisations: organisations, received: &received) { continue }
            let flow = model.flows[index]
            let basis = flow.confidentiality?.basis
            let level = analysis.identifiability.recipientLevels[index]
            let claim = basis == .notConfidential ? "claims `not-confidential`" : "has no confidentiality basis"
            collector.report(
                flow: index,
                "\(collector.label(flow)) discloses confidential patient information (\(level.rawValue) to `\(flow.to.name)`) but \(claim)",
                witness: analysis.witnessPath(forFlow: index),
                help: "add `confidentiality BASIS INSTRUMENT`, e.g. `confidentiality s251-reg5 APPROVAL` or `confidentiality statutory GATEWAY`"
            )
        }
    }
}

extension FG009 {
    /// Categories that are the controller's own handling of records it already holds.
    static let recordHandling: Set<PurposeCategory> = [.individualCare, .archiving, .destruction, .processingSupport]

    /// A flow between a controller and its processor that serves a use the controller already has.
    static func isControllersOwnUse(_ index: Int, _ analysis: Analysis, organisations: OrganisationIndex, received: inout PurposesReceived) -> Bool {
        let flow = analysis.model.flows[index]
        guard organisations.isProcessorRelationship(flow.from.name, flow.to.name) else { return false }
        let purposes = received.at(analysis.graph.senderHoldings[index])
        return flow.purposes.allSatisfy { purpose in
            purposes.contains(purpose.name)
                || analysis.model.purposes[purpose.name].map { recordHandling.contains($0.category) } == true
        }
    }

    /// The purposes under which a holding received its dataset, by holding id, worked out for the
    /// few holdings asked about from the flows that feed each.
    struct PurposesReceived {
        let analysis: Analysis
        private var known: [Int: Set<String>] = [:]

        init(analysis: Analysis) { self.analysis = analysis }

        mutating func at(_ holding: Int) -> Set<String> {
            if let purposes = known[holding] { return purposes }
            var purposes: Set<String> = []
            for case .flow(let index) in analysis.graph.contributions(toHolding: holding) {
                purposes.formUnion(analysis.model.flows[index].purposes.map(\.name))
            }
            known[holding] = purposes
            return purposes
        }
    }
}
