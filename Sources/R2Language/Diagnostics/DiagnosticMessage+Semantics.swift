// The catalogue, part 2: names, dimensions and values.
extension DiagnosticMessage {
    static func unknownChip(_ name: String) -> Self {
        Self(id: "unknown-chip", text: "unknown chip `\(name)`")
    }
    static func unknownScenario(_ name: String) -> Self {
        Self(id: "unknown-scenario", text: "unknown scenario `\(name)`")
    }
    static func unknownName(_ name: String) -> Self {
        Self(id: "unknown-name", text: "unknown name `\(name)`")
    }
    static func unknownEvent(_ name: String) -> Self {
        Self(id: "unknown-event", text: "unknown event `\(name)`")
    }
    static func unknownExplainTarget(_ name: String) -> Self {
        Self(id: "unknown-explain-target", text: "nothing named `\(name)` to explain")
    }
    static func expectedDimension(_ expected: String, found: Dimension) -> Self {
        Self(id: "wrong-dimension", text: "expected \(expected), found \(found.withArticle)")
    }
    static func unitMismatch(_ unit: QuantityUnit, _ found: Dimension) -> Self {
        Self(
            id: "unit-mismatch",
            text: "`\(unit.spelling)` applies to a plain number, not to \(found.withArticle)")
    }
    static func arithmeticMismatch(_ op: String, _ left: Dimension, _ right: Dimension) -> Self {
        Self(
            id: "arithmetic-mismatch",
            text: "cannot apply `\(op)` to \(left.withArticle) and \(right.withArticle)")
    }
    static func negateDate() -> Self {
        Self(id: "arithmetic-mismatch", text: "cannot negate a date")
    }
    static func mismatchedArguments(_ what: String, _ left: Dimension, _ right: Dimension) -> Self {
        Self(
            id: "mismatched-arguments",
            text: "\(what) mixes \(left.withArticle) and \(right.withArticle)")
    }
    static let tooLarge = Self(
        id: "too-large",
        text: "this is too large to simulate: values go up to 1e30 (the engine computes in single precision)")
    static func drawsTooLarge(_ what: String) -> Self {
        Self(
            id: "draws-too-large",
            text: "\(what) draws values above 1e30, the largest r2cast simulates, in more than one trial in a million")
    }
    static let seedRange = Self(
        id: "seed-range", text: "the seed must be a whole number from 0 to \(1 << 53)")
    static let divisionByZero = Self(id: "division-by-zero", text: "division by zero")
    static let probabilityOutOfRange = Self(
        id: "probability-out-of-range", text: "a probability must lie between 0% and 100%")
    static func negative(_ what: String) -> Self {
        Self(id: "negative-value", text: "\(what) cannot be negative")
    }
    static func nonPositiveShape(_ function: String, _ parameter: String) -> Self {
        Self(id: "non-positive-shape", text: "`\(function)` needs \(parameter) above 0")
    }
    static let backwardsInterval = Self(
        id: "backwards-interval", text: "the low end of `a to b` is above its high end")
    static func backwardsBounds(_ function: String) -> Self {
        Self(id: "backwards-bounds", text: "`\(function)` needs its lower bound below its upper bound")
    }
    static func modeOutside(_ function: String) -> Self {
        Self(id: "mode-outside-bounds", text: "the mode of `\(function)` lies outside its bounds")
    }
    static let dateInterval = Self(
        id: "date-interval", text: "`a to b` of two dates is not a date window, nor a setting's end")
    static let backwardsWindow = Self(id: "backwards-window", text: "the window ends before it starts")
    static let backwardsClock = Self(id: "backwards-clock", text: "the clock ends before it starts")
    static let backwardsMonths = Self(id: "backwards-months", text: "the month range ends before it starts")
    static let backwardsBetween = Self(
        id: "backwards-between", text: "the upper bound of `between` is below its lower bound")
    static let mixtureWeight = Self(id: "mixture-weight", text: "a mixture weight must be above 0")
    static func notConstant(_ what: String) -> Self {
        Self(id: "not-constant", text: "\(what) must be a constant, not a distribution")
    }
    static func notInteger(_ what: String) -> Self {
        Self(id: "not-integer", text: "\(what) must be a whole number")
    }
    static func precisionTwice(_ kind: String) -> Self {
        Self(id: "precision-twice", text: "a precision gives its \(kind) target once")
    }
    static let precisionRange = Self(
        id: "precision-range", text: "a precision must be above zero (and a share at most ±50%)")
    static let precisionCap = Self(
        id: "precision-cap",
        text: "the most trials of a run to a precision must be a multiple of 10,000 between 20,000 and 50,000,000")
    static func precisionKind(_ what: String, _ needed: String) -> Self {
        Self(id: "precision-kind", text: "\(what): give its precision \(needed)")
    }
    static let trialCount = Self(
        id: "trial-count", text: "the trial count must lie between 1 and \(50_000_000)")
    static func originMismatch(_ chip: String, _ declared: String) -> Self {
        Self(id: "origin-mismatch", text: "chip `\(chip)` is already declared \(declared)")
    }
    static func wrongOrigin(_ keyword: String, _ chip: String, _ origin: String) -> Self {
        Self(id: "wrong-origin", text: "`\(keyword)` does not apply to `\(chip)`, a \(origin) chip")
    }
    static func notSimulatable(_ scenario: String, missing: String) -> Self {
        Self(id: "not-simulatable", text: "scenario `\(scenario)` cannot be simulated: it has no \(missing)")
    }
    static func scenarioExists(_ name: String, parent: String) -> Self {
        Self(id: "scenario-exists", text: "scenario `\(name)` already exists, derived from \(parent)")
    }
    static func outsideClock(_ date: String, _ clock: String) -> Self {
        Self(id: "outside-clock", text: "\(date) lies outside the clock \(clock)")
    }
    static func boundMismatch(_ metric: String) -> Self {
        Self(id: "bound-mismatch", text: "this bound does not fit \(metric)")
    }
    static let compareNeedsTwo = Self(id: "compare-needs-two", text: "`compare` needs at least two scenarios")
    static let traceIndex = Self(id: "trace-index", text: "trials are numbered from 1")
    static func traceBeyondTrials(_ number: String) -> Self {
        Self(id: "trace-index", text: "there is no trial \(number)")
    }
    static let observationIndex = Self(id: "observation-index", text: "observations are numbered from 1")
    static let differenceNeedsScenario = Self(
        id: "difference-needs-scenario", text: "`by ... or more` compares with another scenario")

    static func probabilityTailClamped(_ share: Double) -> Self {
        Self(
            id: "probability-tail-clamped", severity: .warning,
            text:
                "about \(NumberText.percent((share * 1000).rounded() / 1000)) of this probability's draws fall outside 0% to 100%; the engine clamps them"
        )
    }
    static func negativeTailClamped(_ what: String, _ share: Double) -> Self {
        Self(
            id: "negative-tail-clamped", severity: .warning,
            text:
                "about \(NumberText.percent((share * 1000).rounded() / 1000)) of the draws of \(what) are negative; the engine clamps them to 0"
        )
    }
    /// `what` is "window" (an event's) or "date" (a `from`); `side` is
    /// "before" or "after"; `effect` says what comes of it.
    static func outsideTheClock(_ what: String, _ side: String, _ clock: String, _ effect: String) -> Self {
        Self(
            id: "window-outside-clock", severity: .warning,
            text: "this \(what) lies \(side) the clock (\(clock)): \(effect)")
    }
}
