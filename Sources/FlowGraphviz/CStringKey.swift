import Foundation

/// The exact bytes of C strings, as a dictionary key for Graphviz callbacks, which run for every
/// object parsed and every text span measured.
///
/// Not `String`: its equality is canonical equivalence, which would merge names (and texts) whose
/// bytes differ. Not a plain `[UInt8]` key either: its hashing feeds the hasher a byte at a time.
struct CStringKey: Hashable {
    /// The strings' bytes, each but the last followed by a NUL.
    let bytes: [UInt8]

    init(_ string: UnsafePointer<CChar>) {
        bytes = Array(UnsafeRawBufferPointer(start: string, count: strlen(string)))
    }

    /// `first`, a NUL, then `second`.
    init(_ first: UnsafePointer<CChar>, _ second: UnsafePointer<CChar>) {
        let firstLength = strlen(first), secondLength = strlen(second)
        bytes = [UInt8](unsafeUninitializedCapacity: firstLength + 1 + secondLength) { buffer, count in
            guard let base = buffer.baseAddress else { return }
            memcpy(base, first, firstLength)
            base[firstLength] = 0
            memcpy(base + firstLength + 1, second, secondLength)
            count = firstLength + 1 + secondLength
        }
    }

    func hash(into hasher: inout Hasher) {
        bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
}
