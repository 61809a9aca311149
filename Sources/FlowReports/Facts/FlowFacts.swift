import FlowAnalysis
import FlowLanguage
import FlowModel

/// What the reports say about one flow, column by column, as lines of inlines (ids in code font).
extension ReportContext {
    /// The level in the recipient's hands, and why it differs from the declared level.
    func levelLines(_ index: Int) -> [[Inline]] {
        let flow = model.flows[index]
        let effective = analysis.identifiability.recipientLevels[index]
        var lines: [[Inline]] = [[.text(effective.rawValue)]]
        if effective != flow.level {
            lines.append([.text("declared "), .code(flow.level.rawValue)])
        }
        let holding = Holding(flow.to.name, flow.dataset.name)
        for escalation in analysis.identifiability.escalations[holding] ?? [] {
            lines.append(Inline.parse("recipient " + escalation.description))
        }
        return lines
    }

    /// Art 6 (with the law behind it), Art 9, Schedule 1 and Art 10, one per line. `ids: false` leaves
    /// out the model's ids (for documents the public reads); `namingGaps` says which flow a missing
    /// basis is missing on (for a cell that gathers several flows' bases).
    func dataProtectionLines(_ flow: Flow, ids: Bool = true, namingGaps: Bool = false) -> [[Inline]] {
        let gap: [Inline] = namingGaps ? [.text(" for "), .code(flow.id)] : []
        var lines: [[Inline]] = []
        if let claim = flow.article6 {
            var line: [Inline] = [.text(LegalWording.article6(claim.basis))]
            if let gateway = claim.gateway {
                line.append(.text(": " + (model.gateways[gateway.name]?.citation ?? gateway.name)))
                if ids { line += [.text(" "), .code(gateway.name)] }
            } else if let citation = claim.citation {
                line.append(.text(": " + citation))
            }
            lines.append(line)
        } else {
            lines.append([.text("Art 6: none recorded")] + gap)
        }
        for condition in flow.article9Conditions {
            lines.append([.text(LegalWording.article9(condition))])
        }
        if flow.article9Conditions.isEmpty, let dataset = model.datasets[flow.dataset.name], !dataset.specialCategories.isEmpty {
            lines.append([.text("Art 9: none recorded")] + gap)
        }
        for condition in flow.schedule1.sorted() {
            lines.append([.text(LegalWording.schedule1(condition))])
        }
        if let route = flow.article10 { lines.append([.text(LegalWording.article10(route))]) }
        return lines
    }

    /// The common-law basis with the instrument's reference.
    func confidentialityLines(_ flow: Flow, ids: Bool = true) -> [[Inline]] {
        guard let claim = flow.confidentiality else { return [[.text("none recorded")]] }
        var line: [Inline] = [.text(LegalWording.confidentiality(claim.basis))]
        if let instrument = claim.instrument {
            line.append(.text(": "))
            line += ids ? instrumentLabel(instrument.name) : [.text(instrumentReference(instrument.name) ?? instrument.name)]
        }
        return [line]
    }

    /// "CAG 7-04(a)/2013 `cag-7-04a`": the instrument's own reference (or title), then its id.
    func instrumentLabel(_ id: String) -> [Inline] {
        guard let reference = instrumentReference(id) else { return [.code(id)] }
        return [.text(reference + " "), .code(id)]
    }

    /// The instrument's own reference, citation or title.
    func instrumentReference(_ id: String) -> String? {
        let reference: String? =
            if let approval = model.approvals[id] { approval.reference ?? approval.title }
            else if let gateway = model.gateways[id] { gateway.citation }
            else if let agreement = model.agreements[id] { agreement.reference ?? agreement.title }
            else if let contract = model.contracts[id] { contract.reference ?? contract.title }
            else if let arrangement = model.arrangements[id] { arrangement.reference ?? arrangement.title }
            else if let dpia = model.impactAssessments[id] { dpia.reference ?? dpia.title }
            else { nil }
        guard let reference, !reference.isEmpty else { return nil }
        return reference
    }

    /// Opt-outs applied (here or upstream), required but missing, claimed exemptions, and why the
    /// opt-outs that could apply do not.
    func optOutLines(_ index: Int) -> [[Inline]] {
        let flow = model.flows[index]
        let arriving = analysis.optOuts.arrivingFilters[index]
        let appliedHere = Set(flow.appliedOptOuts.map(\.name))
        let exempted = Set(flow.exemptions.map(\.optOut.name))
        var lines: [[Inline]] = []
        for optOut in arriving.sortedUTF8() {
            lines.append([.code(optOut), .text(appliedHere.contains(optOut) ? " applied at this disclosure" : " applied upstream")])
        }
        let requirements = analysis.requirements.byFlow[index]
        for requirement in requirements where requirement.isRequired && !arriving.contains(requirement.optOut) && !exempted.contains(requirement.optOut) {
            lines.append([.code(requirement.optOut), .strong(" required, not applied"), .text(": ")] + Inline.parse(requirement.reason))
        }
        for exemption in flow.exemptions.sorted(by: { utf8Less($0.optOut.name, $1.optOut.name) }) {
            lines.append([.code(exemption.optOut.name), .text(" exempt: " + (exemption.evidence ?? "no evidence recorded"))])
        }
        let dataset = model.datasets[flow.dataset.name]
        for requirement in requirements where !requirement.isRequired && !arriving.contains(requirement.optOut) && !exempted.contains(requirement.optOut) {
            guard let kind = model.optOuts[requirement.optOut]?.kind else { continue }
            switch kind {
            case .nationalDataOptOut: break
            case .type1: guard dataset?.origins.contains(.gpRecord) == true else { continue }
            case .programme: guard requirement.reason != "the flow is not part of the programme" else { continue }
            case .consentWithdrawal, .rightToObject: continue
            }
            lines.append([.code(requirement.optOut), .text(" does not apply: ")] + Inline.parse(requirement.reason))
        }
        return lines
    }

    /// Agreements, contracts and arrangements the flow is made under, and its DPIA. `ids: false` gives
    /// each by its reference or title alone.
    func agreementLines(_ flow: Flow, ids: Bool = true) -> [[Inline]] {
        var lines: [[Inline]] = flow.agreements.map { agreementLine($0.name, ids: ids) }
        if let dpia = flow.dpia {
            lines.append([.text("DPIA: ")] + (ids ? instrumentLabel(dpia.name) : [.text(instrumentReference(dpia.name) ?? dpia.name)]))
        }
        return lines
    }

    /// "Art 28 contract: Contract with … `id`": an agreement, contract or arrangement with its kind.
    func agreementLine(_ id: String, ids: Bool = true) -> [Inline] {
        let kind: String =
            if let agreement = model.agreements[id] { LegalWording.agreementKind(agreement.kind) }
            else if model.contracts[id] != nil { "Art 28 contract" }
            else if model.arrangements[id] != nil { "Art 26 arrangement" }
            else { "agreement" }
        return [.text(kind + ": ")] + (ids ? instrumentLabel(id) : [.text(instrumentReference(id) ?? id)])
    }

    func retentionLines(_ flow: Flow) -> [[Inline]] {
        flow.retention.map { statement in
            [.text(statement.text + (statement.action.map { " (" + LegalWording.retentionAction($0) + ")" } ?? ""))]
        }
    }

    /// Where the recipient is and under what transfer mechanism, as far as the model says: a recipient
    /// whose country is not written is not assumed to be in the UK.
    func transferLines(_ flow: Flow) -> [[Inline]] {
        guard let recipient = model.organisations[flow.to.name], recipient.isCountryDeclared else {
            return [[.text("not recorded (the recipient's country is not stated)")]]
        }
        var lines: [[Inline]] = []
        if recipient.country != "GB" {
            lines.append([.text("to \(recipient.country) under " + (flow.transfer.map(LegalWording.transfer) ?? "no mechanism recorded"))])
            if let approval = flow.siroApproval { lines.append([.text("SIRO: " + approval)]) }
        } else if let mechanism = flow.transfer {
            lines.append([.text(LegalWording.transfer(mechanism) + " (recipient in the UK)")])
        } else {
            lines.append([.text("none (the recipient is recorded as in the UK)")])
        }
        return lines
    }

    func purposeLines(_ flow: Flow) -> [[Inline]] {
        flow.purposes.map { [.code($0.name)] }
    }

    func purposeNames(_ flow: Flow) -> [[Inline]] {
        flow.purposes.map { [.text(name(ofPurpose: $0.name))] }
    }

    /// "BLMK member GP practices → Prescribing Services Ltd".
    func namedEndpoints(_ flow: Flow) -> [Inline] {
        [.text(name(ofOrganisation: flow.from.name) + " → " + name(ofOrganisation: flow.to.name))]
    }

    /// Identifiers in rule text (`blmk-psl`) replaced by the names of the organisations, datasets,
    /// purposes and opt-outs they stand for; other identifiers stay in code font.
    func named(_ inlines: [Inline]) -> [Inline] {
        var result: [Inline] = []
        var index = 0
        while index < inlines.count {
            let inline = inlines[index]
            index += 1
            guard case .code(let id) = inline,
                  let title = model.organisations[id]?.title ?? model.datasets[id]?.title ?? model.purposes[id]?.title ?? model.optOuts[id]?.title
            else {
                result.append(inline)
                continue
            }
            // "the National Data Opt-out (`ndoo`)": the name is already written, so the bracketed id
            // goes rather than becoming the name twice.
            if case .text(let before)? = result.last, before.hasSuffix(title + " ("),
               index < inlines.count, case .text(let after) = inlines[index], after.hasPrefix(")") {
                result[result.count - 1] = .text(String(before.dropLast(2)))
                result.append(.text(String(after.dropFirst())))
                index += 1
                continue
            }
            result.append(.text(title))
        }
        return result
    }

    /// "`blmk-gp` -> `blmk-psl`".
    func endpoints(_ flow: Flow) -> [Inline] {
        [.code(flow.from.name), .text(" → "), .code(flow.to.name)]
    }
}

extension Flow {
    /// Consent is a basis of the flow (Art 6(1)(a), Art 9(2)(a) or the common law's explicit consent):
    /// withdrawing it is a choice people have.
    var reliesOnConsent: Bool {
        article6?.basis == .a || article9Conditions.contains(.a) || confidentiality?.basis == .explicitConsent
    }

    /// Public task or legitimate interests: the Art 21 right to object applies.
    var isObjectable: Bool { article6?.basis == .e || article6?.basis == .f }
}

extension ReportContext {
    /// Whether a programme opt-out, withdrawal of consent or right to object is a choice people have
    /// about `flows`: it covers one of `purposes`, or is recorded at one of `controllers`, or — declared
    /// with neither — sits beside one of their privacy notices; consent and objection only where a
    /// flow relies on consent or on public task or legitimate interests. The National Data Opt-out and
    /// Type 1 are decided flow by flow (the opt-out requirements), not here.
    func isOffered(_ optOut: OptOut, flows: [Int], controllers: Set<String>, purposes: Set<String>, noticeSpans: [SourceSpan]) -> Bool {
        let covers = optOut.purposes.contains { purposes.contains($0.name) }
        let recordedHere = optOut.recordedAt.contains { controllers.contains($0.name) }
        let directory = PathArithmetic.directory(of: optOut.span.path)
        let unattached = optOut.recordedAt.isEmpty && optOut.purposes.isEmpty
            && noticeSpans.contains { PathArithmetic.directory(of: $0.path) == directory }
        switch optOut.kind {
        case .programme: return covers
        case .consentWithdrawal: return (covers || recordedHere || unattached) && flows.contains { model.flows[$0].reliesOnConsent }
        case .rightToObject: return (covers || recordedHere || unattached) && flows.contains { model.flows[$0].isObjectable }
        case .nationalDataOptOut, .type1: return false
        }
    }
}

/// Inlines as plain text, for CSV and text output.
enum PlainText {
    static func line(_ inlines: [Inline]) -> String {
        inlines.map { inline -> String in
            switch inline {
            case .text(let text), .code(let text), .strong(let text), .emphasis(let text): text
            case .link(let text, _): text
            }
        }.joined()
    }

    static func lines(_ lines: [[Inline]], separator: String = "; ") -> String {
        lines.map(line).joined(separator: separator)
    }
}
