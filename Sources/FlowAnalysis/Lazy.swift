import Foundation

/// A value built on first use, once, by whichever thread asks first (the rules run in parallel).
/// The name-keyed views of the analysis are built this way: they cost more than the analysis
/// itself and most runs read few of them.
final class Lazy<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var make: (@Sendable () -> Value)?
    private var stored: Value?

    init(_ make: @escaping @Sendable () -> Value) {
        self.make = make
    }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let stored { return stored }
        let made = make!()
        stored = made
        // The builder's captures are no longer needed once the value exists.
        make = nil
        return made
    }
}
