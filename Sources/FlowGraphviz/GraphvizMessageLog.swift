import CGraphviz

/// Access to Graphviz's message log. Call only while holding `GraphvizRenderer`'s lock.
///
/// With the error level at `AGMAX`, cgraph writes every warning and error to a private
/// log instead of stderr, and `aglasterr()` returns the latest entry with its
/// continuation lines. (The `agseterrf` callback route is not used: Graphviz 2.42
/// crashes formatting messages of 1024 bytes or more through it.)
enum GraphvizMessageLog {
    /// Silences stderr output and starts a fresh, empty log entry, so that
    /// `latestMessages()` reports nothing rather than a stale message when the next
    /// step logs nothing.
    static func beginStep() {
        cgv_silence_messages()
        cgv_mark_messages()
    }

    /// The latest message logged since `beginStep()`, as trimmed, non-empty lines.
    static func latestMessages() -> [String] {
        guard let raw = cgv_last_message() else { return [] }
        defer { cgv_free(raw) }
        return String(cString: raw)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingWhitespace() }
            .filter { !$0.isEmpty }
    }
}

extension Substring {
    fileprivate func trimmingWhitespace() -> String {
        var trimmed = drop(while: \.isWhitespace)
        while let last = trimmed.last, last.isWhitespace { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}
