import FlowIO
import Foundation
import Testing

/// Outputs land where they are told: a committed symbolic link cannot redirect a write outside the
/// output directory, a replaced file keeps its mode, and temporary files of a killed run are found
/// and removed.
@Suite(.serialized)
struct ConfinedWriteTests {
    private func mode(_ path: String) -> mode_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_mode & 0o7777 : 0
    }

    @Test func aLinkOutOfTheOutputDirectoryIsRefused() throws {
        let directory = try temporaryDirectory(["victim.txt": "precious\n", "flows/a.flow": Sample.model])
        defer { removeTree(directory) }
        let diagrams = directory.appendingPathComponent("diagrams")
        try FileManager.default.createDirectory(at: diagrams, withIntermediateDirectories: true)
        #expect(symlink("../victim.txt", diagrams.appendingPathComponent("overview.svg").path) == 0)
        let render = try Flowgate.run(["render", "flows", "-o", "diagrams"], in: directory)
        #expect(render.status == 2)
        #expect(render.error.contains("is a symbolic link to `diagrams/../victim.txt`, outside `diagrams`; not followed"), "\(render.all)")
        #expect(try String(contentsOf: directory.appendingPathComponent("victim.txt"), encoding: .utf8) == "precious\n")
        // A dangling link out of the directory is refused too (it would create the file).
        #expect(throws: AtomicWriteError.self) {
            let link = diagrams.appendingPathComponent("new.svg").path
            #expect(symlink("../created.txt", link) == 0)
            try AtomicFile.write("x", to: link)
        }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("created.txt").path))
    }

    @Test func aReplacedFileKeepsItsMode() throws {
        let directory = try temporaryDirectory(["dpia.md": "old\n", "flows/a.flow": "org   a \"A\" { kind trust }\n"])
        defer { removeTree(directory) }
        let dpia = directory.appendingPathComponent("dpia.md").path
        #expect(chmod(dpia, 0o600) == 0)
        try AtomicFile.write("new\n", to: dpia)
        #expect(mode(dpia) == 0o600)
        // Only root can give a file away: there, the owner is kept too.
        if System.isRoot {
            #expect(chown(dpia, 65534, 65534) == 0)
            try AtomicFile.write("newer\n", to: dpia)
            var status = stat()
            #expect(stat(dpia, &status) == 0 && status.st_uid == 65534 && status.st_gid == 65534)
            #expect(mode(dpia) == 0o600)
        }
        let flow = directory.appendingPathComponent("flows/a.flow").path
        #expect(chmod(flow, 0o640) == 0)
        let format = try Flowgate.run(["fmt", "flows"], in: directory)
        #expect(format.status == 0, "\(format.all)")
        #expect(try String(contentsOfFile: flow, encoding: .utf8) == "org a \"A\" {\n  kind trust\n}\n")
        #expect(mode(flow) == 0o640)
    }

    @Test func strayTemporaryFilesAreReportedThenRemoved() throws {
        let directory = try temporaryDirectory(["flows/a.flow": Sample.model])
        defer { removeTree(directory) }
        #expect(try Flowgate.run(["render", "flows", "-o", "diagrams"], in: directory).status == 0)
        // PID 2^22 + 1 is above Linux's largest process id: the run that left it has ended.
        let stray = directory.appendingPathComponent("diagrams/.overview.svg.4194305.77.tmp").path
        let live = directory.appendingPathComponent("diagrams/.overview.svg.\(getpid()).78.tmp").path
        for path in [stray, live] { #expect(FileManager.default.createFile(atPath: path, contents: Data("half".utf8))) }
        let check = try Flowgate.run(["render", "flows", "-o", "diagrams", "--check"], in: directory)
        #expect(check.status == 1)
        #expect(check.output == "stray: diagrams/.overview.svg.4194305.77.tmp (a temporary file left by an interrupted run)\n", "\(check.all)")
        let render = try Flowgate.run(["render", "flows", "-o", "diagrams"], in: directory)
        #expect(render.status == 0)
        #expect(!FileManager.default.fileExists(atPath: stray))
        #expect(FileManager.default.fileExists(atPath: live), "a file of a run still going is left alone")
        #expect(try Flowgate.run(["render", "flows", "-o", "diagrams", "--check"], in: directory).status == 0, "a running writer's file is no stray")
    }
}
