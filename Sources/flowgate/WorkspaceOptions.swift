import ArgumentParser
import FlowIO
import FlowModel

/// Where a model may read files from (see `Workspace`): every command that loads a model takes it.
struct WorkspaceOptions: ParsableArguments {
    @Option(name: .customLong("include-root"), help: ArgumentHelp(
        "A directory includes may also read from (repeatable). By default includes and linked files must stay in the repository (nearest `.git`) or the folder with `flowgate.toml`.",
        valueName: "DIR"))
    var includeRoots: [String] = []

    func provider(for inputs: [String]) -> FileSystemSourceProvider {
        FileSystemSourceProvider(workspace: Workspace.discover(for: inputs, extraRoots: includeRoots))
    }
}
