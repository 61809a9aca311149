import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A small flow-like graph whose nodes carry SVG ids `<prefix>-0`, `<prefix>-1`, ...
func sampleDOT(prefix: String = "node", nodes: Int = 4) -> String {
    var lines = ["digraph flow {", "  rankdir=LR;", "  node [shape=box];"]
    for index in 0..<nodes {
        lines.append("  n\(index) [id=\"\(prefix)-\(index)\", label=\"Step \(index)\"];")
    }
    for index in 1..<max(nodes, 1) {
        lines.append("  n\(index - 1) -> n\(index) [label=\"next\"];")
    }
    lines.append("}")
    return lines.joined(separator: "\n")
}

/// Runs `body` with file descriptor 2 redirected to a temporary file and returns
/// what was written to it. Other tests running at the same time may add their own
/// output (Swift Testing reports progress on stderr), so check for specific text.
func capturingStandardError<T>(_ body: () throws -> T) throws -> (value: T, stderr: String) {
    let path = FileManager.default.temporaryDirectory
        .appendingPathComponent("flowgraphviz-stderr-\(UUID().uuidString)").path
    let fileDescriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard fileDescriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
    defer { unlink(path) }

    fflush(nil)
    let savedDescriptor = dup(STDERR_FILENO)
    dup2(fileDescriptor, STDERR_FILENO)
    close(fileDescriptor)
    let value: T
    do {
        defer {
            fflush(nil)
            dup2(savedDescriptor, STDERR_FILENO)
            close(savedDescriptor)
        }
        value = try body()
    }
    return (value, readWholeFile(path))
}

/// With read(2): Foundation's `String(contentsOfFile:)` leaks a 4 KiB buffer on an empty file, which
/// scripts/asan-graphviz.sh (LeakSanitizer over these tests) would report.
private func readWholeFile(_ path: String) -> String {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return "" }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 4096)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        guard count > 0 else { break }
        bytes += chunk[0..<count]
    }
    return String(decoding: bytes, as: UTF8.self)
}

/// Width and height from a PNG's IHDR chunk, or nil if `bytes` is not a PNG.
func pngDimensions(_ bytes: [UInt8]) -> (width: UInt32, height: UInt32)? {
    let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    guard bytes.count >= 24, Array(bytes[0..<8]) == signature,
          Array(bytes[12..<16]) == Array("IHDR".utf8)
    else { return nil }
    func bigEndian(at offset: Int) -> UInt32 {
        bytes[offset..<offset + 4].reduce(0) { $0 << 8 | UInt32($1) }
    }
    return (bigEndian(at: 16), bigEndian(at: 20))
}
