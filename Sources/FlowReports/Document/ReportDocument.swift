/// A report as a small tree of blocks, written out as Markdown or HTML by `MarkdownWriter` and
/// `HTMLWriter`, so that both formats say exactly the same thing.
public struct ReportDocument: Sendable, Hashable {
    public var title: String
    /// Lines under the title (model, scope, as-of date).
    public var subtitle: [[Inline]]
    /// Which `flowgate` command wrote it, for the "generated, do not edit" note.
    public var generator: String
    public var blocks: [Block]

    public init(title: String, subtitle: [[Inline]] = [], generator: String, blocks: [Block] = []) {
        self.title = title
        self.subtitle = subtitle
        self.generator = generator
        self.blocks = blocks
    }

    public mutating func append(_ block: Block) { blocks.append(block) }
}

/// A run of text in a paragraph, list item or table cell.
public enum Inline: Sendable, Hashable {
    case text(String)
    /// An identifier from the model (`s1-f8`), shown in code font.
    case code(String)
    case strong(String)
    case emphasis(String)
    /// A link to a section of the same document (`#id`) or an external address.
    case link(String, target: String)
}

/// One table cell: several lines, each a run of inlines.
public struct Cell: Sendable, Hashable {
    public var lines: [[Inline]]

    public init(_ lines: [[Inline]]) { self.lines = lines }
    public init(_ inlines: [Inline]) { self.lines = inlines.isEmpty ? [] : [inlines] }
    public init(text: String) { self.lines = text.isEmpty ? [] : [[.text(text)]] }

    public static let empty = Cell([[Inline]]())
    public static func code(_ text: String) -> Cell { Cell([.code(text)]) }
}

public struct Table: Sendable, Hashable {
    public var id: String
    public var caption: String
    public var headers: [String]
    public var rows: [[Cell]]
    /// The first column names the row (rendered as a row header in HTML).
    public var rowHeaders: Bool
    /// Printed on a landscape page in HTML.
    public var wide: Bool

    public init(id: String, caption: String, headers: [String], rows: [[Cell]], rowHeaders: Bool = false, wide: Bool = false) {
        self.id = id
        self.caption = caption
        self.headers = headers
        self.rows = rows
        self.rowHeaders = rowHeaders
        self.wide = wide
    }
}

/// The data-flow diagram: an image file beside the Markdown, inline SVG in HTML.
public struct Figure: Sendable, Hashable {
    public var id: String
    /// Short text alternative (the image's `alt`, the SVG's `<title>`).
    public var alternative: String
    /// Longer description (the SVG's `<desc>`), also printed under the diagram.
    public var description: String
    public var caption: String
    /// Relative path of the image for Markdown; nil: Markdown says no image was drawn.
    public var imagePath: String?
    /// The SVG document for HTML; nil: HTML says no diagram was drawn.
    public var svg: String?
    /// A Mermaid flowchart Markdown shows when there is no image.
    public var mermaid: String?
    /// Every edge of the diagram in words, for the SVG's `<desc>` (screen readers).
    public var flowSummary: String

    public init(
        id: String, alternative: String, description: String, caption: String, imagePath: String?, svg: String?,
        mermaid: String? = nil, flowSummary: String = ""
    ) {
        self.id = id
        self.alternative = alternative
        self.description = description
        self.caption = caption
        self.imagePath = imagePath
        self.svg = svg
        self.mermaid = mermaid
        self.flowSummary = flowSummary
    }
}

public enum Block: Sendable, Hashable {
    /// Level 2 or 3 (the title is level 1), with an id for links.
    case heading(Int, String, id: String)
    case paragraph([Inline])
    case list([[Inline]])
    case table(Table)
    case figure(Figure)
}

extension Inline {
    /// Text in which `backticks` mark identifiers, as rule messages write them.
    public static func parse(_ text: String) -> [Inline] {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
        guard parts.count % 2 == 1 else { return [.text(text)] }
        var result: [Inline] = []
        for (index, part) in parts.enumerated() where !part.isEmpty {
            result.append(index % 2 == 1 ? .code(part) : .text(part))
        }
        return result
    }
}
