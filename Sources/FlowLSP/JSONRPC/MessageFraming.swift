import Foundation

/// LSP base protocol framing: `Content-Length: N\r\n\r\n` followed by N bytes of JSON, on a pair
/// of file descriptors (stdin and stdout for `flowgate lsp`).
public struct MessageReader {
    private let descriptor: Int32
    private var buffer: [UInt8] = []
    /// Headers larger than this are not LSP: the stream is treated as ended rather than grown without bound.
    static let maximumHeaderSize = 8 * 1024

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The next message's body, or nil at the end of the input.
    public mutating func next() throws -> [UInt8]? {
        while true {
            if let headerEnd = headerEnd() {
                let length = try Self.contentLength(in: buffer[..<headerEnd])
                let bodyStart = headerEnd + 4
                while buffer.count < bodyStart + length {
                    guard try fill() else { return nil }
                }
                let body = Array(buffer[bodyStart..<(bodyStart + length)])
                buffer.removeFirst(bodyStart + length)
                return body
            }
            guard buffer.count <= Self.maximumHeaderSize, try fill() else { return nil }
        }
    }

    /// Whether another message has (at least partly) arrived: the caller can put off work that
    /// the next message may make stale (checking a model while the user is still typing).
    public var hasPendingInput: Bool {
        if !buffer.isEmpty { return true }
        var descriptor = pollfd(fd: self.descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    private func headerEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        for index in 0...(buffer.count - 4) where buffer[index] == 13 && buffer[index + 1] == 10 && buffer[index + 2] == 13 && buffer[index + 3] == 10 {
            return index
        }
        return nil
    }

    static func contentLength(in header: ArraySlice<UInt8>) throws -> Int {
        for line in String(decoding: header, as: UTF8.self).split(separator: "\r\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "content-length" else { continue }
            if let length = Int(parts[1].trimmingCharacters(in: .whitespaces)), length >= 0 { return length }
        }
        throw FramingError.missingContentLength
    }

    /// Reads what is available; false at the end of the input.
    private mutating func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                buffer += chunk[0..<count]
                return true
            }
            if count == 0 { return false }
            if errno == EINTR { continue }
            throw FramingError.readFailed(String(cString: strerror(errno)))
        }
    }
}

public enum FramingError: Error, CustomStringConvertible {
    case missingContentLength
    case readFailed(String)

    public var description: String {
        switch self {
        case .missingContentLength: "a message header has no Content-Length"
        case .readFailed(let reason): "reading the input failed: \(reason)"
        }
    }
}

/// Writes framed messages, each in one piece so that messages never interleave.
public struct MessageWriter {
    private let descriptor: Int32

    public init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    public func write(_ body: [UInt8]) {
        let frame = Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
        var written = 0
        while written < frame.count {
            let count = frame[written...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return
            }
            written += count
        }
    }
}
