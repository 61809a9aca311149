import FlowLanguage

/// Sorts declarations into source order (by path, then position) as `SourceSpan`'s `<` does, but
/// compares each distinct path once: a large estate has a few dozen files and 100,000 flows, and
/// comparing their path strings pairwise dominated the sort.
enum SpanOrder {
    static func sort<Element>(_ elements: inout [Element], by span: (Element) -> SourceSpan) {
        guard elements.count > 1 else { return }
        let spans = elements.map(span)
        var ranks: [String: Int] = [:]
        for span in spans where ranks[span.path] == nil { ranks[span.path] = 0 }
        for (rank, path) in ranks.keys.sorted().enumerated() { ranks[path] = rank }
        // Neighbours nearly always share a file, and a string compared with itself is not hashed.
        var last: (path: String, rank: Int)?
        let keys = spans.map { span in
            let rank: Int
            if let last, last.path == span.path { rank = last.rank } else { rank = ranks[span.path] ?? 0 }
            last = (span.path, rank)
            return (rank: rank, start: span.start, end: span.end)
        }
        // Declarations arrive file by file in path order, so they are usually sorted already.
        let isSorted = zip(keys, keys.dropFirst()).allSatisfy { lhs, rhs in
            (lhs.rank, lhs.start, lhs.end) <= (rhs.rank, rhs.start, rhs.end)
        }
        if isSorted { return }
        // The original position breaks ties, so the order is that of a stable sort.
        let order = elements.indices.sorted { lhs, rhs in
            (keys[lhs].rank, keys[lhs].start, keys[lhs].end, lhs) < (keys[rhs].rank, keys[rhs].start, keys[rhs].end, rhs)
        }
        elements = order.map { elements[$0] }
    }
}
