import FlowLanguage

/// Sorts declarations into source order (by path, then position) as `SourceSpan`'s `<` does, but
/// compares each distinct path once: a large estate has a few dozen files and 100,000 flows, and
/// comparing their path strings pairwise dominated the sort.
enum SpanOrder {
    static func sort<Element>(_ elements: inout [Element], by span: (Element) -> SourceSpan) {
        guard elements.count > 1 else { return }
        let spans = elements.map(span)
        // Neighbours nearly always share a file, so a path is looked up only where the file changes.
        var paths: [String] = []
        var pathNumbers: [String: Int] = [:]
        var pathNumber = [Int](repeating: 0, count: spans.count)
        for index in spans.indices {
            if index > 0, spans[index].isInSameFile(as: spans[index - 1]) {
                pathNumber[index] = pathNumber[index - 1]
                continue
            }
            let path = spans[index].path
            if let known = pathNumbers[path] {
                pathNumber[index] = known
            } else {
                pathNumber[index] = paths.count
                pathNumbers[path] = paths.count
                paths.append(path)
            }
        }
        var rankOfPath = [Int](repeating: 0, count: paths.count)
        for (rank, number) in paths.indices.sorted(by: { paths[$0] < paths[$1] }).enumerated() { rankOfPath[number] = rank }
        let keys = spans.indices.map { index in
            (rank: rankOfPath[pathNumber[index]], start: spans[index].start, end: spans[index].end)
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
