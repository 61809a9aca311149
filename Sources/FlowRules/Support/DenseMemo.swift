/// A value for some of a dense range of ids (holdings, datasets), absent for the rest: what an
/// array of optionals holds, without its cost. Copying and destroying an array of optionals goes
/// element by element through `Optional`'s generic value witnesses, which for a table per holding
/// cost more than the walk that fills it; here the ids map to positions in an `[Int]`, and only
/// the values present are stored.
struct DenseMemo<Value> {
    /// By id, the position in `values`, or -1.
    private var positions: [Int]
    /// Present values, in the order first set.
    private var values: [Value] = []

    /// No value for any of `0..<count`.
    init(count: Int) {
        positions = [Int](repeating: -1, count: count)
    }

    /// Setting nil forgets the id's value.
    subscript(id: Int) -> Value? {
        get {
            let position = positions[id]
            return position < 0 ? nil : values[position]
        }
        set {
            guard let newValue else {
                positions[id] = -1
                return
            }
            if positions[id] < 0 {
                positions[id] = values.count
                values.append(newValue)
            } else {
                values[positions[id]] = newValue
            }
        }
    }

    /// Replaces every present value by `transform` of it.
    mutating func transformValues(_ transform: (Value) -> Value) {
        for position in values.indices { values[position] = transform(values[position]) }
    }
}

extension DenseMemo {
    /// Changes the id's value in place, starting it at `initial` when the id has none: reading the
    /// value out and setting it back would copy it, since the memo still holds it meanwhile.
    mutating func update<Result>(_ id: Int, startingWith initial: @autoclosure () -> Value, _ change: (inout Value) -> Result) -> Result {
        if positions[id] < 0 {
            positions[id] = values.count
            values.append(initial())
        }
        return change(&values[positions[id]])
    }

    /// Appends `element` to the id's list, starting the list when the id has none.
    mutating func append<Element>(_ element: Element, at id: Int) where Value == [Element] {
        if positions[id] < 0 {
            positions[id] = values.count
            values.append([element])
        } else {
            values[positions[id]].append(element)
        }
    }
}

extension DenseMemo: Sendable where Value: Sendable {}
