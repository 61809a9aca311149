import Foundation

/// Facts several rules derive from the same analysis (FG024's processor roles, say), computed
/// once per run and shared. Rules run in parallel, so the first rule to ask for a fact computes it
/// while the others that want it wait. Each fact has its own lock: a rule building one fact does
/// not hold up rules that want another, and a fact may be built from other facts (facts do not
/// depend on each other in a cycle).
public final class SharedFacts: @unchecked Sendable {
    private let lock = NSLock()
    private var cells: [ObjectIdentifier: Cell] = [:]

    /// One fact, built at most once.
    private final class Cell: @unchecked Sendable {
        let lock = NSLock()
        var value: (any Sendable)?
    }

    public init() {}

    public func value<Fact: Sendable>(_ type: Fact.Type, make: () -> Fact) -> Fact {
        lock.lock()
        let cell: Cell
        if let known = cells[ObjectIdentifier(type)] {
            cell = known
        } else {
            cell = Cell()
            cells[ObjectIdentifier(type)] = cell
        }
        lock.unlock()
        cell.lock.lock()
        defer { cell.lock.unlock() }
        if let known = cell.value as? Fact { return known }
        let made = make()
        cell.value = made
        return made
    }
}
