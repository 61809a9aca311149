import FlowLanguage

public struct Dataset: Sendable, Hashable {
    public struct Fields: Sendable, Hashable {
        public var id: String
        public var title: String?
        public var span: SourceSpan
        public var origins: [DataOrigin] = []
        public var specialCategories: [SpecialCategory] = []
        public var hasCriminalOffenceData = false
        public var identifiers: [Identifier] = []
        public var subjects: [DataSubject] = []
        /// The level at which the data exists at its source (before any transform).
        public var level: IdentifiabilityLevel = .identifiable
        /// The pseudonym domain the data's pseudonyms belong to, if any.
        public var key: Reference?
        /// Organisations where the data is collected or first recorded (its origin holders).
        public var sources: [Reference] = []
        /// The wider datasets this one is a subset of (a practice's extract of the national GP
        /// extract), so an instrument listing those covers it.
        public var kindOf: [Reference] = []
        public var items: String?
        public var description: String?
        /// The transform that derives this dataset, when it is derived (its output id is this id).
        public var isDerived = false
        /// A level the deriving transform claims that its operation and identifiers cannot support;
        /// `level` is then the supported one.
        public var levelCorrection: LevelCorrection?
    }

    @usableFromInline var storage: FieldsBox<Fields>

    init(fields: consuming Fields) { storage = FieldsBox(fields) }

    // Properties spelled out rather than reached by dynamic member lookup: a key path through a
    // dynamic member is built at run time wherever one is used as a function, e.g. `map(\.id)`.
    @inlinable public var id: String { get { storage.fields.id } set { FieldsBox.unique(&storage).fields.id = newValue } }
    @inlinable public var title: String? { get { storage.fields.title } set { FieldsBox.unique(&storage).fields.title = newValue } }
    @inlinable public var span: SourceSpan { get { storage.fields.span } set { FieldsBox.unique(&storage).fields.span = newValue } }
    @inlinable public var origins: [DataOrigin] { get { storage.fields.origins } set { FieldsBox.unique(&storage).fields.origins = newValue } }
    @inlinable public var specialCategories: [SpecialCategory] { get { storage.fields.specialCategories } set { FieldsBox.unique(&storage).fields.specialCategories = newValue } }
    @inlinable public var hasCriminalOffenceData: Bool { get { storage.fields.hasCriminalOffenceData } set { FieldsBox.unique(&storage).fields.hasCriminalOffenceData = newValue } }
    @inlinable public var identifiers: [Identifier] { get { storage.fields.identifiers } set { FieldsBox.unique(&storage).fields.identifiers = newValue } }
    @inlinable public var subjects: [DataSubject] { get { storage.fields.subjects } set { FieldsBox.unique(&storage).fields.subjects = newValue } }
    @inlinable public var level: IdentifiabilityLevel { get { storage.fields.level } set { FieldsBox.unique(&storage).fields.level = newValue } }
    @inlinable public var key: Reference? { get { storage.fields.key } set { FieldsBox.unique(&storage).fields.key = newValue } }
    @inlinable public var sources: [Reference] { get { storage.fields.sources } set { FieldsBox.unique(&storage).fields.sources = newValue } }
    @inlinable public var kindOf: [Reference] { get { storage.fields.kindOf } set { FieldsBox.unique(&storage).fields.kindOf = newValue } }
    @inlinable public var items: String? { get { storage.fields.items } set { FieldsBox.unique(&storage).fields.items = newValue } }
    @inlinable public var description: String? { get { storage.fields.description } set { FieldsBox.unique(&storage).fields.description = newValue } }
    @inlinable public var isDerived: Bool { get { storage.fields.isDerived } set { FieldsBox.unique(&storage).fields.isDerived = newValue } }
    @inlinable public var levelCorrection: LevelCorrection? { get { storage.fields.levelCorrection } set { FieldsBox.unique(&storage).fields.levelCorrection = newValue } }

    public static func == (lhs: Dataset, rhs: Dataset) -> Bool { FieldsBox.same(lhs.storage, rhs.storage) }

    public func hash(into hasher: inout Hasher) { hasher.combine(storage.fields) }
}

/// A transform's level claim raised to what the model supports: what was claimed, what stands, and why.
public struct LevelCorrection: Sendable, Hashable {
    public let claimed: IdentifiabilityLevel
    public let supported: IdentifiabilityLevel
    public let reason: String
}
