/// Which reading of "R2" a question belongs to. The issue asks about a
/// model named R2; the model forecasts "the next flagship" and cannot tell
/// an interim release from it, and the lab's next flagship was V4. The
/// main scores use the first reading; the second is scored in its own mean,
/// so the same fact is never counted twice in one mean.
public enum QuestionReading: String, Hashable, Sendable {
    /// The same question under both readings (the adoption, or a date by
    /// which neither a model named R2 nor V4 had shipped).
    case any
    /// R2 is a model named R2: the main reading.
    case byName
    /// R2 is the next flagship, whatever it is called (V4): the alternative reading.
    case nextFlagship

    /// Whether the question counts in the main means.
    public var inMainReading: Bool { self != .nextFlagship }
    /// Whether the question counts in the alternative ("next flagship") means.
    public var inAlternativeReading: Bool { self != .byName }
}
