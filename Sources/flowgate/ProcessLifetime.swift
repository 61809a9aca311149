import Foundation

/// Values the process keeps until it exits instead of releasing them.
///
/// A national estate's model, analysis and findings are millions of small objects; releasing them
/// one by one when a command returns costs time the user waits for and nobody needs, since the
/// kernel takes the whole heap back at exit in one go (compilers skip the same teardown for the same
/// reason). Only for values that live until the command ends anyway.
enum ProcessLifetime {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var kept: [Any] = []

    static func keep(_ value: Any) {
        lock.withLock { kept.append(value) }
    }
}
