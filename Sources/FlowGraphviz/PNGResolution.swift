/// Records a PNG's resolution in a `pHYs` chunk. cairo's PNG writer leaves it out, so a word
/// processor places a 300-dpi drawing at 96 dpi, three times its printed size, and a DPO has to
/// shrink it by hand; with the chunk it goes in at the size it was drawn for.
enum PNGResolution {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// `png` with a `pHYs` chunk of `dpi` (in pixels per metre, as PNG records it) after its `IHDR`
    /// chunk; unchanged when it is not a PNG or already has one.
    static func stamped(_ png: [UInt8], dpi: Int) -> [UInt8] {
        let header = 8 + 8 + 13 + 4
        guard png.count > header, Array(png.prefix(8)) == signature, Array(png[12..<16]) == Array("IHDR".utf8),
              !contains(png, type: "pHYs") else { return png }
        let perMetre = UInt32((Double(dpi) / 0.0254).rounded())
        let body = Array("pHYs".utf8) + bigEndian(perMetre) + bigEndian(perMetre) + [1]
        let chunk = bigEndian(9) + body + bigEndian(crc32(body))
        return Array(png.prefix(header)) + chunk + Array(png.dropFirst(header))
    }

    static func contains(_ png: [UInt8], type: String) -> Bool {
        var offset = 8
        let wanted = Array(type.utf8)
        while offset + 8 <= png.count {
            let length = png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            if Array(png[offset + 4..<offset + 8]) == wanted { return true }
            offset += 12 + length
        }
        return false
    }

    static func bigEndian(_ value: UInt32) -> [UInt8] {
        [24, 16, 8, 0].map { UInt8(truncatingIfNeeded: value >> $0) }
    }

    /// The CRC-32 PNG chunks end with (ISO 3309, polynomial 0xEDB88320, over type and data).
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        return crc ^ 0xFFFF_FFFF
    }
}
