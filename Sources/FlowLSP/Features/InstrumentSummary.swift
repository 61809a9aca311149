import FlowLanguage
import FlowModel

/// An approval's, agreement's, contract's or gateway's reference, scope and validity on a date.
struct InstrumentSummary {
    let model: SemanticModel
    let asOf: Day

    func lines(for name: String) -> [String] {
        if let approval = model.approvals[name] {
            var lines = [approval.reference.map { "Reference: `\($0)`" }, approval.regulation.map { "s251 support under COPI Regulations 2002 reg \($0)" }].compactMap { $0 }
            lines += scope(purposes: approval.purposes, datasets: approval.datasets)
            lines.append("National Data Opt-out: \(approval.ndoo.rawValue)")
            lines.append(validity(from: approval.validFrom, until: approval.validUntil))
            return lines
        }
        if let agreement = model.agreements[name] {
            var lines = ["\(LegalWording.agreementKind(agreement.kind))" + (agreement.reference.map { ", reference `\($0)`" } ?? "")]
            if !agreement.parties.isEmpty { lines.append("Parties: \(names(agreement.parties))") }
            lines += scope(purposes: agreement.purposes, datasets: agreement.datasets)
            lines.append(validity(from: agreement.validFrom, until: agreement.validUntil))
            return lines
        }
        if let contract = model.contracts[name] {
            var lines = ["Art 28 contract: controller `\(contract.controller.name)`, processor `\(contract.processor.name)`" + (contract.reference.map { ", reference `\($0)`" } ?? "")]
            lines += scope(purposes: contract.purposes, datasets: contract.datasets)
            lines.append(validity(from: contract.validFrom, until: contract.validUntil))
            return lines
        }
        if let gateway = model.gateways[name] {
            var lines = ["\(gateway.kind.rawValue): \(gateway.citation)"]
            lines += scope(purposes: gateway.purposes, datasets: [])
            lines.append(validity(from: gateway.validFrom, until: gateway.validUntil.map(KnownDate.known)))
            return lines
        }
        if let arrangement = model.arrangements[name] {
            return ["Art 26 arrangement between \(names(arrangement.controllers))"] + scope(purposes: arrangement.purposes, datasets: [])
                + [validity(from: nil, until: arrangement.validUntil)]
        }
        if let organisation = model.organisations[name] {
            return ["Kind: \(organisation.kind.rawValue)" + (organisation.odsCode.map { ", ODS code `\($0)`" } ?? "")]
        }
        if let purpose = model.purposes[name] {
            return ["Category: \(purpose.category.rawValue)"]
        }
        return []
    }

    private func scope(purposes: [Reference], datasets: [Reference]) -> [String] {
        var lines: [String] = []
        if !purposes.isEmpty { lines.append("Purposes: \(names(purposes))") }
        if !datasets.isEmpty { lines.append("Datasets: \(names(datasets))") }
        return lines
    }

    private func names(_ references: [Reference]) -> String {
        references.map { "`\($0.name)`" }.joined(separator: ", ")
    }

    /// In force, expired, not yet in force or of unknown end, on the as-of date.
    private func validity(from start: Day?, until end: KnownDate?) -> String {
        let span = [start.map { "from \($0)" }, end.map { "until \($0.day?.description ?? "unknown")" }].compactMap { $0 }.joined(separator: " ")
        let state: String
        if let start, asOf < start {
            state = "not yet in force"
        } else if case .known(let day)? = end, day < asOf {
            state = "expired"
        } else if case .unknown? = end {
            state = "end date unknown"
        } else {
            state = "in force"
        }
        return "Valid \(span.isEmpty ? "(no dates recorded)" : span): **\(state) on \(asOf)**"
    }
}
