import FlowLanguage
import FlowModel

/// Which opt-out filters the data at every holding has been through (domain.md §4.4): applied
/// filters travel with the data; a merge keeps a filter when every input it could apply to had it
/// (or when the merge is an inner join on a cohort that had it);
/// data at its origin has none. Computed as a greatest fixpoint over a worklist, so cycles in the
/// flow graph terminate: every set only ever shrinks, and sets are finite.
public struct OptOutPropagation: Sendable {
    /// Per flow: filters on the data as it arrives at the recipient (sender's filters plus the flow's own).
    public let arrivingFilters: [Set<String>]
    /// Per holding id: whether the data starts unfiltered there (see `origins`).
    public let isOriginByHolding: [Bool]
    private let bits: OptOutBits
    /// Per holding id, a row of `bits`.
    private let filterRows: [UInt64]
    private let views: Views

    /// Filters already applied to the data held at each holding.
    public var filtersAt: [Holding: Set<String>] { views.filtersAt.value }
    /// Holdings where the data starts unfiltered (collected there, or with no visible upstream).
    public var origins: Set<Holding> { views.origins.value }

    /// Filters already applied to the data at a holding.
    public func filters(atHolding id: Int) -> Set<String> { bits.set(filterRows, id) }

    /// Whether the data at a holding has been through `optOut`'s filter.
    public func hasFilter(_ optOut: String, atHolding id: Int) -> Bool { bits.contains(filterRows, id, optOut) }

    public init(model: SemanticModel, graph: FlowGraph) {
        let tables = graph.tables
        let flows = model.flows
        let transforms = model.transforms
        // Opt-outs are numbered as they are met, so each name is hashed once per mention.
        var named = NameInterner(capacity: model.optOuts.count)
        for name in model.optOuts.keys.sorted() { _ = named.intern(name) }
        var appliedRows: [Int] = [], appliedBits: [Int] = []
        for index in flows.indices {
            for optOut in flows[index].appliedOptOuts {
                appliedRows.append(index)
                appliedBits.append(named.intern(optOut.name))
            }
        }
        var filteringRows: [Int] = [], filteringBits: [Int] = []
        for index in transforms.indices where transforms[index].operation == .filter {
            for optOut in transforms[index].optOuts {
                filteringRows.append(index)
                filteringBits.append(named.intern(optOut.name))
            }
        }
        let isFilter = transforms.indices.map { transforms[$0].operation == .filter }
        // An inner join on a filtered cohort: the output holds only that input's people.
        let cohortInput: [String?] = transforms.map { $0.cohort?.name }
        let bits = OptOutBits(named)
        let words = bits.words
        let universe = bits.row(model.optOuts.keys)
        let none = [UInt64](repeating: 0, count: words)
        // Per kind of input (from a GP record or not; in the National Data Opt-out's scope or not),
        // the opt-outs that cannot apply to it: Type 1 to anything but GP data, the NDOO outside
        // health and adult social care in England. A merge keeps a filter when every input it could
        // apply to carried it, so linking GP data filtered for Type 1 with hospital data keeps it.
        let notApplicable: [[UInt64]] = (0..<4).map { kind in
            let fromGP = kind & 1 != 0, inScope = kind & 2 != 0
            return bits.row(model.optOuts.values.filter { optOut in
                optOut.kind == .type1 && !fromGP || optOut.kind == .nationalDataOptOut && !inScope
            }.map(\.id))
        }
        func inputKind(_ holding: Int) -> Int {
            let facts = tables.datasetFacts[tables.holdings.dataset[holding]]
            return (facts.isFromGPRecord ? 1 : 0) | (facts.isInNDOOScope ? 2 : 0)
        }
        let applied = bits.rows(Adjacency(rowCount: flows.count, rows: appliedRows, elements: appliedBits))
        let filtering = bits.rows(Adjacency(rowCount: transforms.count, rows: filteringRows, elements: filteringBits))

        let holdingCount = tables.holdings.count
        let origin = OptOutOrigins.holdings(model: model, tables: tables)
        // Origins start with no filters, every other holding with all of them (the fixpoint shrinks them).
        var filters = [UInt64](repeating: 0, count: holdingCount * words)
        for holding in 0..<holdingCount where !origin[holding] {
            for word in 0..<words { filters[holding * words + word] = universe[word] }
        }

        // Upstream holdings first (popLast takes from the end): on acyclic parts every holding is
        // then computed once, from final inputs, instead of once per change of each of its inputs.
        var worklist = OptOutOrigins.topologicalOrder(tables: tables).reversed().filter { !origin[$0] }
        var queued = [Bool](repeating: false, count: holdingCount)
        for holding in worklist { queued[holding] = true }
        let (contributions, inputHoldings) = (tables.contributions, tables.inputHoldings)
        let (readers, transformReaders) = (tables.readers, tables.transformReaders)
        let (senderHolding, recipientHolding, outputHolding) = (tables.senderHolding, tables.recipientHolding, tables.outputHolding)
        // Written word by word: assigning `none` or `universe` would share their storage, and the
        // next write would copy it.
        var value = none
        var contribution = none
        var bearing = none
        while let holding = worklist.popLast() {
            queued[holding] = false
            let start = origin[holding] ? none : universe
            for word in 0..<words { value[word] = start[word] }
            for position in contributions.positions(ofRow: holding) {
                switch contributions.element(at: position) {
                case .flow(let index):
                    let sender = senderHolding[index]
                    for word in 0..<words { contribution[word] = filters[sender * words + word] | applied[index * words + word] }
                case .transform(let index):
                    for word in 0..<words {
                        contribution[word] = universe[word]
                        bearing[word] = 0
                    }
                    for input in inputHoldings.positions(ofRow: index) {
                        let inputHolding = inputHoldings.element(at: input)
                        let exempt = notApplicable[inputKind(inputHolding)]
                        for word in 0..<words {
                            let carried = filters[inputHolding * words + word]
                            contribution[word] &= carried | exempt[word]
                            // An opt-out some input could have, or has, been filtered for.
                            bearing[word] |= carried | (universe[word] & ~exempt[word])
                        }
                    }
                    for word in 0..<words { contribution[word] &= bearing[word] }
                    if let cohort = cohortInput[index], let cohortHolding = tables.holdingID(Holding(transforms[index].holder.name, cohort)) {
                        for word in 0..<words { contribution[word] |= filters[cohortHolding * words + word] }
                    }
                    if isFilter[index] {
                        for word in 0..<words { contribution[word] |= filtering[index * words + word] }
                    }
                }
                for word in 0..<words { value[word] &= contribution[word] }
            }
            var changed = false
            for word in 0..<words where filters[holding * words + word] != value[word] {
                filters[holding * words + word] = value[word]
                changed = true
            }
            guard changed else { continue }
            // Everything that reads this holding may change.
            for position in readers.positions(ofRow: holding) {
                let next = recipientHolding[readers.element(at: position)]
                if !queued[next] { queued[next] = true; worklist.append(next) }
            }
            for position in transformReaders.positions(ofRow: holding) {
                let next = outputHolding[transformReaders.element(at: position)]
                if !queued[next] { queued[next] = true; worklist.append(next) }
            }
        }

        var arriving = [UInt64](repeating: 0, count: flows.count * words)
        for index in 0..<flows.count {
            let sender = senderHolding[index]
            for word in 0..<words { arriving[index * words + word] = filters[sender * words + word] | applied[index * words + word] }
        }
        self.arrivingFilters = bits.sets(arriving, count: flows.count)
        self.isOriginByHolding = origin
        self.bits = bits
        self.filterRows = filters
        let rows = filters
        self.views = Views(
            filtersAt: Lazy {
                let sets = bits.sets(rows, count: holdingCount)
                return tables.byHolding { sets[$0] }
            },
            origins: Lazy { Set((0..<holdingCount).filter { origin[$0] }.map(tables.holding)) }
        )
    }

    private struct Views: Sendable {
        let filtersAt: Lazy<[Holding: Set<String>]>
        let origins: Lazy<Set<Holding>>
    }
}
