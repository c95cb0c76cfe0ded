/// The answer of a completer: the text from `replaceFrom` up to the cursor is
/// replaced by the candidates' longest common prefix.
public struct Completion: Equatable, Sendable {
    /// Where the word being completed starts, as a UTF-8 offset in the line.
    public var replaceFrom: Int
    /// Every text that could stand in place of that word, in display order.
    public var candidates: [String]

    public init(replaceFrom: Int, candidates: [String]) {
        self.replaceFrom = replaceFrom
        self.candidates = candidates
    }

    /// No candidates: Tab beeps.
    public static let empty = Completion(replaceFrom: 0, candidates: [])
}
