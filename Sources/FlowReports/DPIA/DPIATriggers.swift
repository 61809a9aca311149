import FlowAnalysis
import FlowModel

/// A reason the graph shows for a DPIA (UK GDPR Art 35(3), the ICO's Art 35(4) list), with every place
/// it was found.
public struct DPIATrigger: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case largeScaleSpecialCategory = "Large-scale special category data"
        case linkage = "Linkage of sources (data matching)"
        case profiling = "Profiling or risk scoring"
        case newSupplier = "A new supplier"
        case transfer = "A transfer outside the UK"

        /// Where the trigger comes from.
        public var source: String {
            switch self {
            case .largeScaleSpecialCategory: "UK GDPR Art 35(3)(b)"
            case .linkage: "ICO Art 35(4) list: data matching"
            case .profiling: "UK GDPR Art 35(3)(a); ICO Art 35(4) list: large-scale profiling"
            case .newSupplier: "ICO DPIA guidance: review on a change of processor or supplier"
            case .transfer: "UK GDPR Chapter V; ICO DPIA template step 4"
            }
        }
    }

    public struct Instance: Sendable, Hashable {
        /// The flow or lineage step.
        public let place: [Inline]
        public let reason: [Inline]

        init(place: [Inline], reason: String) {
            self.place = place
            self.reason = Inline.parse(reason)
        }
    }

    public let kind: Kind
    public let instances: [Instance]
}

extension ReportContext {
    static let recurring: Set<Frequency> = [.continuous, .daily, .weekly, .monthly, .quarterly]

    /// The five triggers, each with the flows or lineage steps in scope that show it (possibly none).
    func dpiaTriggers(_ scope: DPIAScope) -> [DPIATrigger] {
        var found: [DPIATrigger.Kind: [DPIATrigger.Instance]] = [:]
        let ancestors = Lineage.ancestorsByDataset(in: model)
        for index in scope.flows where analysis.carriesPersonalData(index) {
            let flow = model.flows[index]
            let place: [Inline] = [.code(flow.id), .text(" ")] + endpoints(flow)
            let categories = flow.purposes.compactMap { model.purposes[$0.name]?.category }
            if let dataset = model.datasets[flow.dataset.name],
               !dataset.specialCategories.isEmpty || dataset.hasCriminalOffenceData,
               !categories.contains(.mandatedCollection) {
                let kind = dataset.specialCategories.isEmpty ? "criminal offence data" : "special category data"
                let national = ([dataset.id] + (ancestors[dataset.id] ?? []).sortedUTF8()).first { id in
                    model.datasets[id].map { StandardLibrary.isLibraryPath($0.span.path) } ?? false
                }
                if let frequency = flow.frequency, Self.recurring.contains(frequency) {
                    found[.largeScaleSpecialCategory, default: []].append(.init(place: place, reason: "\(frequency.rawValue) flow of \(kind)"))
                } else if let national {
                    let how = national == dataset.id ? "the national dataset `\(national)`" : "derived from the national dataset `\(national)`"
                    found[.largeScaleSpecialCategory, default: []].append(.init(place: place, reason: "\(kind): \(how)"))
                }
            }
            for escalation in analysis.identifiability.escalations[Holding(flow.to.name, flow.dataset.name)] ?? [] {
                if case .linkable = escalation {
                    found[.linkage, default: []].append(.init(place: place, reason: "the recipient " + escalation.description))
                }
            }
            if let scoring = flow.purposes.first(where: { reference in
                let category = model.purposes[reference.name]?.category
                return category == .riskStratificationCaseFinding || category == .riskStratificationCommissioning
            }) {
                found[.profiling, default: []].append(.init(place: place, reason: "risk stratification purpose `\(scoring.name)`"))
            }
            if let recipient = model.organisations[flow.to.name], isSupplier(recipient, role: flow.role) {
                let covering = coveringDPIAs(flow: index).compactMap { model.impactAssessments[$0] }
                if covering.isEmpty {
                    found[.newSupplier, default: []].append(.init(place: place, reason: "`\(recipient.id)` receives personal data and no DPIA covers this flow"))
                } else if let changed = flow.changed, !covering.contains(where: { ($0.completed.map { $0 >= changed }) ?? false }) {
                    found[.newSupplier, default: []].append(.init(place: place, reason: "the flow changed on \(changed), after its DPIA was completed"))
                }
            }
            let country = model.organisations[flow.to.name]?.country ?? "GB"
            if country != "GB" {
                let mechanism = flow.transfer.map(LegalWording.transfer) ?? "no transfer mechanism recorded"
                found[.transfer, default: []].append(.init(place: place, reason: "`\(flow.to.name)` is in \(country); \(mechanism)"))
            }
        }
        for index in scope.transforms {
            let transform = model.transforms[index]
            guard transform.operation == .link else { continue }
            let inputs = transform.inputs.map(\.name)
            let independent = inputs.filter { input in
                inputs.contains { other in
                    other != input && !(ancestors[input] ?? []).contains(other) && !(ancestors[other] ?? []).contains(input)
                }
            }
            guard independent.count >= 2 else { continue }
            let place: [Inline] = [.text("at "), .code(transform.holder.name), .text(": link → "), .code(transform.output)]
            found[.linkage, default: []].append(.init(place: place, reason: "links " + independent.map { "`\($0)`" }.joined(separator: " with ")))
        }
        return DPIATrigger.Kind.allCases.map { DPIATrigger(kind: $0, instances: found[$0] ?? []) }
    }

    /// A commercial supplier or a processor outside the public sector.
    func isSupplier(_ organisation: Organisation, role: RecipientRole?) -> Bool {
        if organisation.kind == .supplier || organisation.kind == .independentProvider { return true }
        return role == .processor && organisation.isPublicAuthority != true
            && organisation.kind != .nationalBody && organisation.kind != .dscro && organisation.kind != .csu
    }
}
