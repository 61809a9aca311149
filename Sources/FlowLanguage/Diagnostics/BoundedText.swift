/// Keeps what a diagnostic quotes to a bounded size: a message names a token or a title, and a
/// 50 MB word in a hostile file must not be echoed whole into every output (terminal, JSON, SARIF).
enum BoundedText {
    /// The longest run of non-space characters a message quotes in full.
    static let longestWord = 120
    /// The longest message kept in full.
    static let longestMessage = 4_000

    /// `text` with each longer run of non-space scalars cut to `longestWord` and the whole cut to
    /// `longestMessage`, each cut marked `…`. One pass; short text is returned as it is.
    static func bounded(_ text: String) -> String {
        guard text.utf8.count > longestWord else { return text }
        var result = ""
        var run = 0
        var total = 0
        for scalar in text.unicodeScalars {
            if scalar == " " || scalar == "\n" {
                run = 0
            } else {
                run += 1
                if run > longestWord {
                    if run == longestWord + 1 { result += "…" }
                    continue
                }
            }
            total += 1
            if total > longestMessage {
                result += "…"
                break
            }
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
