/// One `.flow` file's text, with the line table needed to turn byte offsets into line and column.
public struct SourceFile: Sendable, Hashable {
    /// The path as shown to users (relative to where the command was run, when possible).
    public let path: String
    public let bytes: [UInt8]
    /// Byte offset of the first byte of every line.
    public let lineStarts: [Int]
    /// Whether the bytes are text at all (valid UTF-8 with no NUL): a diagnostic quotes no line of
    /// a file that is not, since it may be `/etc/shadow` or a key reached through a symbolic link.
    public let isText: Bool
    /// A leading UTF-8 byte-order mark, which editors on Windows write: skipped by the lexer and
    /// not counted in line 1's columns.
    public let hasByteOrderMark: Bool

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.bytes = bytes
        let (lineStarts, isASCIIWithoutNUL, hasNUL) = Self.scan(bytes)
        self.lineStarts = lineStarts
        self.isText = isASCIIWithoutNUL || (!hasNUL && UTF8Validation.firstInvalidOffset(in: bytes) == nil)
        self.hasByteOrderMark = bytes.starts(with: Self.byteOrderMark)
    }

    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Where each line starts, found eight bytes at a time: the line breaks of every loaded file
    /// were searched a byte at a time, a few instructions for each byte of an estate. The same
    /// pass finds whether every byte is ASCII and whether any is NUL.
    private static func scan(_ bytes: [UInt8]) -> (lineStarts: [Int], isASCIIWithoutNUL: Bool, hasNUL: Bool) {
        var starts = [0]
        var highBits: UInt64 = 0
        var nulBits: UInt64 = 0
        starts.reserveCapacity(bytes.count / 24 + 1)
        bytes.withUnsafeBytes { raw in
            let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
            var index = 0
            while index + 8 <= raw.count {
                let raw = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                highBits |= raw
                nulBits |= ~(((raw & lowBits) &+ lowBits) | raw) & ~lowBits
                let word = raw ^ 0x0A0A_0A0A_0A0A_0A0A
                // The high bit of each byte that was a line break (so is now zero), exactly: adding
                // 0x7F to the low seven bits carries into the high bit of every nonzero byte only.
                var breaks = ~(((word & lowBits) &+ lowBits) | word) & ~lowBits
                while breaks != 0 {
                    starts.append(index + breaks.trailingZeroBitCount / 8 + 1)
                    breaks &= breaks &- 1
                }
                index += 8
            }
            while index < raw.count {
                if raw[index] == UInt8(ascii: "\n") { starts.append(index + 1) }
                highBits |= UInt64(raw[index])
                if raw[index] == 0 { nulBits = 0x80 }
                index += 1
            }
        }
        let hasNUL = nulBits != 0
        return (starts, highBits & 0x8080_8080_8080_8080 == 0 && !hasNUL, hasNUL)
    }

    public init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    /// 1-based line and column (columns count Unicode scalars, as editors do).
    public func location(of offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        let lineStart = lineStarts[low]
        // The byte-order mark is not text: line 1's columns start after it.
        var column = low == 0 && hasByteOrderMark && clamped >= 3 ? 0 : 1
        var index = lineStart
        while index < clamped {
            if bytes[index] & 0xC0 != 0x80 { column += 1 }
            index += 1
        }
        return SourceLocation(line: low + 1, column: column)
    }

    /// The text of a 1-based line, without its line break; invalid UTF-8 is replaced.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<max(start, end)], as: UTF8.self)
    }
}

public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let line: Int
    public let column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }

    public var description: String { "\(line):\(column)" }
}
