/// A name as written (a chip, scenario, event or `let` name) and where.
public struct Name: Hashable, Sendable, CustomStringConvertible {
    public var text: String
    public var range: SourceRange

    public init(_ text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }

    public var description: String { text }
}
