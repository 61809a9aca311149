import FlowAnalysis
import FlowLanguage
import FlowModel

/// R36: stale organisation or legal references.
enum FG036 {
    static let rule = Rule(
        code: "FG036",
        slug: "stale-reference",
        severity: .info,
        legalSource: "Health and Care Act 2022 (CCGs abolished 1 July 2022); Health and Social Care Information Centre (Transfer of Functions, Abolition and Transitional Provisions) Regulations 2023; UK GDPR Art 5(1)(a) and (d) (accurate, transparent information)",
        summary: "A declaration refers to an organisation that no longer exists or cites a law or gateway that has been replaced.",
        explanation: """
        Health and care bodies in England have been reorganised repeatedly: clinical commissioning \
        groups were replaced by ICBs on 1 July 2022, NHS Digital (the HSCIC) was merged into NHS \
        England on 1 February 2023, and Public Health England was replaced by UKHSA and OHID on 1 \
        October 2021. The Data Protection Act 1998 was replaced on 25 May 2018. Notices, agreements \
        and flow descriptions that still name them mislead readers about who holds the data and \
        under what law — the BLMK notice, reviewed in June 2022, still says "NHS Digital and Public \
        Health England will exclude …".

        An organisation is past its end when the model's date (`--as-of`) is after its `valid-until`. \
        Organisations without a `valid-until` are also recognised as ended when they are of kind `ccg`, \
        or are a national body, ICB or CCG named NHS Digital, HSCIC, Public Health England or a \
        clinical commissioning group (unless the name says "formerly" or "now"); a supplier or other \
        organisation whose name merely contains those words is not. The rule reports every declaration that refers to such an \
        organisation — flows (sender, recipient, `reidentification-by`), approvals, agreements, \
        contracts, arrangements, DPIAs, notices, opt-outs, keys, datasets, boundaries, and other \
        organisations' `processor-for` and `joint-controller-with` — but not the ended organisation's \
        own declaration, which is a legitimate historical record, nor declarations shipped in the \
        standard library. It also reports Art 6 citations, \
        retention statements, exemption evidence, approval conditions, agreement terms and the \
        passages a privacy notice is quoted as saying (`quotes "…"`: a notice that still speaks of \
        "Clinical Commissioning Groups", a warning there: the public is misled) whose text \
        cites the Data Protection Act 1998 (or Directive 95/46/EC) or names one of the ended bodies, \
        and flows that rest on a statutory gateway past its `valid-until` (where the gateway is the \
        confidentiality basis of confidential patient information, FG009 reports it as an error instead).

        Fix: refer to the successor (`nhs-england` for NHS Digital; the ICB for a CCG; UKHSA or OHID \
        for PHE), cite the UK GDPR and the Data Protection Act 2018, and record lifecycles with \
        `valid-until` and `successor` so the model keeps itself current. If a reference is \
        deliberately historical, accept it with a waiver that says so.
        """,
        triggeringExamples: [
            """
            notice icb-notice "Example ICB privacy notice" {
              controller icb
              quotes "This allows Clinical Commissioning Groups (CCGs) and Commissioning Support Units to validate invoices"
            }
            """,
            """
            org nhs-digital "NHS Digital" {
              kind national-body
              public-authority yes
              valid-until 2023-01-31
              successor nhs-england
            }

            flow nhs-digital -> icb "Pseudonymised SUS" {
              data sus
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
            }
            """,
            """
            org old-ccg "NHS Example Clinical Commissioning Group" {
              kind ccg
              public-authority yes
            }

            contract csu-contract "CSU services" {
              controller old-ccg
              processor csu
            }
            """,
            """
            flow trust -> council "Safeguarding referral" {
              data sus
              level identifiable
              purpose safeguarding
              art6 e "Data Protection Act 1998 Schedule 2"
              art9 g
              sch1 part2 para18
              confidentiality statutory
            }
            """,
        ],
        passingExamples: [
            """
            org nhs-digital "NHS Digital" {
              kind national-body
              public-authority yes
              valid-until 2023-01-31
              successor nhs-england
            }

            flow nhs-england -> icb "Pseudonymised SUS" {
              data sus
              level identifiable
              purpose commissioning
              art6 e "NHS Act 2006 s14Z"
              art9 h
              sch1 part1 para2
              confidentiality s251-reg5
              retention "per the DSA (agreed with NHS England, formerly NHS Digital)" destroy
            }
            """,
        ],
        isLong: true
    ) { collector in
        let model = collector.model
        let asOf = collector.asOf
        let endedOrganisations = model.organisations.values.compactMap { org in
            lapse(of: org, in: model).flatMap { $0.end < asOf ? (id: org.id, lapse: $0) : nil }
        }
        let endedIndex = NameIndex(endedOrganisations.map(\.id))
        func ended(_ name: String) -> Lapse? { endedIndex.position(of: name).map { endedOrganisations[$0].lapse } }
        func checkReferences(_ references: @autoclosure () -> [Reference], of target: String, described label: @autoclosure () -> String, into collector: inout FindingCollector) {
            // Most estates name no ended organisation: then there is nothing to look up.
            guard !endedIndex.isEmpty else { return }
            let references = references()
            var reported: Set<String> = []
            for reference in references {
                guard let lapse = ended(reference.name), reported.insert(reference.name).inserted else { continue }
                collector.report(
                    "\(label()) names `\(reference.name)`, which ceased to exist on \(lapse.end) (successor: \(lapse.successor))",
                    at: reference.span, target: target, discriminator: "org:\(reference.name)",
                    help: "refer to the successor (\(lapse.successor)) instead; if the reference is deliberately historical, waive this finding with the reason"
                )
            }
        }
        // By organisation id, whether it has ended: a flow between live organisations (nearly all of
        // them) is passed over without gathering its references.
        let declarations = DeclarationsByID.shared(by: collector)
        let graphNames = collector.analysis.graph.organisations.names
        let isEnded = graphNames.map { ended($0) != nil }
        // Gateways that had ended by `asOf`: most estates have none, and then no flow looks one up.
        let endedGatewaysByName = model.gateways.filter { $0.value.validUntil.map { $0 < asOf } == true }
        let endedGateways = Array(endedGatewaysByName.values)
        let endedGatewayIndex = NameIndex(endedGatewaysByName.keys)
        func checkGateway(_ reference: Reference?, at span: SourceSpan, ofFlow index: Int, described label: @autoclosure () -> String, into collector: inout FindingCollector) {
            guard let reference, let position = endedGatewayIndex.position(of: reference.name) else { return }
            let gateway = endedGateways[position]
            guard let until = gateway.validUntil else { return }
            collector.report(
                flow: index,
                "\(label()) rests on gateway `\(gateway.id)` (\(gateway.citation)), which ended on \(until)",
                discriminator: "gateway:\(gateway.id)",
                related: [DiagnosticNote("`\(gateway.id)` is declared here", at: gateway.span)],
                help: "cite the law that now provides the gateway",
                at: span
            )
        }
        var mentionsByText = TextMemo<[StaleMention]>()
        func checkText(
            _ text: String?, at span: SourceSpan, of target: String, described label: @autoclosure () -> String,
            severity: Severity? = nil, into collector: inout FindingCollector
        ) {
            guard let text else { return }
            for stale in mentionsByText.value(of: text, { staleMentions(in: $0, asOf: asOf) }) {
                collector.report(
                    "\(label()) cites \(stale.name) in \"\(text)\": \(stale.note)",
                    at: span, target: target, discriminator: "text:\(stale.key)", severity: severity,
                    help: "cite the current body or law (\(stale.replacement))"
                )
            }
        }
        for (index, flow) in collector.flows {
            // Built only when something is reported: most flows report nothing.
            lazy var label = FindingCollector.label(flow)
            if isEnded[declarations.senders[index]] || isEnded[declarations.recipients[index]] || !flow.reidentificationAllowedBy.isEmpty {
                checkReferences([flow.from, flow.to] + flow.reidentificationAllowedBy, of: flow.id, described: label, into: &collector)
            }
            if let claim = flow.article6 { checkText(claim.citation, at: claim.span, of: flow.id, described: label, into: &collector) }
            for statement in flow.retention { checkText(statement.text, at: statement.span, of: flow.id, described: label, into: &collector) }
            for exemption in flow.exemptions { checkText(exemption.evidence, at: exemption.span, of: flow.id, described: label, into: &collector) }
            guard !endedGateways.isEmpty else { continue }
            // The Art 6 gateway, then the confidentiality instrument: checked in place, with no list
            // of them gathered for every flow.
            // A lapsed confidentiality instrument under confidential patient information is FG009's
            // error; the same gateway cited for Art 6 is that one root cause, not a second finding.
            let basisIsFG009s = collector.analysis.carriesConfidentialInformation(index)
            let confidentialityGateway = flow.confidentiality?.instrument?.name
            if let claim = flow.article6, !(basisIsFG009s && claim.gateway?.name == confidentialityGateway) {
                checkGateway(claim.gateway, at: claim.span, ofFlow: index, described: label, into: &collector)
            }
            if let claim = flow.confidentiality, !basisIsFG009s { checkGateway(claim.instrument, at: claim.span, ofFlow: index, described: label, into: &collector) }
        }
        // Declarations without free text report only when they name an ended organisation: those
        // few are picked out before sorting, rather than sorting every dataset of an estate.
        // Inlined at each call, so that each kind's references are read out of the dictionary
        // without copying every declaration.
        @inline(__always)
        func checkNames<Declaration>(
            of declarations: [String: Declaration], id: (Declaration) -> String, span: (Declaration) -> SourceSpan,
            kind: String, including include: (Declaration) -> Bool = { _ in true }, references: (Declaration) -> [Reference],
            into collector: inout FindingCollector
        ) {
            guard !endedIndex.isEmpty else { return }
            // Read in place: copying every declaration out of its dictionary would cost more than the check.
            let naming = declarations.indices.filter { references(declarations.values[$0]).contains { ended($0.name) != nil } }
                .map { declarations.values[$0] }.sorted { id($0) < id($1) }
            for declaration in naming where include(declaration) && !isLibrary(span(declaration)) {
                checkReferences(references(declaration), of: id(declaration), described: "\(kind) `\(id(declaration))`", into: &collector)
            }
        }
        checkNames(of: model.organisations, id: \.id, span: \.span, kind: "organisation", including: { ended($0.id) == nil },
                   references: { $0.processorFor + $0.jointControllerWith }, into: &collector)
        for approval in model.approvals.values.sorted(by: { $0.id < $1.id }) where !isLibrary(approval.span) {
            let label = "approval `\(approval.id)`"
            checkReferences([approval.applicant].compactMap { $0 } + approval.controllers + approval.processors, of: approval.id, described: label, into: &collector)
            for condition in approval.conditions { checkText(condition, at: approval.span, of: approval.id, described: label, into: &collector) }
            checkText(approval.ndooEvidence, at: approval.span, of: approval.id, described: label, into: &collector)
        }
        for agreement in model.agreements.values.sorted(by: { $0.id < $1.id }) where !isLibrary(agreement.span) {
            checkReferences(agreement.parties, of: agreement.id, described: "agreement `\(agreement.id)`", into: &collector)
            checkText(agreement.retention, at: agreement.span, of: agreement.id, described: "agreement `\(agreement.id)`", into: &collector)
        }
        checkNames(of: model.contracts, id: \.id, span: \.span, kind: "contract",
                   references: { [$0.controller, $0.processor] + $0.subProcessors }, into: &collector)
        checkNames(of: model.arrangements, id: \.id, span: \.span, kind: "arrangement", references: \.controllers, into: &collector)
        checkNames(of: model.impactAssessments, id: \.id, span: \.span, kind: "DPIA", references: { [$0.controller].compactMap { $0 } }, into: &collector)
        checkNames(of: model.notices, id: \.id, span: \.span, kind: "privacy notice", references: { [$0.controller] }, into: &collector)
        // What a notice tells the public: a body it names that no longer exists misleads people
        // about who holds their data and where to turn, so it is a warning there.
        for notice in model.notices.values.sorted(by: { $0.id < $1.id }) where !notice.quotes.isEmpty {
            for quote in notice.quotes {
                checkText(quote.text, at: quote.span, of: notice.id, described: "privacy notice `\(notice.id)`", severity: .warning, into: &collector)
            }
        }
        checkNames(of: model.optOuts, id: \.id, span: \.span, kind: "opt-out", references: \.recordedAt, into: &collector)
        checkNames(of: model.keys, id: \.id, span: \.span, kind: "key", references: \.heldBy, into: &collector)
        checkNames(of: model.datasets, id: \.id, span: \.span, kind: "dataset", including: { !$0.isDerived }, references: \.sources, into: &collector)
        checkNames(of: model.boundaries, id: \.id, span: \.span, kind: "boundary", references: \.members, into: &collector)
    }

    /// Declarations shipped in the standard library are not the model author's to correct.
    static func isLibrary(_ span: SourceSpan) -> Bool { StandardLibrary.isLibraryPath(span.path) }

    struct Lapse {
        let end: Day
        /// For messages: "`nhs-england`" or "an ICB".
        let successor: String
    }

    /// When an organisation ceased to exist: its `valid-until`, or what flowgate knows of bodies
    /// abolished by statute when the model records no lifecycle.
    static func lapse(of org: Organisation, in model: SemanticModel) -> Lapse? {
        let declared = org.successor.map { "`\($0.name)`" }
        if let until = org.validUntil { return Lapse(end: until, successor: declared ?? "none recorded") }
        if org.kind == .ccg { return Lapse(end: Day(year: 2022, month: 6, day: 30)!, successor: declared ?? "an ICB") }
        // Titles are read only for the public bodies such names belong to: a supplier called "NHS
        // Digital Partners Ltd" is not the abolished HSCIC.
        guard titledBodyKinds.contains(org.kind),
              let (title, isASCII) = org.title.map(lowercasedASCII), !saysItIsCurrent(title) else { return nil }
        // Byte search is the same as Foundation's for ASCII titles, and much faster.
        for body in abolishedBodies where body.names.contains(where: { isASCII ? title.containsBytes($0) : title.contains($0) }) {
            return Lapse(end: body.end, successor: declared ?? body.successor)
        }
        return nil
    }

    struct AbolishedBody: Sendable {
        let names: [String]
        let end: Day
        let successor: String
    }

    /// The kinds of organisation whose title may name an abolished statutory body.
    static let titledBodyKinds: Set<OrganisationKind> = [.nationalBody, .icb, .ccg]

    /// Bodies abolished by statute, with their last day.
    static let abolishedBodies: [AbolishedBody] = [
        AbolishedBody(names: ["nhs digital", "health and social care information centre"],
                      end: Day(year: 2023, month: 1, day: 31)!, successor: "NHS England"),
        AbolishedBody(names: ["public health england"],
                      end: Day(year: 2021, month: 9, day: 30)!, successor: "UKHSA and OHID"),
        AbolishedBody(names: ["clinical commissioning group"],
                      end: Day(year: 2022, month: 6, day: 30)!, successor: "an ICB"),
    ]

    /// `text.lowercased()`, and whether that is ASCII: one pass over the bytes of an ASCII text.
    static func lowercasedASCII(_ text: String) -> (text: String, isASCII: Bool) {
        // Read from the string's own bytes: stepping through its UTF-8 view costs several times as much.
        let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> String? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return nil }
            return String(unsafeUninitializedCapacity: bytes.count) { lowered in
                for offset in bytes.indices {
                    let byte = bytes[offset]
                    lowered[offset] = byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
                }
                return bytes.count
            }
        } ?? nil
        if let ascii { return (ascii, true) }
        let lowered = text.lowercased()
        return (lowered, lowered.utf8.allSatisfy { $0 < 0x80 })
    }

    static func saysItIsCurrent(_ text: String) -> Bool {
        text.containsBytes("formerly") || text.containsBytes("(now") || text.containsBytes(" now ") || text.containsBytes("predecessor")
    }

    struct StaleMention {
        let key: String
        let name: String
        let note: String
        let replacement: String
    }

    /// Lower-cased with runs of whitespace collapsed to one space and the ends trimmed.
    static func normalised(_ text: String) -> String {
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            switch byte {
            case 0x09...0x0D, 0x20:
                pendingSpace = !bytes.isEmpty
            default:
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Replaced laws and abolished bodies named in free text, when they had ended by `asOf`.
    static func staleMentions(in text: String, asOf: Day) -> [StaleMention] {
        let lower = normalised(text)
        // Splitting into words is by Character and slow; only texts that could hold one of the
        // abbreviations need it.
        let mayAbbreviate = ["dpa98", "hscic", "ccg"].contains { lower.containsBytes($0) }
        let words = mayAbbreviate ? Set(lower.split { !$0.isLetter && !$0.isNumber }.map(String.init)) : []
        var result: [StaleMention] = []
        func ended(_ year: Int, _ month: Int, _ day: Int) -> Bool { Day(year: year, month: month, day: day)! < asOf }
        if ended(2018, 5, 24), ["data protection act 1998", "dpa 1998", "95/46/ec", "directive 95/46"].contains(where: { lower.containsBytes($0) }) || words.contains("dpa98") {
            result.append(StaleMention(
                key: "dpa-1998", name: "the Data Protection Act 1998",
                note: "it was replaced on 25 May 2018", replacement: "UK GDPR and the Data Protection Act 2018"))
        }
        guard !saysItIsCurrent(lower) else { return result }
        if ended(2023, 1, 31), lower.containsBytes("nhs digital") || lower.containsBytes("health and social care information centre") || words.contains("hscic") {
            result.append(StaleMention(
                key: "nhs-digital", name: "NHS Digital", note: "its functions passed to NHS England on 1 February 2023",
                replacement: "NHS England"))
        }
        if ended(2021, 9, 30), lower.containsBytes("public health england") {
            result.append(StaleMention(
                key: "phe", name: "Public Health England", note: "it was replaced by UKHSA and OHID on 1 October 2021",
                replacement: "UKHSA or OHID"))
        }
        if ended(2022, 6, 30), lower.containsBytes("clinical commissioning group") || words.contains("ccg") || words.contains("ccgs") {
            result.append(StaleMention(
                key: "ccg", name: "clinical commissioning groups", note: "CCGs were replaced by ICBs on 1 July 2022",
                replacement: "the ICB"))
        }
        return result
    }
}
