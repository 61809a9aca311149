import FlowModel

/// The order reports list flows and transforms in: by id (a transform by the dataset it makes, then
/// its holder), never by declaration order. Declaration order runs across files in path order, so
/// splitting or renaming a file reordered a committed DPIA annex or Art 30 register.
extension SemanticModel {
    /// Indices into `flows`, by flow id.
    func flowIndicesByID(_ indices: some Sequence<Int>) -> [Int] {
        indices.sorted { utf8Less(flows[$0].id, flows[$1].id) }
    }

    /// Indices into `transforms`, by output dataset, then holder.
    func transformIndicesByOutput(_ indices: some Sequence<Int>) -> [Int] {
        indices.sorted { lhs, rhs in
            let (left, right) = (transforms[lhs], transforms[rhs])
            if left.output != right.output { return utf8Less(left.output, right.output) }
            if left.holder.name != right.holder.name { return utf8Less(left.holder.name, right.holder.name) }
            return lhs < rhs
        }
    }
}
