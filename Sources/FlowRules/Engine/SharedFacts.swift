import Foundation

/// Facts several rules derive from the same analysis (FG024's processor roles, say), computed
/// once per run and shared. Rules run in parallel, so the first rule to ask computes the fact
/// while the others wait; the lock is recursive so one fact may be built from another.
public final class SharedFacts: @unchecked Sendable {
    private let lock = NSRecursiveLock()
    private var values: [ObjectIdentifier: any Sendable] = [:]

    public init() {}

    public func value<Fact: Sendable>(_ type: Fact.Type, make: () -> Fact) -> Fact {
        lock.lock()
        defer { lock.unlock() }
        if let known = values[ObjectIdentifier(type)] as? Fact { return known }
        let made = make()
        values[ObjectIdentifier(type)] = made
        return made
    }
}
