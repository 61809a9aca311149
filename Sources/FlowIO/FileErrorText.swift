import FlowModel
import Foundation

/// The reason a file operation failed, in a few words: Foundation's errors print as
/// `Error Domain=NSCocoaErrorDomain Code=4 "…" UserInfo={…}` or as a sentence that names the file
/// again ("The file “x” couldn't be saved in the folder “y”"), and messages already name the path.
public enum FileErrorText {
    public static func reason(_ error: any Error) -> String {
        switch error {
        case let error as AtomicWriteError: return error.reason
        case let error as SourceProviderError: return error.description
        default: break
        }
        let error = error as NSError
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        if error.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(error.code))) }
        guard error.domain == NSCocoaErrorDomain else { return error.localizedDescription }
        switch CocoaError.Code(rawValue: error.code) {
        case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
        case .fileWriteFileExists: return "a file of that name is in the way"
        case .fileReadNoPermission, .fileWriteNoPermission: return String(cString: strerror(EACCES))
        case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC))
        case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS))
        case .fileReadTooLarge: return "too large"
        case .fileReadInapplicableStringEncoding, .fileReadCorruptFile: return "not readable as text"
        default: return "the operation failed (code \(error.code))"
        }
    }
}
