import FlowLanguage

/// A lineage step: at `holder`, `operation` turns `inputs` into the dataset `output`.
public struct Transform: Sendable, Hashable {
    public struct Fields: Sendable, Hashable {
        public var output: String
        public var title: String?
        public var span: SourceSpan
        public var holder: Reference
        public var operation: TransformOperation
        public var inputs: [Reference]
        public var key: Reference?
        public var suppressBelow: Int?
        public var roundTo: Int?
        public var optOuts: [Reference] = []
        public var anonymisationAssessment: String?
        /// The resulting level where it differs from what the operation implies.
        public var level: IdentifiabilityLevel?
        public var identifiers: [Identifier]?
        public var purposes: [Reference] = []
        /// For a link that is an inner join: the input whose people it keeps (a filtered cohort).
        public var cohort: Reference?
        /// The step is modelled from how the process works, not from the source the model follows
        /// (a notice that says data arrives pseudonymised but not where or by whom): why, in words.
        public var inferred: String?
        public var inferredSpan: SourceSpan?
        public var description: String?
    }

    @usableFromInline var storage: FieldsBox<Fields>

    init(fields: consuming Fields) { storage = FieldsBox(fields) }

    // Properties spelled out rather than reached by dynamic member lookup: a key path through a
    // dynamic member is built at run time wherever one is used as a function, e.g. `map(\.id)`.
    @inlinable public var output: String { get { storage.fields.output } set { FieldsBox.unique(&storage).fields.output = newValue } }
    @inlinable public var title: String? { get { storage.fields.title } set { FieldsBox.unique(&storage).fields.title = newValue } }
    @inlinable public var span: SourceSpan { get { storage.fields.span } set { FieldsBox.unique(&storage).fields.span = newValue } }
    @inlinable public var holder: Reference { get { storage.fields.holder } set { FieldsBox.unique(&storage).fields.holder = newValue } }
    @inlinable public var operation: TransformOperation { get { storage.fields.operation } set { FieldsBox.unique(&storage).fields.operation = newValue } }
    @inlinable public var inputs: [Reference] { get { storage.fields.inputs } set { FieldsBox.unique(&storage).fields.inputs = newValue } }
    @inlinable public var key: Reference? { get { storage.fields.key } set { FieldsBox.unique(&storage).fields.key = newValue } }
    @inlinable public var suppressBelow: Int? { get { storage.fields.suppressBelow } set { FieldsBox.unique(&storage).fields.suppressBelow = newValue } }
    @inlinable public var roundTo: Int? { get { storage.fields.roundTo } set { FieldsBox.unique(&storage).fields.roundTo = newValue } }
    @inlinable public var optOuts: [Reference] { get { storage.fields.optOuts } set { FieldsBox.unique(&storage).fields.optOuts = newValue } }
    @inlinable public var anonymisationAssessment: String? { get { storage.fields.anonymisationAssessment } set { FieldsBox.unique(&storage).fields.anonymisationAssessment = newValue } }
    @inlinable public var level: IdentifiabilityLevel? { get { storage.fields.level } set { FieldsBox.unique(&storage).fields.level = newValue } }
    @inlinable public var identifiers: [Identifier]? { get { storage.fields.identifiers } set { FieldsBox.unique(&storage).fields.identifiers = newValue } }
    @inlinable public var purposes: [Reference] { get { storage.fields.purposes } set { FieldsBox.unique(&storage).fields.purposes = newValue } }
    @inlinable public var cohort: Reference? { get { storage.fields.cohort } set { FieldsBox.unique(&storage).fields.cohort = newValue } }
    @inlinable public var inferred: String? { get { storage.fields.inferred } set { FieldsBox.unique(&storage).fields.inferred = newValue } }
    @inlinable public var inferredSpan: SourceSpan? { get { storage.fields.inferredSpan } set { FieldsBox.unique(&storage).fields.inferredSpan = newValue } }
    @inlinable public var description: String? { get { storage.fields.description } set { FieldsBox.unique(&storage).fields.description = newValue } }

    public static func == (lhs: Transform, rhs: Transform) -> Bool { FieldsBox.same(lhs.storage, rhs.storage) }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }
}
