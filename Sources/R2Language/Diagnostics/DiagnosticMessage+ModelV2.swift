// The catalogue, part 3: model v2's statements (programme timelines, the
// sector, correlations, the as-of date).
extension DiagnosticMessage {
    static func notATimeline(_ clause: String) -> Self {
        Self(id: "not-a-timeline", text: "`r2 \(clause)` is a single statement: it cannot change over time")
    }
    static let baseNotATimeline = Self(
        id: "not-a-timeline",
        text: "`sector base` is the installed base at the clock's start: it cannot change over time")
    static func notSingleDistribution(_ name: String) -> Self {
        Self(
            id: "not-single-distribution",
            text: "`\(name)` cannot be correlated: it is not bound to one distribution")
    }
    static let correlationRange = Self(
        id: "correlation-range", text: "a rank correlation must lie strictly between -1 and 1")
    static let selfCorrelation = Self(id: "self-correlation", text: "an input cannot be correlated with itself")
    static func duplicateCorrelation(_ a: String, _ b: String) -> Self {
        Self(id: "duplicate-correlation", text: "`\(a)` and `\(b)` are already correlated")
    }
    static let correlationsImpossible = Self(
        id: "correlations-impossible",
        text: "these correlations cannot hold together: their matrix is not positive definite")
    static func knowledgeFromTheFuture(_ card: String, _ cardDate: String, _ asOf: String) -> Self {
        Self(
            id: "knowledge-from-the-future",
            text: "`\(card)` is dated \(cardDate), after the scenario's as-of date \(asOf)")
    }
    static func asOfOutsideClock(_ date: String, _ clock: String) -> Self {
        Self(id: "as-of-outside-clock", text: "the as-of date \(date) lies after the clock \(clock)")
    }
}
