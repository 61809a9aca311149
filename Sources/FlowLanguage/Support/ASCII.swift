/// Byte tests on UTF-8 text, for checks that need no decoded `String`.
enum ASCII {
    static func startsWithLetter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        // Setting bit 5 folds A–Z onto a–z and moves no other byte into that range.
        let folded = first | 0x20
        return folded >= UInt8(ascii: "a") && folded <= UInt8(ascii: "z")
    }
}
