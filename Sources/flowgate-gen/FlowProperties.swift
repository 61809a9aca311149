/// A flow's properties, written in one order for every flow of the estate. Typed so that each chain
/// states only what differs between its flows.
struct FlowProperties {
    var data: String
    var level: String
    var purpose: String
    var role: String
    /// The Art 6 basis with the law behind it, e.g. `e "NHS Act 2006 s14Z"`; nil leaves it out.
    var art6: String?
    /// Health data under Art 9(2)(h), with its DPA 2018 Schedule 1 condition.
    var health = true
    /// Basis and instrument, e.g. `s251-reg5 gen-cag-7-04a`; nil leaves it out.
    var confidentiality: String?
    /// Opt-outs the disclosure applies.
    var applies: String?
    var agreements: [String] = []
    var dpia: String?
    /// Anything else, in order: `needs`, `assessment`, disclosure control.
    var other: [String] = []
    /// `"period and trigger" ACTION`.
    var retention: String?
    var frequency: String?

    /// Counts or trend information a controller or processor returns or publishes: not personal
    /// data, so no Art 6 or 9 basis and no confidentiality beyond saying so.
    static func statistics(data: String, level: String = "aggregate", purpose: String, agreement: String?, other: [String] = [], frequency: String) -> FlowProperties {
        FlowProperties(
            data: data, level: level, purpose: purpose, role: "controller", health: false, confidentiality: "not-confidential",
            agreements: agreement.map { [$0] } ?? [], other: other, frequency: frequency
        )
    }

    var lines: [String] {
        var lines = ["data \(data)", "level \(level)", "purpose \(purpose)", "role \(role)"]
        if let art6 { lines.append("art6 \(art6)") }
        if health { lines += ["art9 h", "sch1 part1 para2"] }
        if let confidentiality { lines.append("confidentiality \(confidentiality)") }
        if let applies { lines.append("applies \(applies)") }
        if !agreements.isEmpty { lines.append("agreement \(agreements.joined(separator: ", "))") }
        if let dpia { lines.append("dpia \(dpia)") }
        lines += other
        if let retention { lines.append("retention \(retention)") }
        if let frequency { lines.append("frequency \(frequency)") }
        return lines
    }
}

extension FlowText {
    mutating func flow(_ id: String, _ from: String, _ to: String, _ title: String, _ properties: FlowProperties) {
        flow(id, from, to, title, properties.lines)
    }
}
