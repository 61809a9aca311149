import FlowIO
import FlowModel
import Foundation

/// Runs git (found on PATH) in the current directory.
enum Git {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// Runs `git ARGUMENTS`, feeding `input` on standard input; returns standard output, or throws
    /// with git's own message when it exits non-zero.
    static func run(_ arguments: [String], input: Data? = nil) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        let output = Pipe()
        let error = Pipe()
        let standardInput = Pipe()
        process.standardOutput = output
        process.standardError = error
        process.standardInput = input == nil ? FileHandle.nullDevice : standardInput
        // `waitUntilExit` polls every 50 ms on Linux; a termination handler does not.
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw Failure(description: "cannot run git: \(FileErrorText.reason(error))")
        }
        let collected = Collected()
        let group = DispatchGroup()
        let errorHandle = error.fileHandleForReading
        DispatchQueue.global().async(group: group) { collected.error = errorHandle.readDataToEndOfFile() }
        if let input {
            let inputHandle = standardInput.fileHandleForWriting
            DispatchQueue.global().async(group: group) {
                inputHandle.write(input)
                try? inputHandle.close()
            }
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        finished.wait()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let message = String(decoding: collected.error, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw Failure(description: message.isEmpty ? "git \(arguments.first ?? "") failed (status \(process.terminationStatus))" : message)
        }
        return data
    }

    private final class Collected: @unchecked Sendable {
        var error = Data()
    }
}

/// The `.flow` files of a git revision, read with `git ls-tree` and `git cat-file --batch`, by the
/// paths `git ls-tree` shows them (relative to the current directory, like the working tree's).
///
/// The files under the requested paths are read up front; an `include` that reaches outside them
/// is looked up in the same revision when the loader asks for it.
final class GitRevisionSourceProvider: SourceProvider, @unchecked Sendable {
    let revision: String
    private let lock = NSLock()
    /// Path → bytes of every file read so far.
    private var files: [String: [UInt8]] = [:]
    /// Paths looked up and not found in the revision.
    private var missing: Set<String> = []
    /// Directories listed so far (path → its `.flow` files).
    private var directories: [String: [String]] = [:]

    /// Resolves `revision` to a commit and reads every `.flow` file below `paths` in it.
    init(revision: String, paths: [String]) throws {
        let commit: Data
        do {
            commit = try Git.run(["rev-parse", "--verify", "--quiet", "--end-of-options", revision + "^{commit}"])
        } catch let failure as Git.Failure where !failure.description.contains("fatal") {
            throw Git.Failure(description: "no commit `\(revision)` in this repository")  // --quiet: git said nothing
        }
        self.revision = String(decoding: commit, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        for path in paths {
            let normalised = PathArithmetic.normalise(path)
            let entries = try list(normalised)
            if entries.count == 1, entries[0].path == normalised {
                continue  // a single file, already read
            }
            directories[normalised] = entries.map(\.path).filter { $0.hasSuffix(".flow") }
        }
    }

    /// The `.flow` files found below the requested paths, sorted.
    var allFiles: [String] {
        lock.withLock { files.keys.filter { $0.hasSuffix(".flow") }.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) } }
    }

    /// Lists the regular files at or below `path` in the revision and reads the `.flow` ones.
    @discardableResult
    private func list(_ path: String) throws -> [(path: String, object: String)] {
        let data = try Git.run(["ls-tree", "-r", "-z", "--end-of-options", revision, "--", path])
        var entries: [(path: String, object: String)] = []
        for record in data.split(separator: 0) {
            // `<mode> SP <type> SP <object> TAB <path>`
            let text = String(decoding: record, as: UTF8.self)
            guard let tab = text.firstIndex(of: "\t") else { continue }
            let fields = text[..<tab].split(separator: " ")
            guard fields.count == 3, fields[1] == "blob", fields[0] == "100644" || fields[0] == "100755" else { continue }
            entries.append((PathArithmetic.normalise(String(text[text.index(after: tab)...])), String(fields[2])))
        }
        let wanted = entries.filter { $0.path.hasSuffix(".flow") || $0.path == path }
        let contents = try Self.read(objects: wanted.map(\.object))
        lock.withLock {
            for (entry, bytes) in zip(wanted, contents) { files[entry.path] = bytes }
            if entries.isEmpty { missing.insert(path) }
        }
        return entries
    }

    /// Blob contents by object name, in one `git cat-file --batch`.
    static func read(objects: [String]) throws -> [[UInt8]] {
        guard !objects.isEmpty else { return [] }
        let output = [UInt8](try Git.run(["cat-file", "--batch"], input: Data((objects.joined(separator: "\n") + "\n").utf8)))
        var result: [[UInt8]] = []
        var index = 0
        for object in objects {
            // `<object> <type> <size>\n<contents>\n`
            guard let newline = output[index...].firstIndex(of: UInt8(ascii: "\n")) else {
                throw Git.Failure(description: "git cat-file: unexpected end of output reading \(object)")
            }
            let header = String(decoding: output[index..<newline], as: UTF8.self).split(separator: " ")
            guard header.count == 3, let size = Int(header[2]), newline + 1 + size <= output.count else {
                throw Git.Failure(description: "git cat-file: cannot read \(object): \(header.joined(separator: " "))")
            }
            result.append(Array(output[(newline + 1)..<(newline + 1 + size)]))
            index = newline + 1 + size + 1
        }
        return result
    }

    /// Looks a path up in the revision the first time it is asked about.
    private func lookUp(_ path: String) {
        let known = lock.withLock { files[path] != nil || missing.contains(path) || directories[path] != nil }
        guard !known else { return }
        guard let entries = try? list(path) else {
            lock.withLock { _ = missing.insert(path) }
            return
        }
        if !(entries.count == 1 && entries[0].path == path), !entries.isEmpty {
            lock.withLock { directories[path] = entries.map(\.path).filter { $0.hasSuffix(".flow") } }
        }
    }

    func read(_ path: String) throws -> [UInt8] {
        let normalised = PathArithmetic.normalise(path)
        lookUp(normalised)
        guard let bytes = lock.withLock({ files[normalised] }) else {
            throw SourceProviderError("no such file in \(revision.prefix(12))")
        }
        return bytes
    }

    func size(of path: String) -> Int? {
        let normalised = PathArithmetic.normalise(path)
        lookUp(normalised)
        return lock.withLock { files[normalised]?.count }
    }

    func isDirectory(_ path: String) -> Bool {
        let normalised = PathArithmetic.normalise(path)
        lookUp(normalised)
        return lock.withLock { directories[normalised] != nil }
    }

    func exists(_ path: String) -> Bool {
        let normalised = PathArithmetic.normalise(path)
        lookUp(normalised)
        return lock.withLock { files[normalised] != nil || directories[normalised] != nil }
    }

    func flowFiles(under directory: String) throws -> [String] {
        let normalised = PathArithmetic.normalise(directory)
        lookUp(normalised)
        guard let listed = lock.withLock({ directories[normalised] }) else {
            throw SourceProviderError("no such directory in \(revision.prefix(12))")
        }
        return listed.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
    }

    func identity(of path: String) -> String { PathArithmetic.normalise(path) }
}
