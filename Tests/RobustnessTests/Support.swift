import Foundation
import Testing

/// What a run of the built `flowgate` executable did.
struct RunResult {
    let status: Int32
    let output: String
    let error: String
    let timedOut: Bool
    let seconds: Double

    var all: String { output + error }
}

/// Runs the built `flowgate` executable (it sits beside the test bundle), like
/// Tests/FlowgateCLITests/CommandRunner.swift, but with a time limit: a hang is a failure, not a
/// stuck test run.
enum Flowgate {
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        let beside = directory.appendingPathComponent("flowgate")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("flowgate")
    }

    static func run(_ arguments: [String], in directory: URL, timeout: Double = 120) throws -> RunResult {
        try run(executable: executable, arguments, in: directory, timeout: timeout)
    }

    /// Runs flowgate under `sh` with `ulimit -f BLOCKS` (512-byte blocks) and SIGXFSZ ignored, so a write
    /// past the limit fails with EFBIG the way a write to a full disk fails with ENOSPC.
    static func runWithFileSizeLimit(blocks: Int, _ arguments: [String], in directory: URL) throws -> RunResult {
        let script = "trap '' XFSZ; ulimit -f \(blocks) && exec \"$0\" \"$@\""
        return try run(executable: URL(fileURLWithPath: "/bin/sh"), ["-c", script, executable.path] + arguments, in: directory, timeout: 120)
    }

    static func run(executable: URL, _ arguments: [String], in directory: URL, timeout: Double) throws -> RunResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let output = Pipe()
        let error = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        let start = Date()
        try process.run()
        let collected = Collected()
        let group = DispatchGroup()
        let outputHandle = output.fileHandleForReading
        let errorHandle = error.fileHandleForReading
        DispatchQueue.global().async(group: group) { collected.set(output: outputHandle.readDataToEndOfFile()) }
        DispatchQueue.global().async(group: group) { collected.set(error: errorHandle.readDataToEndOfFile()) }
        var timedOut = false
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            timedOut = true
            process.terminate()
            if finished.wait(timeout: .now() + 5) == .timedOut {
                kill(process.processIdentifier, SIGKILL)
                finished.wait()
            }
        }
        group.wait()
        return RunResult(
            status: process.terminationStatus, output: String(decoding: collected.output, as: UTF8.self),
            error: String(decoding: collected.error, as: UTF8.self), timedOut: timedOut, seconds: Date().timeIntervalSince(start)
        )
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var output = Data()
        private(set) var error = Data()
        func set(output data: Data) { lock.withLock { output = data } }
        func set(error data: Data) { lock.withLock { error = data } }
    }
}

/// A fresh temporary directory with the given files; remove it with `removeTree`.
func temporaryDirectory(_ files: [String: String] = [:]) throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("flowgate-robust-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for (path, text) in files {
        let url = directory.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }
    return directory
}

/// Removes a test directory, first making anything a test made unreadable readable again.
func removeTree(_ directory: URL) {
    _ = try? Process.run(URL(fileURLWithPath: "/bin/chmod"), arguments: ["-R", "u+rwx", directory.path]).waitUntilExit()
    try? FileManager.default.removeItem(at: directory)
}

/// Temporary files `AtomicFile.write` leaves if it is interrupted: `.NAME.PID.RANDOM.tmp`.
func strayTemporaryFiles(in directory: URL) -> [String] {
    var result: [String] = []
    var pending = [directory.path]
    while let current = pending.popLast() {
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: current)) ?? [] {
            let path = current + "/" + entry
            var isDirectory: ObjCBool = false
            // Do not follow links: the symbolic-link tests make loops on purpose.
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            if attributes?[.type] as? FileAttributeType == .typeDirectory,
               FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                pending.append(path)
            } else if entry.hasPrefix("."), entry.hasSuffix(".tmp") {
                result.append(path)
            }
        }
    }
    return result
}

enum System {
    static let isRoot = getuid() == 0

    /// Mounts a tmpfs of `size` (e.g. "64k") at `path` (root only); false when that is not possible
    /// (not root, or a container without the capability).
    /// FLOWGATE_TEST_NO_MOUNT=1 forces the fallbacks, to test them where mounting works.
    static func mountTmpfs(at path: String, size: String) -> Bool {
        guard isRoot, ProcessInfo.processInfo.environment["FLOWGATE_TEST_NO_MOUNT"] == nil else { return false }
        return command("/bin/mount", ["-t", "tmpfs", "-o", "size=\(size),mode=0755", "tmpfs", path]) == 0
    }

    static func remountReadOnly(_ path: String) -> Bool {
        command("/bin/mount", ["-o", "remount,ro", path]) == 0
    }

    static func unmount(_ path: String) {
        _ = command("/bin/umount", [path])
    }

    static func command(_ executable: String, _ arguments: [String]) -> Int32 {
        guard FileManager.default.isExecutableFile(atPath: executable) else { return -1 }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// A valid model with a few flows, written unformatted (so `fmt` has work to do).
enum Sample {
    static let model = """
    use std
    org a   "A Trust" { kind trust; public-authority yes }
    org b   "B ICB" { kind icb; public-authority yes }
    dataset s "Staff counts" { origin non-health; level aggregate; source a }
    purpose p "Payroll" { category processing-support }
    flow f1 a -> b "Payroll"   { data s; level aggregate; purpose p; suppress-below 8; round-to 5 }

    """

    /// An unformatted file of about `bytes` bytes: the sample model plus many unformatted flows.
    static func large(bytes: Int) -> String {
        var text = model
        var index = 2
        while text.utf8.count < bytes {
            text += "flow   f\(index) a -> b \"Flow \(index)\"   { data s; level aggregate;   purpose p; suppress-below 8; round-to 5 }\n"
            index += 1
        }
        return text
    }
}
