import Dispatch

/// Data-parallel helpers for the pure stages (per-file parsing, per-rule checks). Results keep the
/// input order, so output stays byte-for-byte deterministic whatever the scheduling.
public enum Parallel {
    /// `items.map(transform)`, spread over the machine's cores.
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], _ transform: @Sendable (Item) -> Result
    ) -> [Result] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = Slots<Result>(count: items.count)
        items.withUnsafeBufferPointer { input in
            let input = UncheckedBuffer(buffer: input)
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                slots.store(transform(input.buffer[index]), at: index)
            }
        }
        return slots.take()
    }

    /// Runs two independent computations at once.
    public static func both<First: Sendable, Second: Sendable>(
        _ first: @Sendable () -> First, _ second: @Sendable () -> Second
    ) -> (First, Second) {
        let firstSlot = Slots<First>(count: 1)
        let secondSlot = Slots<Second>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 2) { index in
            if index == 0 { firstSlot.store(first(), at: 0) } else { secondSlot.store(second(), at: 0) }
        }
        return (firstSlot.take()[0], secondSlot.take()[0])
    }

    /// Starts `work` on another thread and returns at once, so the caller can do other work in
    /// place (mutating its own state, which `both` cannot) while it runs; `wait()` gives the result.
    public static func start<Result: Sendable>(_ work: @escaping @Sendable () -> Result) -> Pending<Result> {
        let pending = Pending<Result>()
        DispatchQueue.global().async { pending.finish(work()) }
        return pending
    }
}

extension Parallel {
    /// Frees `value` on another thread, leaving `empty` in its place: freeing a large structure
    /// visits every object in it (cold memory, by then), and the caller need not wait for that.
    /// `value` must hold the last references to what it holds for the freeing to move.
    public static func discard<Value: Sendable>(_ value: inout Value, leaving empty: Value) {
        let discarded = Discarded(value)
        value = empty
        DispatchQueue.global(qos: .utility).async { discarded.free() }
    }
}

/// What `Parallel.discard` frees, held only by the block that frees it.
private final class Discarded<Value: Sendable>: @unchecked Sendable {
    // Written only by `free`, once, on the one thread the block runs on.
    private var value: Value?

    init(_ value: Value) { self.value = value }

    func free() { value = nil }
}

/// The result of work begun with `Parallel.start`.
public final class Pending<Result: Sendable>: @unchecked Sendable {
    // Written once by the worker before it signals, read only after `wait` has seen the signal.
    private var result: Result?
    private let done = DispatchSemaphore(value: 0)

    fileprivate init() {}

    fileprivate func finish(_ value: Result) {
        result = value
        done.signal()
    }

    /// Blocks until the work has finished; call once.
    public func wait() -> Result {
        done.wait()
        defer { result = nil }
        return result!
    }
}

/// Each index is written by exactly one iteration, and read only after `concurrentPerform` returns.
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutablePointer<Value?>
    private let count: Int

    init(count: Int) {
        self.count = count
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil, count: count)
    }

    func store(_ value: Value, at index: Int) { storage[index] = value }

    func take() -> [Value] { (0..<count).map { storage[$0]! } }

    deinit {
        storage.deinitialize(count: count)
        storage.deallocate()
    }
}

/// Read-only access to the caller's array for the duration of the parallel loop.
private struct UncheckedBuffer<Element>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<Element>
}
