/// A span of a source file as half-open UTF-8 byte offsets `start ..< end`.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// An empty range at `offset`.
    public init(at offset: Int) {
        self.init(start: offset, end: offset)
    }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }

    public var isEmpty: Bool { start == end }

    /// The number of UTF-8 bytes it spans.
    var length: Int { end - start }

    public var description: String { "\(start)..<\(end)" }
}
