/// The directories a model may read from: a `.flow` file from a pull request is untrusted, and an
/// `include "/proc/self/environ"` or a committed link `x.flow -> /etc/shadow` must not put another
/// file's lines into a CI log. Roots are absolute paths with symbolic links resolved, compared with
/// the identity (`SourceProvider.identity(of:)`) of every file before it is read.
public struct Workspace: Sendable, Hashable {
    public let roots: [String]

    public init(roots: [String]) {
        self.roots = roots.map(PathArithmetic.normalise)
    }

    /// Whether the file or directory whose identity this is lies in a root (or is one).
    public func contains(_ identity: String) -> Bool {
        let path = PathArithmetic.normalise(identity)
        return roots.contains { root in
            switch root {
            case "/": path.hasPrefix("/")
            // A relative root (in-memory files): everything relative that does not climb out of it.
            case ".": !path.hasPrefix("/") && path != ".." && !path.hasPrefix("../")
            default: path == root || path.hasPrefix(root + "/")
            }
        }
    }

    /// How the workspace is named in a diagnostic.
    public var description: String {
        roots.map { "`\($0)`" }.joined(separator: ", ")
    }
}
