import FlowLanguage

extension Lowerer {
    /// The schemes a `url` may use: the DPIA annex and the notice table make it a link a DPO
    /// clicks, and `javascript:`, `data:` or `file:` there would run script or open local files.
    static let linkSchemes = ["https", "http", "mailto"]

    /// A `url` value: text that starts with one of `linkSchemes` and `:` (case-insensitively, as
    /// browsers compare schemes), else FG113. Nothing may precede the scheme: browsers skip leading
    /// spaces and controls, and drop tabs and line breaks inside it (`java\tscript:`).
    mutating func link(_ node: SyntaxNode) -> String? {
        guard let text = text(node) else { return nil }
        let scheme = text.prefix { $0 != ":" }
        guard scheme.count < text.count, Self.linkSchemes.contains(scheme.lowercased()) else {
            sink.report(.malformedValue, "`url` must be an https:, http: or mailto: link", at: node.arguments.first?.span ?? node.keyword.span,
                        help: "write the notice's web address, e.g. `url \"https://example.nhs.uk/privacy\"`")
            return nil
        }
        return text
    }
}
