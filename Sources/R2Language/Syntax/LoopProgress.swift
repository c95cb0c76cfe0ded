/// Guards a loop that must consume input on every turn: a turn that did
/// not move the position is a parser bug. Debug builds stop at the
/// assertion; release builds end the loop instead of spinning.
struct LoopProgress {
    private var last: Int?

    /// True when `position` moved past the previous turn's position.
    mutating func advanced(to position: Int) -> Bool {
        defer { last = position }
        guard let last else { return true }
        assert(position > last, "a loop turn consumed no input at \(position)")
        return position > last
    }
}
