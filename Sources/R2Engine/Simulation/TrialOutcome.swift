/// What one trial produced, besides the adoption path (in `adoption`), the
/// final fleets (in `fleet`) and the events (in `eventFired`).
struct TrialOutcome {
    /// r in months after the clock's start; +infinity when training never completed.
    var release: Double = .infinity
    var completed = false
    var holds: Double = 0
    var failures = 0
    var restarts = 0
    var switches = 0
    var mandated = false
    /// False when an `export` condition failed.
    var exportConditionsHold = true
}
