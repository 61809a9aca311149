import Foundation
import Testing

/// Runs the built `flowgate` executable (it sits beside the test bundle) in a directory.
struct CommandResult {
    let status: Int32
    let output: String
    let error: String
}

enum Flowgate {
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        let beside = directory.appendingPathComponent("flowgate")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        // swift-testing's runner: the bundle is the test binary itself.
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("flowgate")
    }

    /// Runs flowgate, or another program (`faketime`, `git`) given as `executable`.
    static func run(_ arguments: [String], in directory: URL, executable: URL = Flowgate.executable) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        try process.run()
        // Both pipes are drained at once: read one after the other, a child that filled the second
        // blocked while the first was read to its end, and neither side ever finished.
        let errorHandle = error.fileHandleForReading
        let errorData = ErrorData()
        let group = DispatchGroup()
        DispatchQueue.global().async(group: group) { errorData.data = errorHandle.readDataToEndOfFile() }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return CommandResult(
            status: process.terminationStatus,
            output: String(decoding: outputData, as: UTF8.self),
            error: String(decoding: errorData.data, as: UTF8.self)
        )
    }

    /// Written by the one block that reads stderr, read after the group is waited for.
    private final class ErrorData: @unchecked Sendable {
        var data = Data()
    }
}

/// A fresh temporary directory with the given files, removed afterwards by the caller.
func temporaryDirectory(_ files: [String: String]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowgate-cli-\(UUID().uuidString)")
    for (path, text) in files {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
}
