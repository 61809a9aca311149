import Dispatch

/// Per-index results computed on every free core and written straight into the result: joining
/// per-chunk arrays afterwards (`Parallel.map` then `flatMap`) copied every element again, on one
/// core, with a retain and a release each.
enum ParallelFill {
    /// `(0..<count).map(make)`, in `chunks` runs of consecutive indices taken by whichever core is
    /// free, so a core that starts late still gets its share.
    static func array<Element: Sendable>(count: Int, chunks: Int, _ make: @Sendable (Int) -> Element) -> [Element] {
        guard count > 0 else { return [] }
        let chunks = min(chunks, count)
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            let target = Target(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                for index in count * chunk / chunks..<count * (chunk + 1) / chunks {
                    (target.base + index).initialize(to: make(index))
                }
            }
            initialized = count
        }
    }

    /// Each index is written by exactly one iteration, and the buffer is read only after
    /// `concurrentPerform` returns.
    private struct Target<Element>: @unchecked Sendable {
        let base: UnsafeMutablePointer<Element>
    }
}
