/// The words of the language.
enum Keywords {
    /// Words that start a statement or query.
    static let statements: [String] = [
        "scenario", "use", "as", "clock", "trials", "seed", "let", "chip", "perf", "fail", "fleet",
        "buy", "make", "yield", "export", "pressure", "r2", "event", "sector", "correlate",
        "forecast", "p", "quantile", "median", "mean", "adoption", "censored", "expect", "compare",
        "sensitivity", "observe", "unobserve", "trace", "explain", "hist", "cdf", "fan", "tornado",
        "plot", "include", "installed",
    ]

    /// Statements allowed inside an event.
    static let eventStatements: Set<String> = [
        "export", "pressure", "buy", "make", "yield", "perf", "fail", "r2", "sector",
    ]

    /// Every other word with a meaning somewhere in a statement.
    static let others: [String] = [
        "of", "from", "to", "and", "between", "at", "in", "per", "cite", "foreign", "domestic",
        "allowed", "licensed", "banned", "rising", "start", "needs", "post", "hold", "for", "switch",
        "after", "failures", "port", "never", "restart", "release", "no", "above", "below",
        "before", "later", "earlier", "than", "by", "or", "more", "where", "not", "fired", "all",
        "normal", "lognormal", "uniform", "beta", "triangular", "pert", "min", "max", "mixture",
        "month", "months", "mo", "week", "weeks", "day", "days", "year", "years", "chip-months",
        "chip-month", "units", "dies", "fold", "folded", "named", "flagship", "shipped", "ship", "base",
        "share", "compute",
    ]

    /// Words that cannot name a `let`, chip, scenario or event because a
    /// quantity or statement would read them differently.
    static let reserved: Set<String> = QuantityUnit.words.union([
        "to", "and", "between", "from", "cite", "or", "by", "at", "in", "rising", "yield",
    ])

    /// Every word with a meaning somewhere in the language.
    static let all: Set<String> = Set(statements + others).union(reserved)
}
