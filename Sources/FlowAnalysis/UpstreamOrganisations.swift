/// Organisations the data a flow sends has passed through, transitively upstream.
struct UpstreamOrganisations: Sendable {
    private let tables: FlowGraphTables

    init(tables: FlowGraphTables) {
        self.tables = tables
    }

    /// The sender of flow `index` and every organisation upstream of its copy of the data.
    func of(_ index: Int) -> Set<String> {
        let start = tables.senderHolding[index]
        var organisations: Set<Int> = [tables.holdings.organisation[start]]
        var seen: Set<Int> = [start]
        var pending = [start]
        while let holding = pending.popLast() {
            for source in tables.contributions[holding] {
                let previous: ArraySlice<Int>
                switch source {
                case .flow(let flow): previous = [tables.senderHolding[flow]]
                case .transform(let transform): previous = tables.inputHoldings[transform]
                }
                for next in previous where seen.insert(next).inserted {
                    organisations.insert(tables.holdings.organisation[next])
                    pending.append(next)
                }
            }
        }
        return Set(organisations.map { tables.organisations.names[$0] })
    }
}
