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

        Where the sources leave the basis open, say so — `confidentiality unknown "reason"` or \
        `confidentiality contested "reason"` — and the finding is an unresolved warning.

        Information people give — about themselves, or as relatives and carers about someone they \
        look after (a flow from an `individual` or the `public`) — needs no basis: they are not \
        confidants bound by the duty; the organisation that receives it is (as FG010 and FG034 read \
        it too).

        Passing data to one's own processor (`processor-for`), or a processor returning it to its \
        controller, is not a disclosure to a third party when it serves a use the controller already \
        has: individual care, archiving, destruction or processing support, or a purpose under which the \
        controller received that data. A processor used for a new purpose (a GP's risk-stratification \
        supplier, say) still needs the basis the new use needs.

        A basis that sets the duty aside by law, by order or by decision counts only with the \
        instrument that makes it true, cited as a `gateway`: `statutory` needs a statute, regulations, \
        directions or a notice; `court-order` a gateway of kind `court-order` (the order's reference); \
        `public-interest` a `public-interest-decision` recording who decided (`decided-by`), when \
        (`decided`) and for which disclosures (`flows`) — the public interest is weighed case by case \
        and is not a standing basis. The instrument must be in force on the analysis date \
        (`valid-from`, `valid-until`, `decided`) and cover the flow: an order or decision by listing it \
        in `flows`, a law by listing its purposes. A claim that cites nothing, cites the wrong kind of \
        instrument, or rests on one that has lapsed or does not cover the flow is reported here once, \
        as the root cause: it does not take the flow out of the National Data Opt-out, and the checks \
        a real statutory or court-ordered disclosure would switch off (FG022, FG024, FG026, FG031, \
        FG035) stay on where the data is not confidential patient information. Consent bases need no \
        gateway; s251 support is checked through its approval (FG011–FG013).

        The finding shows the chain that brought the data to the disclosing organisation, marking the \
        hop with no basis.

        Fix: add `confidentiality BASIS INSTRUMENT` to the flow — e.g. `confidentiality s251-reg5 \
        cag-7-04a` or `confidentiality statutory hsca-s259` — and declare the gateway it cites.
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
            """
            flow trust -> council "Disclosure said to be required by law" {
              data sus
              level identifiable
              purpose safeguarding
              art6 e "Care Act 2014 s42"
              art9 g
              sch1 part2 para18
              confidentiality statutory
            }
            """,
            """
            gateway cg-decision "Caldicott Guardian decision" {
              kind public-interest-decision
              citation "Decision log 2025/7"
            }

            flow trust -> council "Disclosure in the public interest" {
              data sus
              level identifiable
              purpose safeguarding
              art6 e "Care Act 2014 s42"
              art9 g
              sch1 part2 para18
              confidentiality public-interest cg-decision
            }
            """,
            """
            gateway old-direction "Direction since revoked" {
              kind directions
              citation "Example Directions 2019"
              purposes safeguarding
              valid-until 2024-03-31
            }

            flow trust -> council "Disclosure under a lapsed direction" {
              data sus
              level identifiable
              purpose safeguarding
              art6 e old-direction
              art9 g
              sch1 part2 para18
              confidentiality statutory old-direction
            }
            """,
        ],
        passingExamples: [
            """
            org patient "A patient" {
              kind individual
            }

            org pharmacy "Community pharmacy" {
              kind independent-provider
            }

            flow patient -> pharmacy "A patient's own prescription details" {
              data sus
              level identifiable
              purpose care
              art6 e "NHS Act 2006 s126"
              art9 h
              sch1 part1 para2
            }
            """,
            """
            gateway order-123 "Order of the Family Court" {
              kind court-order
              citation "Family Court order FD25P00123"
              flows trust.council.sus.safeguarding
            }

            flow trust -> council "Disclosure under a court order" {
              data sus
              level identifiable
              purpose safeguarding
              art6 e "Care Act 2014 s42"
              art9 g
              sch1 part2 para18
              confidentiality court-order order-123
              frequency one-off
            }
            """,
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
        let owners = DescribingNotices.shared(by: collector)
        let analysis = collector.analysis
        let model = collector.model
        let organisations = OrganisationIndex.shared(by: collector)
        let senders = analysis.graph.senderHoldings
        let recipients = analysis.graph.recipientHoldings
        let standings = analysis.confidentiality.standings
        let coverage = InstrumentCoverage(collector)
        var received = PurposesReceived(analysis: analysis)
        // Within one legal person nothing is disclosed to a third party.
        let isInternal = InternalFlows.shared(by: collector).isInternal
        for index in model.flows.indices where !isInternal[index] {
            guard senders[index] != recipients[index], analysis.carriesConfidentialInformation(index) else { continue }
            let problem: BasisProblem
            switch standings[index] {
            case .absent:
                if let open = model.flows[index].unresolvedBasis(.confidentiality) {
                    problem = BasisProblem(
                        discriminator: "unresolved", claim: "its confidentiality basis is \(open.state.rawValue): \(open.reason)",
                        help: "settle the basis and record it with the instrument behind it", severity: .warning
                    )
                } else {
                    problem = BasisProblem(discriminator: "", claim: "has no confidentiality basis")
                }
            case .claimed(let basis):
                guard basis == .notConfidential else { continue }
                problem = BasisProblem(discriminator: "", claim: "claims `not-confidential`")
            case .unsupported(let basis, let reason):
                problem = unsupported(basis, reason)
            case .evidenced(let basis, let id):
                guard let gateway = model.gateways[id],
                      let found = instrumentProblem(basis, gateway, flow: index, asOf: collector.asOf, covered: coverage.coversPurposes(gateway.purposes, flow: index))
                else { continue }
                problem = found
            }
            if FG009.isControllersOwnUse(index, analysis, organisations: organisations, received: &received) { continue }
            // People giving information about themselves owe no duty of confidence to themselves.
            if organisations.organisation(model.flows[index].from.name)?.kind.isPeopleThemselves == true { continue }
            let flow = model.flows[index]
            let level = analysis.identifiability.recipientLevels[index]
            collector.report(
                flow: index,
                "\(collector.label(flow)) discloses confidential patient information (\(level.rawValue) to `\(flow.to.name)`) but \(problem.claim)",
                discriminator: problem.discriminator,
                severity: problem.severity,
                related: problem.related,
                witness: analysis.witnessPath(forFlow: index),
                help: problem.help,
                sameReason: owners.reason(forFlow: flow.id, key: "\(problem.discriminator)|\(problem.claim)", summary: "confidential patient information is disclosed but \(problem.claim)")
            )
        }
    }
}

extension FG009 {
    /// Why a flow's claim does not stand, as reported.
    struct BasisProblem {
        let discriminator: String
        let claim: String
        var related: [DiagnosticNote] = []
        var help = "add `confidentiality BASIS INSTRUMENT`, e.g. `confidentiality s251-reg5 APPROVAL` or `confidentiality statutory GATEWAY`"
        /// A question the model leaves open is a warning; everything else the rule's error.
        var severity: Severity?
    }

    static func unsupported(_ basis: ConfidentialityBasis, _ reason: UnsupportedConfidentialityClaim) -> BasisProblem {
        let claim = switch reason {
        case .noInstrument:
            "its `\(basis.rawValue)` basis cites no instrument, so nothing shows it is true"
        case .wrongInstrument(let id, let kind):
            "its `\(basis.rawValue)` basis cites `\(id)`, \(kind), which cannot make that basis true"
        case .incompleteDecision(let gateway, let missing):
            "its public-interest basis cites decision `\(gateway)`, which does not record \(missing.joined(separator: ", "))"
        case .otherDisclosures(let gateway):
            "its `\(basis.rawValue)` basis cites `\(gateway)`, which was made for other disclosures (its `flows` do not list this one)"
        }
        return BasisProblem(discriminator: "unsupported", claim: claim, help: UnsupportedConfidentialityClaim.remedy(for: basis))
    }

    /// Whether a cited gateway is in force on the analysis date and covers the flow; nil when it does.
    static func instrumentProblem(_ basis: ConfidentialityBasis, _ gateway: StatutoryGateway, flow index: Int, asOf: Day, covered: Bool) -> BasisProblem? {
        let note = [DiagnosticNote("`\(gateway.id)` (\(gateway.citation)) is declared here", at: gateway.span)]
        let named = "`\(gateway.id)` (\(gateway.citation))"
        if let until = gateway.validUntil, until < asOf {
            return BasisProblem(
                discriminator: "lapsed", claim: "its `\(basis.rawValue)` basis rests on \(named), which ended on \(until) (analysis date \(asOf))",
                related: note, help: "cite the instrument that now provides the basis, or stop the flow"
            )
        }
        if let from = gateway.validFrom, asOf < from {
            return BasisProblem(
                discriminator: "not-yet-in-force", claim: "its `\(basis.rawValue)` basis rests on \(named), which takes effect only on \(from) (analysis date \(asOf))",
                related: note, help: "hold the flow until the instrument is in force, or cite the one in force now"
            )
        }
        if let decided = gateway.decided, asOf < decided {
            return BasisProblem(
                discriminator: "not-yet-in-force", claim: "its public-interest basis rests on decision \(named), dated \(decided), after the analysis date \(asOf)",
                related: note, help: "record the decision before the disclosure is made"
            )
        }
        // A decision or an order lists the disclosures it was made for; a law its purposes.
        if !gateway.flows.isEmpty { return nil }
        if gateway.purposes.isEmpty {
            return BasisProblem(
                discriminator: "out-of-scope", claim: "its `\(basis.rawValue)` basis rests on \(named), which lists no purposes or flows, so it cannot be shown to cover this disclosure",
                related: note, help: "list what the instrument covers on `\(gateway.id)`: `purposes …` (or `flows …` for an order or decision)"
            )
        }
        if !covered {
            return BasisProblem(
                discriminator: "out-of-scope", claim: "its `\(basis.rawValue)` basis rests on \(named), whose purposes do not cover this flow's",
                related: note, help: "cite the instrument that covers this purpose, or correct the purposes listed on `\(gateway.id)`"
            )
        }
        return nil
    }

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
