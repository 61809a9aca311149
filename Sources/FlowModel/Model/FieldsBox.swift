/// The shared, copy-on-write home of a declaration's fields (`Dataset`, `Organisation`,
/// `Transform`): rules, analyses and the resolver copy declarations out of the model constantly,
/// and a copy must cost one reference count, not one per string and array field.
@usableFromInline
final class FieldsBox<Fields: Sendable & Hashable>: @unchecked Sendable {
    // Mutated only while this is the one reference to the box (through `unique`, or by lowering as
    // it fills a box it has just made), so no read can overlap a write. The run-time exclusivity
    // check a class property otherwise gets on every access is left out: every field read of every
    // declaration went through one.
    @exclusivity(unchecked) @usableFromInline var fields: Fields

    @usableFromInline init(_ fields: consuming Fields) { self.fields = fields }

    /// `box`, first given storage of its own when it is shared, ready to be written.
    @inlinable
    static func unique(_ box: inout FieldsBox) -> FieldsBox {
        if !isKnownUniquelyReferenced(&box) { box = FieldsBox(box.fields) }
        return box
    }

    static func same(_ lhs: FieldsBox, _ rhs: FieldsBox) -> Bool {
        lhs === rhs || lhs.fields == rhs.fields
    }
}
