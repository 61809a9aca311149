import Foundation
import Testing

/// A Language Server Protocol client: runs `flowgate lsp` as a separate process and speaks
/// Content-Length framed JSON-RPC to it over pipes, as an editor does.
final class LanguageServerClient {
    private let process = Process()
    private let toServer = Pipe()
    private let fromServer = Pipe()
    private var buffer: [UInt8] = []
    private var nextID = 1
    /// Notifications received while waiting for something else, oldest first.
    private var pending: [[String: Any]] = []

    /// `directory` is the server's working directory; the standard library is written under it.
    init(directory: URL, arguments: [String] = ["lsp", "--as-of", "2026-11-23"]) throws {
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_CACHE_HOME"] = directory.appendingPathComponent(".cache").path
        process.environment = environment
        process.standardInput = toServer
        process.standardOutput = fromServer
        process.standardError = FileHandle.nullDevice
        try process.run()
        // A server that stops answering must fail the test, not hang it.
        let watched = Watched(process)
        DispatchQueue.global().asyncAfter(deadline: .now() + 120) { watched.terminate() }
    }

    /// The server's resident set size in kibibytes (Linux: `VmRSS` of /proc/PID/status).
    func residentKibibytes() throws -> Int {
        let status = try String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
              let value = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else {
            throw ClientError("no VmRSS in /proc/\(process.processIdentifier)/status")
        }
        return value
    }

    static var executable: URL {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        let beside = directory.appendingPathComponent("flowgate")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("flowgate")
    }

    /// Sends a request and returns the whole response message (`result` or `error`).
    func request(_ method: String, _ params: Any) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        try send(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        while true {
            let message = try read()
            if message["id"] as? Int == id, message["method"] == nil { return message }
            pending.append(message)
        }
    }

    /// The result of a request that must succeed.
    func result(_ method: String, _ params: Any) throws -> Any? {
        let response = try request(method, params)
        if let error = response["error"] { Issue.record("\(method) failed: \(error)") }
        return response["result"]
    }

    func notify(_ method: String, _ params: Any? = nil) throws {
        var message: [String: Any] = ["jsonrpc": "2.0", "method": method]
        if let params { message["params"] = params }
        try send(message)
    }

    /// The next diagnostics published for `uri`, of the document's `version` when given
    /// (skipping other notifications, and diagnostics of earlier versions).
    func diagnostics(for uri: String, version: Int? = nil) throws -> [[String: Any]] {
        let wanted = { (message: [String: Any]) in
            Self.isDiagnostics(message, for: uri) && (version == nil || (message["params"] as? [String: Any])?["version"] as? Int == version)
        }
        while true {
            let message: [String: Any]
            if let index = pending.firstIndex(where: wanted) {
                message = pending.remove(at: index)
            } else {
                message = try read()
                guard wanted(message) else {
                    pending.append(message)
                    continue
                }
            }
            let params = message["params"] as? [String: Any]
            return params?["diagnostics"] as? [[String: Any]] ?? []
        }
    }

    /// Sends `exit` and waits for the process to end; its exit status.
    func exit() throws -> Int32 {
        try notify("exit")
        try toServer.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationStatus
    }

    private static func isDiagnostics(_ message: [String: Any], for uri: String) -> Bool {
        message["method"] as? String == "textDocument/publishDiagnostics" && (message["params"] as? [String: Any])?["uri"] as? String == uri
    }

    private func send(_ message: [String: Any]) throws {
        let body = try JSONSerialization.data(withJSONObject: message)
        toServer.fileHandleForWriting.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    private func read() throws -> [String: Any] {
        while true {
            if let end = headerEnd() {
                let header = String(decoding: buffer[..<end], as: UTF8.self)
                guard let line = header.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
                      let length = Int(line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) else {
                    throw ClientError("a message without Content-Length: \(header)")
                }
                while buffer.count < end + 4 + length { try fill() }
                let body = Data(buffer[(end + 4)..<(end + 4 + length)])
                buffer.removeFirst(end + 4 + length)
                guard let message = try JSONSerialization.jsonObject(with: body) as? [String: Any] else {
                    throw ClientError("a message that is not a JSON object")
                }
                return message
            }
            try fill()
        }
    }

    private func headerEnd() -> Int? {
        guard buffer.count >= 4 else { return nil }
        return (0...(buffer.count - 4)).first { buffer[$0] == 13 && buffer[$0 + 1] == 10 && buffer[$0 + 2] == 13 && buffer[$0 + 3] == 10 }
    }

    private func fill() throws {
        let data = fromServer.fileHandleForReading.availableData
        guard !data.isEmpty else { throw ClientError("the server closed its output") }
        buffer += data
    }

    /// The process, ended by the watchdog if the test is still waiting on it.
    private final class Watched: @unchecked Sendable {
        let process: Process
        init(_ process: Process) { self.process = process }
        func terminate() { if process.isRunning { process.terminate() } }
    }
}

struct ClientError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A document's text on the client's side, edited as the server's edits say.
struct ClientDocument {
    var text: String

    /// Applies `TextEdit`s (the protocol's JSON), last first so earlier positions stay valid.
    mutating func apply(_ edits: [[String: Any]]) {
        let sorted = edits.sorted { Self.start($1).lexicographicallyPrecedes(Self.start($0)) }
        for edit in sorted {
            let range = edit["range"] as? [String: Any] ?? [:]
            let start = offset(range["start"])
            let end = offset(range["end"])
            var units = Array(text.utf16)
            units.replaceSubrange(start..<end, with: Array((edit["newText"] as? String ?? "").utf16))
            text = String(decoding: units, as: UTF16.self)
        }
    }

    /// The position of the `occurrence`-th `needle`, `within` UTF-16 units into it.
    func position(of needle: String, occurrence: Int = 0, within: Int = 0) -> [String: Int] {
        var found = 0
        for (line, content) in text.components(separatedBy: "\n").enumerated() {
            var searchStart = content.startIndex
            while let range = content.range(of: needle, range: searchStart..<content.endIndex) {
                if found == occurrence {
                    return ["line": line, "character": content.utf16.distance(from: content.startIndex, to: range.lowerBound) + within]
                }
                found += 1
                searchStart = range.upperBound
            }
        }
        Issue.record("`\(needle)` not found")
        return ["line": 0, "character": 0]
    }

    private func offset(_ position: Any?) -> Int {
        let position = position as? [String: Int] ?? [:]
        let lines = text.components(separatedBy: "\n")
        let line = position["line"] ?? 0
        let before = lines.prefix(line).reduce(0) { $0 + $1.utf16.count + 1 }
        return before + (position["character"] ?? 0)
    }

    private static func start(_ edit: [String: Any]) -> [Int] {
        let start = (edit["range"] as? [String: Any])?["start"] as? [String: Int] ?? [:]
        return [start["line"] ?? 0, start["character"] ?? 0]
    }
}
