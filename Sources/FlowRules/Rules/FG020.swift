import FlowAnalysis
import FlowLanguage
import FlowModel

/// R20: purpose creep (purpose limitation).
enum FG020 {
    static let rule = Rule(
        code: "FG020",
        slug: "purpose-creep",
        severity: .error,
        legalSource: "UK GDPR Art 5(1)(b) (purpose limitation) and Art 6(4); CAG standard condition 1; NHS England DSA terms; COPI Regulations 2002 reg 7",
        summary: "An organisation passes on data for a purpose it did not receive the data for, without an independent basis for the new purpose.",
        explanation: """
        Data obtained for one purpose may be used for another only if a separate basis covers the new \
        one. CAG standard condition 1 limits confidential patient information to the purposes in the \
        application, NHS England data-sharing agreements limit data to the agreed purposes, and UK GDPR \
        Art 5(1)(b) forbids incompatible further processing. The classic failure is invoice-validation \
        data, disclosed to a controlled environment for finance under CAG 7-07(a-c)/2013, being reused \
        for planning.

        For every flow of personal data the rule works out the purposes for which the sender received \
        that data: the purpose categories of the flows that delivered it, carried through transforms at \
        the sender (a link keeps only the purposes all its inputs were received for). Flows to a \
        processor for `processing-support`, `archiving` or `destruction` act for the sender and keep the \
        sender's purposes, and such flows never count as a new purpose. Data the sender collected \
        itself (its declared `source`, or data nothing feeds) is not restricted by this rule.

        A flow that adds a purpose is still fine when it has its own basis for it: an Article 6 basis \
        (and an Article 9 condition for special category data) and, where the data is confidential \
        patient information in the recipient's hands, a confidentiality basis that covers the new \
        purpose — explicit consent, a court order, the overriding public interest, implied consent for \
        individual care, or s251 support or a statutory gateway whose declared `purposes` include the \
        new purpose (an approval or gateway that lists no purposes is given the benefit of the doubt). \
        Citing the approval the data arrived under is not enough when that approval's purposes do not \
        include the new one.

        Fix: stop the onward use; or obtain and record a basis for the new purpose (`confidentiality \
        s251-reg5 APPROVAL` where the approval lists the purpose, `confidentiality explicit-consent`, or \
        a gateway that covers it); or, where the new use needs no identifiable data, de-identify first.
        """,
        triggeringExamples: [
            """
            approval cag-7-07 "Invoice validation" {
              reference "CAG 7-07(a-c)/2013"
              regulation 5
              purposes invoice-validation
              datasets sus
              controllers icb
              ndoo exempt "NDOP §7.1; CAG register"
              valid-until 2027-09-30
            }

            flow trust -> icb "Invoice backing data" {
              data sus
              level identifiable
              purpose invoice-validation
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-07
            }

            flow icb -> csu "Backing data reused for planning" {
              data sus
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5 cag-7-07
            }
            """,
            """
            flow trust -> council "Safeguarding referral" {
              data sus
              level identifiable
              purpose safeguarding
              art6 e "Care Act 2014 s42"
              art9 g
              sch1 part2 para18
              confidentiality statutory
            }

            flow council -> university "Referral records reused for research" {
              data sus
              level identifiable
              purpose research
              art6 e "University research function"
              art9 j
              sch1 part1 para4
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

            flow icb -> csu "Validation by the CSU in the controlled environment" {
              data sus
              level identifiable
              purpose invoice-validation
              role processor
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
            }
            """,
            """
            approval cohort-approval "Cohort study support" {
              reference "21/CAG/0123"
              regulation 5
              purposes research
              datasets sus
              controllers university
              ndoo applies
              valid-until 2030-01-01
            }

            flow trust -> dscro "SUS for commissioning" {
              data sus
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
              applies ndoo
            }

            flow dscro -> university "Cohort extract under its own approval" {
              data sus
              level identifiable
              purpose research
              art6 e "University research function"
              art9 j
              sch1 part1 para4
              confidentiality s251-reg5 cohort-approval
              applies ndoo
            }
            """,
        ]
    ) { collector in
        let analysis = collector.analysis
        let model = collector.model
        var received = ReceivedPurposes(analysis: analysis)
        for (index, flow) in collector.flows where analysis.carriesPersonalData(index) {
            guard case .purposes(let allowed) = received.of(Holding(flow.from.name, flow.dataset.name)) else { continue }
            let categories = Set(analysis.purposeCategories(of: flow)).subtracting(passThrough)
            let new = categories.subtracting(allowed)
            guard !new.isEmpty, let problem = missingIndependentBasis(index, for: new, in: analysis) else { continue }
            let newText = new.map(\.rawValue).sorted().map { "`\($0)`" }.joined(separator: ", ")
            let allowedText = allowed.isEmpty
                ? "for no purpose shared by all of its sources"
                : "only for " + allowed.map(\.rawValue).sorted().map { "`\($0)`" }.joined(separator: ", ")
            let witness = analysis.witnessPath(forFlow: index) { contribution in
                // Follow the delivery that did not carry the new purpose.
                guard case .flow(let upstream) = contribution else { return false }
                return Set(analysis.purposeCategories(of: model.flows[upstream])).isDisjoint(with: new)
            }
            collector.report(
                flow: index,
                "\(collector.label(flow)) uses `\(flow.dataset.name)` for \(newText), but `\(flow.from.name)` received it \(allowedText), and the flow has no independent basis for the new purpose: \(problem)",
                witness: witness,
                help: "stop the onward use, or record a basis that covers the new purpose (e.g. `confidentiality s251-reg5 APPROVAL` whose `purposes` include it, or `confidentiality explicit-consent`), with its own `art6`/`art9`"
            )
        }
    }

    /// Purposes a processor or archive holds data for on someone else's behalf: never new purposes.
    static let passThrough: Set<PurposeCategory> = [.processingSupport, .archiving, .destruction]

    enum Received: Equatable {
        /// Collected at the holder (or with no visible upstream): no purpose restriction can be derived.
        case unrestricted
        case purposes(Set<PurposeCategory>)
    }

    /// Purpose categories for which the data at each holding was received, memoised; cycles resolve
    /// to `unrestricted` (the lenient answer).
    struct ReceivedPurposes {
        let analysis: Analysis
        private var memo: [Holding: Received] = [:]
        private var visiting: Set<Holding> = []

        init(analysis: Analysis) { self.analysis = analysis }

        mutating func of(_ holding: Holding) -> Received {
            if let known = memo[holding] { return known }
            if analysis.optOuts.origins.contains(holding) || visiting.contains(holding) { return .unrestricted }
            visiting.insert(holding)
            defer { visiting.remove(holding) }
            let model = analysis.model
            var union: Set<PurposeCategory> = []
            var result = Received.purposes([])
            for contribution in analysis.graph.contributions[holding] ?? [] {
                let part: Received
                switch contribution {
                case .flow(let index):
                    let flow = model.flows[index]
                    let categories = Set(analysis.purposeCategories(of: flow))
                    if !categories.isEmpty, categories.isSubset(of: FG020.passThrough) {
                        // Held on the sender's behalf: the sender's purposes carry over.
                        switch of(Holding(flow.from.name, flow.dataset.name)) {
                        case .unrestricted: part = .unrestricted
                        case .purposes(let sender): part = .purposes(sender.union(categories))
                        }
                    } else {
                        part = .purposes(categories)
                    }
                case .transform(let index):
                    let transform = model.transforms[index]
                    var shared: Set<PurposeCategory>?
                    for input in transform.inputs {
                        if case .purposes(let inputPurposes) = of(Holding(transform.holder.name, input.name)) {
                            shared = shared.map { $0.intersection(inputPurposes) } ?? inputPurposes
                        }
                    }
                    part = shared.map(Received.purposes) ?? .unrestricted
                }
                guard case .purposes(let purposes) = part else {
                    result = .unrestricted
                    break
                }
                union.formUnion(purposes)
            }
            if result != .unrestricted { result = .purposes(union) }
            memo[holding] = result
            return result
        }
    }

    /// Why the flow has no basis of its own for `new`, or nil when it has one.
    static func missingIndependentBasis(_ index: Int, for new: Set<PurposeCategory>, in analysis: Analysis) -> String? {
        let model = analysis.model
        let flow = model.flows[index]
        guard flow.article6 != nil else { return "it has no Article 6 basis" }
        if let dataset = model.datasets[flow.dataset.name], !dataset.specialCategories.isEmpty, flow.article9 == nil {
            return "it has no Article 9 condition"
        }
        guard analysis.carriesConfidentialInformation(index) else { return nil }
        guard let claim = flow.confidentiality, claim.basis != .notConfidential else {
            return "the data is confidential patient information to `\(flow.to.name)` and the flow has no confidentiality basis for the new purpose"
        }
        func uncovered(by purposes: [Reference]) -> Set<PurposeCategory> {
            guard !purposes.isEmpty else { return [] }
            let covered = Set(purposes.compactMap { model.purposes[$0.name]?.category })
            return new.subtracting(covered)
        }
        let missing: Set<PurposeCategory>
        let instrument: String
        switch claim.basis {
        case .explicitConsent, .courtOrder, .overridingPublicInterest:
            return nil
        case .impliedConsent:
            missing = new.subtracting([.individualCare])
            instrument = "implied consent, which covers only individual care"
        case .s251Regulation2, .s251Regulation3, .s251Regulation5, .statutory:
            guard let name = claim.instrument?.name else { return nil }
            if let approval = model.approvals[name] {
                missing = uncovered(by: approval.purposes)
                instrument = "approval `\(name)` covers only " + approval.purposes.map { "`\($0.name)`" }.joined(separator: ", ")
            } else if let gateway = model.gateways[name] {
                missing = uncovered(by: gateway.purposes)
                instrument = "gateway `\(name)` covers only " + gateway.purposes.map { "`\($0.name)`" }.joined(separator: ", ")
            } else {
                return nil
            }
        case .notConfidential:
            return nil
        }
        return missing.isEmpty ? nil : "its confidentiality basis is \(instrument)"
    }
}
