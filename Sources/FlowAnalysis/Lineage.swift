import FlowModel

public enum Lineage {
    /// Every dataset's ancestors, computed once (derivation is acyclic: the resolver rejects cycles).
    public static func ancestorsByDataset(in model: SemanticModel) -> [String: Set<String>] {
        let inputsOf = model.derivationInputs
        var result: [String: Set<String>] = [:]
        for root in inputsOf.keys.sorted() {
            closure(of: root, inputs: { inputsOf[$0] ?? [] }, memo: &result)
        }
        return result
    }

    /// Memoises in `memo` the ancestors of `root` and of everything it derives from. An iterative
    /// post-order, so long derivation chains cannot exhaust the stack.
    static func closure<ID: Hashable>(of root: ID, inputs inputsOf: (ID) -> [ID], memo: inout [ID: Set<ID>]) {
        var stack: [(id: ID, expanded: Bool)] = [(root, false)]
        while let (id, expanded) = stack.popLast() {
            if memo[id] != nil { continue }
            let inputs = inputsOf(id)
            if expanded {
                var all = Set(inputs)
                for input in inputs { all.formUnion(memo[input] ?? []) }
                memo[id] = all
            } else {
                stack.append((id, true))
                for input in inputs where memo[input] == nil { stack.append((input, false)) }
            }
        }
    }

    /// Every dataset `id` is derived from, transitively (a walk from `id` only).
    public static func ancestors(of id: String, in model: SemanticModel) -> Set<String> {
        var result: Set<String> = []
        var pending = [id]
        while let current = pending.popLast() {
            for input in model.derivationInputs[current] ?? [] where result.insert(input).inserted {
                pending.append(input)
            }
        }
        return result
    }
}

/// Ancestor sets by dataset id, each computed when first asked for: the linkage check asks about
/// few datasets, and building every set up front is quadratic when one dataset is derived from
/// thousands (a national collection from every practice's).
struct AncestorSets {
    private let inputsOf: [String: [String]]
    private let datasets: NameTable
    /// Names in the derivation table that the graph does not know, numbered after its ids.
    private var extra: [String: Int] = [:]
    private var extraNames: [String] = []
    private var memo: [Int: Set<Int>] = [:]

    init(model: SemanticModel, datasets: NameTable) {
        self.inputsOf = model.derivationInputs
        self.datasets = datasets
    }

    mutating func of(_ dataset: Int) -> Set<Int> {
        if let known = memo[dataset] { return known }
        // Moved out while the walk runs (it also numbers new names), so it is not copied.
        var memo: [Int: Set<Int>] = [:]
        swap(&memo, &self.memo)
        Lineage.closure(of: dataset, inputs: { inputs(of: $0) }, memo: &memo)
        swap(&memo, &self.memo)
        return self.memo[dataset]!
    }

    private mutating func inputs(of dataset: Int) -> [Int] {
        let name = dataset < datasets.count ? datasets.names[dataset] : extraNames[dataset - datasets.count]
        guard let names = inputsOf[name] else { return [] }
        return names.map { name in
            if let id = datasets.id(name) ?? extra[name] { return id }
            let id = datasets.count + extraNames.count
            extra[name] = id
            extraNames.append(name)
            return id
        }
    }
}
