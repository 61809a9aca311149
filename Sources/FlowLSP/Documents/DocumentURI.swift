import FlowModel
import Foundation

/// `file://` URIs and the paths flowgate works with. The standard library's files (`<std>/…`)
/// are given to the client as read-only copies in a cache folder, so every editor can open them.
final class DocumentURI {
    /// Where the standard library's files are written; nil when they could not be.
    let libraryFolder: String?
    /// Each path's URI, made once: publishing a model's findings names the same few files
    /// hundreds of times, and making a `URL` each time was most of the cost.
    private var uris: [String: String] = [:]

    init(libraryFolder: String?) {
        self.libraryFolder = libraryFolder
    }

    /// The path a `file://` URI names (percent-decoding done), or nil for another scheme.
    func path(of uri: String) -> String? {
        guard let url = URL(string: uri), url.scheme == "file" else { return nil }
        let path = PathArithmetic.normalise(url.path)
        if let libraryFolder, path.hasPrefix(libraryFolder + "/") {
            return "<std>/" + path.dropFirst(libraryFolder.count + 1)
        }
        return path
    }

    func uri(of path: String) -> String {
        if let known = uris[path] { return known }
        let uri: String
        if StandardLibrary.isLibraryPath(path), let libraryFolder, path.hasPrefix("<std>/") {
            uri = URL(fileURLWithPath: libraryFolder + "/" + path.dropFirst("<std>/".count)).absoluteString
        } else {
            uri = URL(fileURLWithPath: path).absoluteString
        }
        uris[path] = uri
        return uri
    }

    /// The path of `uri`, or an invalid-params error for a URI that is not a file.
    func requirePath(of uri: String) throws -> String {
        guard let path = path(of: uri) else {
            throw ResponseError(code: ResponseError.invalidParams, message: "not a file URI: \(uri)")
        }
        return path
    }
}
