extension Array {
    /// A copy in storage of its own, sized to fit, so the original can be emptied and reused.
    func exactCopy() -> [Element] {
        guard !isEmpty else { return [] }
        return [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            initialized = withUnsafeBufferPointer { buffer.initialize(fromContentsOf: $0) }
        }
    }
}
