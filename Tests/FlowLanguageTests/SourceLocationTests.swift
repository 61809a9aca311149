import FlowLanguage
import Testing

/// Byte offsets become 1-based lines and columns that count Unicode scalars, as editors do.
@Suite struct SourceLocationTests {
    private let file = SourceFile(path: "a.flow", text: "ab\r\né😀x\n\nlast")

    @Test(arguments: [
        (0, 1, 1), (1, 1, 2), (2, 1, 3), (3, 1, 4),   // `\r` is a column; `\n` ends the line
        (4, 2, 1), (6, 2, 2), (10, 2, 3), (11, 2, 4), // é is 2 bytes, 😀 is 4
        (12, 3, 1), (13, 4, 1), (17, 4, 5),           // end of file
        (-5, 1, 1), (1_000, 4, 5),                    // clamped
    ])
    func location(_ offset: Int, _ line: Int, _ column: Int) {
        #expect(file.location(of: offset) == FlowLanguage.SourceLocation(line: line, column: column))
    }

    @Test func lineText() {
        #expect(file.lineText(1) == "ab", "without `\\r\\n`")
        #expect(file.lineText(2) == "é😀x")
        #expect(file.lineText(3) == "")
        #expect(file.lineText(4) == "last")
        #expect(file.lineText(0) == "" && file.lineText(5) == "")
    }

    @Test func invalidUTF8LineTextIsReplacedNotTrapped() {
        let broken = SourceFile(path: "b.flow", bytes: [0x61, 0xFF, 0x62])
        #expect(broken.lineText(1) == "a\u{FFFD}b")
        #expect(broken.location(of: 2) == FlowLanguage.SourceLocation(line: 1, column: 3))
    }
}

/// Line starts are found eight bytes at a time; bytes next to a line break that differ from it
/// by one bit, or that have the high bit set, must not be taken for one.
@Suite struct LineStartTests {
    @Test(arguments: [1, 2, 3] as [UInt64])
    func lineStartsMatchAByteByByteScan(seed: UInt64) {
        var generator = SeededGenerator(seed: seed)
        let alphabet: [UInt8] = [0x0A, 0x0B, 0x08, 0x8A, 0x80, 0xFF, 0x00, 0x61]
        for count in [0, 1, 7, 8, 9, 15, 16, 17, 1_000] {
            let bytes = (0..<count).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] }
            let expected = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
            #expect(SourceFile(path: "r.flow", bytes: bytes).lineStarts == expected)
        }
    }
}
