import FlowAnalysis
import FlowModel

/// Who NHS England is, for every rule that asks: the organisations a model (or the standard
/// library) declares `statutory-collector yes`, their parts (`part-of`: the DSCROs), their
/// predecessors — bodies whose `successor` chain leads to one (NHS Digital, the HSCIC) — and, for
/// its side of a flow, the processors acting for any of them. Recognised by declaration, never by id, ODS code or title words.
struct NationalSafeHaven: Sendable {
    /// The collectors and their predecessors.
    let bodies: Set<String>
    /// The bodies and their processors.
    let side: Set<String>

    init(model: SemanticModel) {
        let organisations = model.organisations
        var bodies: Set<String> = []
        for org in organisations.values {
            // A part of NHS England (a DSCRO) is NHS England: start from the legal person.
            var current: Organisation? = organisations[model.legalPerson(of: org.id)] ?? org
            var seen: Set<String> = []
            while let step = current, seen.insert(step.id).inserted {
                if step.isStatutoryCollector {
                    bodies.insert(org.id)
                    break
                }
                current = step.successor.flatMap { organisations[$0.name] }
            }
        }
        var side = bodies
        for org in organisations.values where org.processorFor.contains(where: { bodies.contains($0.name) }) {
            side.insert(org.id)
        }
        self.bodies = bodies
        self.side = side
    }

    static func shared(by collector: FindingCollector) -> NationalSafeHaven {
        collector.facts.value(NationalSafeHaven.self) { NationalSafeHaven(model: collector.model) }
    }
}
