import R2Forecast

/// The verdict on one `expect` statement at the file's seed and trial count.
public struct ExpectationResult: Sendable, Equatable {
    public enum Status: String, Sendable {
        case passed, failed
    }

    /// `file:line` of the statement.
    public var location: String
    /// The statement as written.
    public var statement: String
    public var status: Status
    /// The estimate as printed (a date, a percentage, a duration).
    public var estimate: String
    /// The bound as written, e.g. "between 30% and 50%".
    public var bound: String
    /// The Monte Carlo standard error as printed, or nil when unknown
    /// (a quantile among the censored trials).
    public var standardError: String?
    /// Distance from the estimate to the nearest bound, in standard errors.
    public var marginInStandardErrors: Double?
    /// The standard error as a number (months for a date, a fraction for
    /// a share), for runs to a precision and the JSON.
    public var errorValue: Double?
    /// The numbers behind `estimate` and `bound`: the estimate (for two
    /// scenarios, their difference), the bound's ends, each scenario's own
    /// value; dates as months after the clock's start (`clockStart`).
    public var value: Double?
    public var isTime = false
    public var bounds: [Double] = []
    public var scenarioValues: [Double?] = []
    public var clockStart: String?
    /// The seed and trial count of the run it was checked on.
    public var seed: UInt64?
    public var trials: Int?
    /// Under `r2cast test --precision`: whether adding trials decided it.
    public var decision: Decision?
    /// A line about the precision it ran to (`trials to ±X`), if any.
    public var precisionNote: String?
    /// What the verdict mixes in, said beside it: between scenarios
    /// conditioned differently, the difference mixes their conditions.
    public var warning: String?
    /// For a sector metric: the kept trials whose share is undefined
    /// (nothing received in the window), left out of the estimate, and
    /// the sentence that says so (model v2 §4: the count is shown).
    public var undefinedTrials: Int?
    public var undefinedNote: String?

    public enum Decision: Sendable, Equatable {
        /// At least `fragileMargin` standard errors from its bound.
        case decided
        /// Still within `fragileMargin` standard errors at the cap.
        case undecided(cap: Int)
    }

    /// Within 3 standard errors of a bound: another seed could flip it.
    public var isFragile: Bool {
        guard let m = marginInStandardErrors else { return false }
        return m < ExpectationResult.fragileMargin
    }

    public static let fragileMargin = 3.0

    public init(
        location: String, statement: String, status: Status, estimate: String, bound: String, standardError: String?,
        marginInStandardErrors: Double?
    ) {
        self.location = location
        self.statement = statement
        self.status = status
        self.estimate = estimate
        self.bound = bound
        self.standardError = standardError
        self.marginInStandardErrors = marginInStandardErrors
    }

    /// `PASS  file:12  p(release by 2026-06) = 41.2% (±0.3%), expected between 30% and 50%  [margin 25.0 SE]`
    public var line: String {
        var tag = status == .passed ? "PASS" : "FAIL"
        if isFragile { tag += " FRAGILE" }
        var s = "\(tag)  \(location)  \(statement)\n      estimate \(estimate)"
        if let se = standardError { s += " (±\(se))" }
        s += ", expected \(bound)"
        if let m = marginInStandardErrors, m.isFinite {
            let flip = decision == nil ? " < 3: another seed could flip it" : " < 3"
            s += "  [margin \(Self.marginText(m)) SE\(isFragile ? flip : "")]"
        }
        let count = trials.map { Format.count($0) } ?? "?"
        switch decision {
        case .decided?: s += "\n      decided at \(count) trials"
        case .undecided(let cap)?:
            s +=
                "\n      undecided: still within 3 SE of its bound at the cap of \(Format.count(cap)) trials (raise it with --max-trials)"
        case nil: break
        }
        if let note = undefinedNote { s += "\n      " + note }
        if let note = precisionNote { s += "\n      " + note }
        if let warning { s += "\n      warning: " + warning }
        return s
    }

    /// A margin to one decimal: rounded, except that a margin under the
    /// fragile line is cut, never rounded up to it ("2.97 SE < 3" reads
    /// 2.9, not 3.0), and one of 100 or more is ">100".
    static func marginText(_ m: Double) -> String {
        if m >= 100 { return ">100" }
        let tenths = m < fragileMargin ? (m * 10).rounded(.down) : (m * 10).rounded()
        if tenths >= 1000 { return ">100" }
        let t = Int(abs(tenths))
        return "\(tenths < 0 ? "-" : "")\(t / 10).\(t % 10)"
    }
}
