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

        For every flow of confidential patient information (identifiable to its recipient) the rule \
        works out the purposes for which the sender received that data: the purpose categories of the \
        flows that delivered it, carried through transforms at the sender (a link keeps only the \
        purposes all its inputs were received for). Flows to a \
        processor for `processing-support`, `archiving` or `destruction` act for the sender and keep the \
        sender's purposes, and such flows never count as a new purpose. Data the sender collected \
        itself (its declared `source`, or data nothing feeds) is not restricted by this rule.

        A flow that adds a purpose is still fine when its confidentiality basis covers the new purpose \
        independently: explicit consent, a court order, the overriding public interest, implied consent \
        for individual care, or s251 support or a statutory gateway whose declared `purposes` include \
        the new purpose (an approval or gateway that lists no purposes is given the benefit of the \
        doubt). Citing the approval the data arrived under is not enough when that approval's purposes \
        do not include the new one. A disclosure with no confidentiality basis at all is FG009's \
        finding, so this rule reports a missing basis only for reuse inside one organisation (a flow \
        from an organisation to itself), which FG009 does not look at; Article 6 and 9 bases are \
        FG001's and FG002's concern. Pseudonymised data passed on under its own Article 6 basis is \
        outside this rule; onward sharing that an agreement forbids is FG026's.

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
            gateway care-act "Care Act 2014 safeguarding duties" {
              kind statute
              citation "Care Act 2014 ss42 and 45"
              purposes safeguarding
            }

            flow trust -> council "Safeguarding referral" {
              data sus
              level identifiable
              purpose safeguarding
              art6 e care-act
              art9 g
              sch1 part2 para18
              confidentiality statutory care-act
            }

            flow council -> university "Referral records reused for research" {
              data sus
              level identifiable
              purpose research
              art6 e "University research function"
              art9 j
              sch1 part1 para4
              confidentiality statutory care-act
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

            flow icb -> icb "Backing data reused by the ICB's planning team" {
              data sus
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
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
        let carriesConfidentialInformation = FlowColumns.shared(by: collector).carriesConfidentialInformation
        let analysis = collector.analysis
        let model = collector.model
        let purposeCategories = PurposeCategorySet.PerFlow.shared(by: collector)
        let senders = analysis.graph.senderHoldings
        var received = ReceivedPurposes(analysis: analysis, categories: purposeCategories)
        let levelClaims = LevelClaims.shared(by: collector)
        for index in model.flows.indices where carriesConfidentialInformation[index] {
            guard case .purposes(let allowed) = received.of(senders[index]) else { continue }
            let new = purposeCategories[index].subtracting(passThroughBits).subtracting(allowed)
            guard !new.isEmpty, let problem = missingIndependentBasis(index, for: new.members, in: analysis) else { continue }
            let flow = model.flows[index]
            let newText = new.members.map(\.rawValue).sorted().map { "`\($0)`" }.joined(separator: ", ")
            let allowedText = allowed.isEmpty
                ? "for no purpose shared by all of its sources"
                : "only for " + allowed.members.map(\.rawValue).sorted().map { "`\($0)`" }.joined(separator: ", ")
            let witness = analysis.witnessPath(forFlow: index) { contribution in
                // Follow the delivery that did not carry the new purpose.
                guard case .flow(let upstream) = contribution else { return false }
                return purposeCategories[upstream].isDisjoint(with: new)
            }
            collector.report(
                flow: index,
                "\(collector.label(flow)) uses `\(flow.dataset.name)` for \(newText), but `\(flow.from.name)` received it \(allowedText), and the flow has no independent basis for the new purpose: \(problem)",
                witness: witness,
                help: "stop the onward use, or record a basis that covers the new purpose (e.g. `confidentiality s251-reg5 APPROVAL` whose `purposes` include it, or `confidentiality explicit-consent`), with its own `art6`/`art9`",
                // The rule reads confidential patient information only.
                causedBy: levelClaims.cause(ofFlow: index, firesAt: \.isConfidentialByItself)
            )
        }
    }

    /// Purposes a processor or archive holds data for on someone else's behalf: never new purposes.
    static let passThrough = Set(PurposeCategory.allCases.filter(\.passesThrough))
    static let passThroughBits = PurposeCategorySet(passThrough)

    enum Received: Equatable {
        /// Collected at the holder (or with no visible upstream): no purpose restriction can be derived.
        case unrestricted
        case purposes(PurposeCategorySet)
    }

    /// Purpose categories for which the data at each holding (by id) was received, memoised; a
    /// holding met again inside a cycle counts as `unrestricted` (the lenient answer). Evaluated with
    /// an explicit stack, so long chains of custody cannot exhaust the call stack.
    struct ReceivedPurposes {
        let graph: FlowGraph
        let isOrigin: [Bool]
        let senders: [Int]
        let recipients: [Int]
        /// Per flow, its purposes' categories.
        let categories: [PurposeCategorySet]
        private var memo: [Received?]
        /// The holdings on the current walk's stack (cleared again by the end of every walk).
        private var inProgress: [Bool]

        init(analysis: Analysis, categories: [PurposeCategorySet]) {
            graph = analysis.graph
            isOrigin = analysis.optOuts.isOriginByHolding
            senders = graph.senderHoldings
            recipients = graph.recipientHoldings
            self.categories = categories
            memo = Array(repeating: nil, count: graph.holdingCount)
            inProgress = Array(repeating: false, count: graph.holdingCount)
        }

        /// A flow from an organisation to itself: reuse inside one organisation.
        private func isInternal(_ index: Int) -> Bool { senders[index] == recipients[index] }

        /// The holdings whose values `holding` is computed from.
        private func dependencies(of holding: Int) -> [Int] {
            var result: [Int] = []
            for contribution in graph.contributions(toHolding: holding) {
                switch contribution {
                case .flow(let index):
                    guard !isInternal(index), isPassThrough(index) else { continue }
                    result.append(senders[index])
                case .transform(let index):
                    result += graph.inputHoldings(ofTransform: index)
                }
            }
            return result
        }

        private func isPassThrough(_ index: Int) -> Bool {
            !categories[index].isEmpty && FG020.passThroughBits.isSuperset(of: categories[index])
        }

        mutating func of(_ start: Int) -> Received {
            if let known = memo[start] { return known }
            var stack: [(holding: Int, expanded: Bool)] = [(start, false)]
            while let (holding, expanded) = stack.popLast() {
                if memo[holding] != nil { continue }
                if isOrigin[holding] {
                    memo[holding] = .unrestricted
                    continue
                }
                if expanded {
                    memo[holding] = compute(holding)
                    inProgress[holding] = false
                } else if !inProgress[holding] {
                    inProgress[holding] = true
                    stack.append((holding, true))
                    for dependency in dependencies(of: holding) where memo[dependency] == nil && !inProgress[dependency] {
                        stack.append((dependency, false))
                    }
                }
            }
            return memo[start] ?? .unrestricted
        }

        /// From the dependencies' memoised values; one not yet known is on a cycle: unrestricted.
        private func compute(_ holding: Int) -> Received {
            var union = PurposeCategorySet()
            var counted = false
            for contribution in graph.contributions(toHolding: holding) {
                let part: Received
                switch contribution {
                case .flow(let index):
                    // Reuse inside one organisation brings no new data: it cannot widen the purposes.
                    if isInternal(index) { continue }
                    if isPassThrough(index) {
                        // Held on the sender's behalf: the sender's purposes carry over.
                        switch memo[senders[index]] ?? .unrestricted {
                        case .unrestricted: part = .unrestricted
                        case .purposes(let sender): part = .purposes(sender.union(categories[index]))
                        }
                    } else {
                        part = .purposes(categories[index])
                    }
                case .transform(let index):
                    var shared: PurposeCategorySet?
                    for input in graph.inputHoldings(ofTransform: index) {
                        if case .purposes(let inputPurposes) = memo[input] ?? .unrestricted {
                            shared = shared.map { $0.intersection(inputPurposes) } ?? inputPurposes
                        }
                    }
                    part = shared.map(Received.purposes) ?? .unrestricted
                }
                guard case .purposes(let purposes) = part else { return .unrestricted }
                counted = true
                union.formUnion(purposes)
            }
            return counted ? .purposes(union) : .unrestricted
        }
    }

    /// Why the flow's confidentiality basis does not cover `new`, or nil when it does. A missing
    /// basis on a disclosure is FG009's finding; here it is reported only for reuse inside one
    /// organisation, which FG009 does not see.
    static func missingIndependentBasis(_ index: Int, for new: Set<PurposeCategory>, in analysis: Analysis) -> String? {
        let model = analysis.model
        let flow = model.flows[index]
        // A claim that cites nothing counts as none.
        guard let claim = flow.confidentiality, analysis.countedConfidentialityBasis(index).map({ $0 != .notConfidential }) == true else {
            return flow.from.name == flow.to.name
                ? "the data is confidential patient information and the reuse has no confidentiality basis for the new purpose" : nil
        }
        func uncovered(by purposes: [Reference]) -> Set<PurposeCategory> {
            guard !purposes.isEmpty else { return [] }
            let covered = Set(purposes.compactMap { model.purposes[$0.name]?.category })
            return new.subtracting(covered)
        }
        // The instrument is described only when something is missing: most flows are covered.
        let missing: Set<PurposeCategory>
        let instrument: () -> String
        switch claim.basis {
        case .explicitConsent, .courtOrder, .overridingPublicInterest:
            return nil
        case .impliedConsent:
            missing = new.subtracting([.individualCare])
            instrument = { "implied consent, which covers only individual care" }
        case .s251Regulation2, .s251Regulation3, .s251Regulation5, .statutory:
            guard let name = claim.instrument?.name else { return nil }
            if let approval = model.approvals[name] {
                missing = uncovered(by: approval.purposes)
                instrument = { "approval `\(name)`, which covers only " + approval.purposes.map { "`\($0.name)`" }.joined(separator: ", ") }
            } else if let gateway = model.gateways[name] {
                missing = uncovered(by: gateway.purposes)
                instrument = { "gateway `\(name)`, which covers only " + gateway.purposes.map { "`\($0.name)`" }.joined(separator: ", ") }
            } else {
                return nil
            }
        case .notConfidential:
            return nil
        }
        return missing.isEmpty ? nil : "its confidentiality basis is \(instrument())"
    }
}
