import FlowModel

extension SemanticModel {
    /// The transforms doing `operation`, in model order. A transform is a large value: scanning
    /// `transforms` with `for transform in` copies every one of an estate's tens of thousands.
    func transforms(doing operation: TransformOperation) -> [Transform] {
        transforms.indices.filter { transforms[$0].operation == operation }.map { transforms[$0] }
    }
}
