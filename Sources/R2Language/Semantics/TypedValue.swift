import R2Model

/// An elaborated quantity: its value and its dimension.
struct TypedValue: Hashable, Sendable {
    var value: Value
    var dimension: Dimension
}
