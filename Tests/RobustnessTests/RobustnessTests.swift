import FlowIO
import Foundation
import Testing

/// Hostile inputs and hostile file systems, through the built `flowgate` binary: each gives a clear
/// error and exit status 2 (or, where nothing is wrong, a normal result), never a hang or a crash,
/// and never leaves a half-written or temporary file behind.
@Suite(.serialized)
struct RobustnessTests {
    // MARK: - Size

    @Test func hundredMegabyteInputIsRefusedWithFG109() throws {
        let directory = try temporaryDirectory(["flows/ok.flow": Sample.model])
        defer { removeTree(directory) }
        // Sparse: 100 MB as far as stat is concerned, without using the disk.
        let big = directory.appendingPathComponent("flows/big.flow")
        #expect(FileManager.default.createFile(atPath: big.path, contents: nil))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 100 * 1024 * 1024)
        try handle.close()

        let check = try Flowgate.run(["check", "flows"], in: directory)
        #expect(check.status == 2)
        #expect(check.output.contains("error[FG109]"))
        #expect(check.output.contains("64 MiB"))
        #expect(check.seconds < 60)

        let format = try Flowgate.run(["fmt", "flows/big.flow"], in: directory)
        #expect(format.status == 2)
        #expect(format.error.contains("FG109"))
        #expect(!format.timedOut && format.seconds < 60)

        let render = try Flowgate.run(["render", "flows", "-o", "diagrams"], in: directory)
        #expect(render.status == 2)
        #expect(render.error.contains("FG109"))
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("diagrams").path))

        #expect(try FileManager.default.attributesOfItem(atPath: big.path)[.size] as? Int == 100 * 1024 * 1024)
        #expect(strayTemporaryFiles(in: directory) == [])
    }

    /// Under the size limit but hostile: 8 MB on one line of characters that cannot start a token.
    /// Diagnostics stop at the sink's limit, and neither the lexer nor the excerpt of the (one, huge)
    /// line may do work per byte for every diagnostic (this took minutes before).
    @Test func megabytesOfJunkOnOneLineAreQuick() throws {
        let directory = try temporaryDirectory()
        defer { removeTree(directory) }
        let junk = directory.appendingPathComponent("junk.flow")
        #expect(FileManager.default.createFile(atPath: junk.path, contents: Data(repeating: 0x01, count: 8_000_000)))
        let check = try Flowgate.run(["check", "junk.flow"], in: directory, timeout: 60)
        #expect(!check.timedOut)
        #expect(check.status == 2)
        #expect(check.output.contains("error[FG102]: unexpected character U+1"))
        #expect(check.output.contains("error[FG126]"))
        #expect(check.output.utf8.count < 200_000)
        let format = try Flowgate.run(["fmt", "junk.flow"], in: directory, timeout: 60)
        #expect(!format.timedOut)
        #expect(format.status == 2)
    }

    // MARK: - Nesting and includes

    @Test func tenThousandDeepNestingIsAnErrorNotACrash() throws {
        let deep = "org a \"A\" {\n" + String(repeating: "boundary b {\n", count: 10_000) + String(repeating: "}\n", count: 10_001)
        let unclosed = String(repeating: "org a {\n", count: 10_000)
        let overclosed = String(repeating: "}\n", count: 10_000)
        for text in [deep, unclosed, overclosed] {
            let directory = try temporaryDirectory(["flows/deep.flow": text])
            defer { removeTree(directory) }
            let check = try Flowgate.run(["check", "flows"], in: directory)
            #expect(check.status == 2)
            #expect(!check.timedOut)
            #expect(check.output.contains("error[FG10"))  // FG105, FG106 or FG107
            let format = try Flowgate.run(["fmt", "flows"], in: directory)
            #expect(format.status == 2)
            #expect(try String(contentsOf: directory.appendingPathComponent("flows/deep.flow"), encoding: .utf8) == text)
        }
        let directory = try temporaryDirectory(["flows/deep.flow": deep])
        defer { removeTree(directory) }
        #expect(try Flowgate.run(["check", "flows"], in: directory).output.contains("error[FG107]"))
    }

    @Test func includeCyclesAreReported() throws {
        let directory = try temporaryDirectory([
            "pair/a.flow": "include \"b.flow\"\n" + Sample.model,
            "pair/b.flow": "include \"a.flow\"\n",
            "self/s.flow": "include \"s.flow\"\n" + Sample.model,
            "linked/c.flow": "include \"link.flow\"\n" + Sample.model,
        ])
        defer { removeTree(directory) }
        try FileManager.default.createSymbolicLink(atPath: directory.appendingPathComponent("linked/link.flow").path, withDestinationPath: "c.flow")
        for path in ["pair/a.flow", "self/s.flow", "linked/c.flow"] {
            let check = try Flowgate.run(["check", path], in: directory)
            #expect(check.status == 2, "\(path)")
            #expect(check.output.contains("error[FG124]"), "\(path): \(check.output)")
            #expect(check.output.contains("include cycle"), "\(path)")
        }
    }

    @Test func includesNestedTooDeepAreReported() throws {
        var files: [String: String] = [:]
        for index in 0..<300 { files["chain/f\(index).flow"] = "include \"f\(index + 1).flow\"\n" }
        files["chain/f300.flow"] = Sample.model
        let directory = try temporaryDirectory(files)
        defer { removeTree(directory) }
        let check = try Flowgate.run(["check", "chain/f0.flow"], in: directory)
        #expect(check.status == 2)
        #expect(check.output.contains("error[FG124]"))
        #expect(check.output.contains("nested more than"))
    }

    // MARK: - Symbolic links

    @Test func symbolicLinkLoopsInADirectoryEndTheWalk() throws {
        let directory = try temporaryDirectory(["flows/m.flow": Sample.model, "flows/sub/.keep": ""])
        defer { removeTree(directory) }
        let flows = directory.appendingPathComponent("flows")
        try FileManager.default.createSymbolicLink(atPath: flows.appendingPathComponent("loop").path, withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: flows.appendingPathComponent("sub/up").path, withDestinationPath: "..")
        let check = try Flowgate.run(["check", "--as-of", "2026-01-01", "flows"], in: directory)
        #expect(!check.timedOut)
        #expect(check.status == 0 || check.status == 1, "\(check.all)")
        #expect(!check.output.contains("FG120"))  // each file read once: no duplicate declarations
        let format = try Flowgate.run(["fmt", "--check", "flows"], in: directory)
        #expect(!format.timedOut)
        #expect(format.status == 1)  // only m.flow, once, would be reformatted
        #expect(format.output == "would reformat flows/m.flow\n")

        // A link to itself, and a dangling link: clear read errors.
        try FileManager.default.createSymbolicLink(atPath: flows.appendingPathComponent("self.flow").path, withDestinationPath: "self.flow")
        try FileManager.default.createSymbolicLink(atPath: flows.appendingPathComponent("gone.flow").path, withDestinationPath: "nowhere.flow")
        let broken = try Flowgate.run(["check", "flows"], in: directory)
        #expect(broken.status == 2)
        #expect(broken.output.contains("error[FG100]: cannot read `flows/self.flow`"))
        #expect(broken.output.contains("error[FG100]: cannot read `flows/gone.flow`"))
        #expect(strayTemporaryFiles(in: directory) == [])
    }

    // MARK: - Unreadable input

    /// Root reads anything, so for root an unreadable `.flow` is a FIFO (which would block a naive
    /// reader forever) and a device; for other users, a file and a directory with mode 000.
    @Test func unreadableInputIsAClearError() throws {
        let directory = try temporaryDirectory(["flows/m.flow": Sample.model])
        defer { removeTree(directory) }
        let flows = directory.appendingPathComponent("flows")
        if System.isRoot {
            #expect(mkfifo(flows.appendingPathComponent("pipe.flow").path, 0o644) == 0)
            let check = try Flowgate.run(["check", "flows"], in: directory, timeout: 60)
            #expect(!check.timedOut, "check blocked on a FIFO")
            #expect(check.status == 2)
            #expect(check.output.contains("error[FG100]: cannot read `flows/pipe.flow`: not a regular file"))
            let format = try Flowgate.run(["fmt", "flows/pipe.flow"], in: directory, timeout: 60)
            #expect(!format.timedOut)
            #expect(format.status == 2)
            let device = try Flowgate.run(["check", "/dev/zero"], in: directory, timeout: 60)
            #expect(!device.timedOut, "check read /dev/zero forever")
            #expect(device.status == 2)
            #expect(device.output.contains("not a regular file"))
        } else {
            let file = flows.appendingPathComponent("secret.flow")
            try "org x {}\n".write(to: file, atomically: false, encoding: .utf8)
            #expect(chmod(file.path, 0) == 0)
            let check = try Flowgate.run(["check", "flows"], in: directory)
            #expect(check.status == 2)
            #expect(check.output.contains("error[FG100]: cannot read `flows/secret.flow`: permission denied"))
            #expect(chmod(file.path, 0o644) == 0)
            let folder = flows.appendingPathComponent("closed")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            #expect(chmod(folder.path, 0) == 0)
            let listing = try Flowgate.run(["check", "flows"], in: directory)
            #expect(listing.status == 2)
            #expect(listing.output.contains("FG100"))
        }
        // A directory named like a file is a directory, for everyone.
        let odd = try temporaryDirectory(["flows/x.flow/m.flow": Sample.model])
        defer { removeTree(odd) }
        let check = try Flowgate.run(["check", "--as-of", "2026-01-01", "flows/x.flow"], in: odd)
        #expect(check.status == 0 || check.status == 1, "\(check.all)")
    }

    // MARK: - Unwritable output

    @Test func outputUnderARegularFileIsAClearError() throws {
        let directory = try temporaryDirectory(["flows/m.flow": Sample.model, "file.txt": "not a directory\n"])
        defer { removeTree(directory) }
        let render = try Flowgate.run(["render", "flows", "-o", "file.txt/diagrams", "--format", "dot"], in: directory)
        #expect(render.status == 2)
        #expect(render.error.contains("cannot create directory `file.txt/diagrams`"))
        let baseline = try Flowgate.run(["check", "flows", "--write-baseline", "file.txt/baseline.json"], in: directory)
        #expect(baseline.status == 2)
        #expect(baseline.error.contains("cannot write `file.txt/baseline.json`"))
        let diagram = try Flowgate.run(["render", "flows", "-o", "file.txt", "--format", "dot"], in: directory)
        #expect(diagram.status == 2)
        #expect(try String(contentsOf: directory.appendingPathComponent("file.txt"), encoding: .utf8) == "not a directory\n")
        #expect(strayTemporaryFiles(in: directory) == [])
    }

    /// `fmt` and `render -o` in a read-only directory: a read-only tmpfs for root (permissions do not
    /// stop root), mode 555 for other users.
    @Test func readOnlyDirectoryIsAClearError() throws {
        let directory = try temporaryDirectory()
        defer { removeTree(directory) }
        let target = directory.appendingPathComponent("ro")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let mounted = System.mountTmpfs(at: target.path, size: "1m")
        defer { if mounted { System.unmount(target.path) } }
        try FileManager.default.createDirectory(at: target.appendingPathComponent("diagrams"), withIntermediateDirectories: true)
        try Sample.model.write(to: target.appendingPathComponent("m.flow"), atomically: false, encoding: .utf8)
        if mounted {
            try #require(System.remountReadOnly(target.path))
        } else if !System.isRoot {
            #expect(chmod(target.appendingPathComponent("diagrams").path, 0o555) == 0)
            #expect(chmod(target.path, 0o555) == 0)
        } else {
            print("skipped: root without mount(8) cannot make a read-only directory")
            return
        }
        let format = try Flowgate.run(["fmt", "ro"], in: directory)
        #expect(format.status == 2)
        #expect(format.error.contains("cannot write `ro/m.flow`"))
        #expect(!format.output.contains("reformatted"))
        #expect(try String(contentsOf: target.appendingPathComponent("m.flow"), encoding: .utf8) == Sample.model)
        let render = try Flowgate.run(["render", "ro", "-o", "ro/diagrams", "--format", "dot"], in: directory)
        #expect(render.status == 2)
        #expect(render.error.contains("cannot write `ro/diagrams/"), "\(render.error)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: target.appendingPathComponent("diagrams").path) == [])
        #expect(strayTemporaryFiles(in: directory) == [])
    }

    // MARK: - Disk full

    /// A 64 KiB tmpfs (root with mount(8)); otherwise the same failure at write(2) through
    /// `ulimit -f` (EFBIG instead of ENOSPC).
    @Test func fullDiskIsAClearErrorAndLeavesNoPartialFile() throws {
        let directory = try temporaryDirectory()
        defer { removeTree(directory) }
        let disk = directory.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mounted = System.mountTmpfs(at: disk.path, size: "64k")
        defer { if mounted { System.unmount(disk.path) } }
        // Fits once, but not twice: rewriting it needs a second copy beside it.
        let original = Sample.large(bytes: 40_000)
        try original.write(to: disk.appendingPathComponent("m.flow"), atomically: false, encoding: .utf8)

        let format = mounted
            ? try Flowgate.run(["fmt", "disk"], in: directory)
            : try Flowgate.runWithFileSizeLimit(blocks: 16, ["fmt", "disk"], in: directory)
        #expect(format.status == 2)
        #expect(format.error.contains("cannot write `disk/m.flow`: " + (mounted ? "No space left on device" : "File too large")), "\(format.error)")
        #expect(!format.output.contains("reformatted"))
        #expect(try String(contentsOf: disk.appendingPathComponent("m.flow"), encoding: .utf8) == original)
        #expect(strayTemporaryFiles(in: directory) == [])

        if mounted {
            // Fill what is left, then ask for diagrams and a baseline on the full disk.
            let filler = disk.appendingPathComponent("filler")
            #expect(FileManager.default.createFile(atPath: filler.path, contents: nil))
            let handle = try FileHandle(forWritingTo: filler)
            while (try? handle.write(contentsOf: Data(count: 4096))) != nil {}
            try? handle.close()
        }
        let render = mounted
            ? try Flowgate.run(["render", "disk/m.flow", "-o", "disk/diagrams", "--format", "dot"], in: directory)
            : try Flowgate.runWithFileSizeLimit(blocks: 1, ["render", "disk/m.flow", "-o", "disk/diagrams", "--format", "dot"], in: directory)
        #expect(render.status == 2)
        #expect(render.error.contains("disk/diagrams"), "\(render.error)")
        let written = (try? FileManager.default.contentsOfDirectory(atPath: disk.appendingPathComponent("diagrams").path)) ?? []
        #expect(written == [], "partial diagrams: \(written)")
        let baseline = mounted
            ? try Flowgate.run(["check", "disk/m.flow", "--write-baseline", "disk/baseline.json"], in: directory)
            : try Flowgate.runWithFileSizeLimit(blocks: 0, ["check", "disk/m.flow", "--write-baseline", "disk/baseline.json"], in: directory)
        #expect(baseline.status == 2)
        #expect(!FileManager.default.fileExists(atPath: disk.appendingPathComponent("baseline.json").path))
        #expect(strayTemporaryFiles(in: directory) == [])
    }

    /// `AtomicFile.write` itself: on failure it throws a message naming the path and the reason, and
    /// removes its temporary file.
    @Test func atomicWriteFailuresRemoveTheirTemporaryFile() throws {
        let directory = try temporaryDirectory()
        defer { removeTree(directory) }
        #expect(throws: AtomicWriteError.self) { try AtomicFile.write("x", to: directory.appendingPathComponent("missing/out.txt").path) }
        let disk = directory.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        guard System.mountTmpfs(at: disk.path, size: "16k") else { return }
        defer { System.unmount(disk.path) }
        let target = disk.appendingPathComponent("out.bin").path
        try AtomicFile.write([1, 2, 3], to: target)
        do {
            try AtomicFile.write([UInt8](repeating: 7, count: 64 * 1024), to: target)
            Issue.record("a 64 KiB write to a 16 KiB disk succeeded")
        } catch {
            #expect("\(error)" == "cannot write `\(target)`: No space left on device")
        }
        #expect(FileManager.default.contents(atPath: target) == Data([1, 2, 3]))
        #expect(strayTemporaryFiles(in: directory) == [])
    }

    // MARK: - Targets that are not regular files

    /// A device is written to, never replaced by a regular file (as root a rename would swap
    /// `/dev/null` for a file under every other program).
    @Test func devicesAreWrittenInPlaceNotReplaced() throws {
        try AtomicFile.write("discarded\n", to: "/dev/null")
        var status = stat()
        #expect(lstat("/dev/null", &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFCHR)
        do {
            try AtomicFile.write("x", to: "/dev/full")
            Issue.record("a write to /dev/full succeeded")
        } catch {
            #expect("\(error)" == "cannot write `/dev/full`: No space left on device")
        }
        #expect(lstat("/dev/full", &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFCHR)
    }

    @Test func aSymbolicLinkIsFollowedAndKept() throws {
        let directory = try temporaryDirectory(["real/out.txt": "old\n"])
        defer { removeTree(directory) }
        let link = directory.appendingPathComponent("link.txt").path
        #expect(symlink("real/out.txt", link) == 0)
        try AtomicFile.write("new\n", to: link)
        var status = stat()
        #expect(lstat(link, &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFLNK)
        #expect(try String(contentsOf: directory.appendingPathComponent("real/out.txt"), encoding: .utf8) == "new\n")
        let loop = directory.appendingPathComponent("loop").path
        #expect(symlink("loop", loop) == 0)
        #expect(throws: AtomicWriteError.self) { try AtomicFile.write("x", to: loop) }
        #expect(strayTemporaryFiles(in: directory) == [])
    }

    @Test func aDirectoryOrAnUnreadFIFOIsAClearErrorNotAHang() throws {
        let directory = try temporaryDirectory(["sub/keep.txt": "kept\n"])
        defer { removeTree(directory) }
        let sub = directory.appendingPathComponent("sub").path
        do {
            try AtomicFile.write("x", to: sub)
            Issue.record("a write over a directory succeeded")
        } catch {
            #expect("\(error)" == "cannot write `\(sub)`: is a directory")
        }
        let fifo = directory.appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(throws: AtomicWriteError.self) { try AtomicFile.write("x", to: fifo) }
        var status = stat()
        #expect(lstat(fifo, &status) == 0)
        #expect(status.st_mode & S_IFMT == S_IFIFO)
        #expect(strayTemporaryFiles(in: directory) == [])
    }
}
