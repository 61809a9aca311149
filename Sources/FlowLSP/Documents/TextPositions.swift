import FlowLanguage

/// Between the protocol's positions (zero-based lines, UTF-16 code units) and byte offsets.
enum TextPositions {
    static func position(of offset: Int, in file: SourceFile) -> Position {
        let clamped = max(0, min(offset, file.bytes.count))
        var low = 0
        var high = file.lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if file.lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        var units = 0
        var index = file.lineStarts[low]
        while index < clamped {
            units += utf16Units(leadByte: file.bytes[index])
            index += 1
        }
        return Position(line: low, character: units)
    }

    /// The byte offset of `position`, clamped to its line (and the line to the file).
    static func offset(of position: Position, in file: SourceFile) -> Int {
        guard position.line >= 0 else { return 0 }
        guard position.line < file.lineStarts.count else { return file.bytes.count }
        let lineEnd = position.line + 1 < file.lineStarts.count ? file.lineStarts[position.line + 1] - 1 : file.bytes.count
        var index = file.lineStarts[position.line]
        var units = 0
        while index < lineEnd, units < position.character {
            units += utf16Units(leadByte: file.bytes[index])
            index += 1
            while index < lineEnd, file.bytes[index] & 0xC0 == 0x80 { index += 1 }
        }
        return index
    }

    static func range(of span: SourceSpan, in file: SourceFile) -> TextRange {
        TextRange(start: position(of: span.start, in: file), end: position(of: span.end, in: file))
    }

    /// UTF-16 code units of the scalar a byte starts: none for a continuation byte, two for a
    /// four-byte sequence (outside the Basic Multilingual Plane).
    private static func utf16Units(leadByte byte: UInt8) -> Int {
        if byte & 0xC0 == 0x80 { return 0 }
        return byte >= 0xF0 ? 2 : 1
    }
}
