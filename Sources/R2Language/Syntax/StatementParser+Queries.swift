import R2Model

extension StatementParser {
    /// A query starting with `word`, or nil when `word` starts none.
    mutating func parseQuery(_ word: String) throws(Failure) -> QuerySyntax? {
        switch word {
        case "forecast":
            advance()
            return .forecast
        case "mean" where !(peek().flatMap(\.identifier).map(Self.metricSubjects.contains) ?? true):
            // `mean x`: the mean of a value.
            advance()
            return .value(try parseQuantity(), meanOnly: true)
        case "p" where peek()?.isPunctuation(.leftParen) != true:
            // `p` alone, `p * 2`: a value named p (`let p = beta(2, 5)`),
            // typed on its own; `p(` starts a probability.
            return nil
        case "p", "median", "mean", "adoption", "censored", "sector", "installed":
            return .metric(try parseMetric())
        case "quantile":
            advance()
            if let reading = try parseReleaseWord() { return .quantileRelease(try parseQuantityList(), reading) }
            if isAt("adoption") {
                let date = try parseAdoptionAt()
                return .quantileAdoption(date, try parseQuantityList())
            }
            // The levels first, as an expectation's metric writes them:
            // `quantile 90% release` is `quantile release 90%`.
            guard !isAtStatementEnd && current?.identifier == nil else {
                throw expected("`release`, `named release` or `adoption at DATE`")
            }
            let levels = try parseQuantityList()
            if let reading = try parseReleaseWord() { return .quantileRelease(levels, reading) }
            if isAt("adoption") { return .quantileAdoption(try parseAdoptionAt(), levels) }
            if levels.count == 1, isAt("sector") || isAt("installed") {
                // `quantile 90% sector share in 2026` is a metric.
                return .metric(.sector(try parseSectorWindow(), .quantile(levels[0])))
            }
            throw expected("`release`, `named release`, `adoption at DATE` or `sector share in YEAR`")
        case "expect":
            advance()
            let metric = try parseMetric()
            let scenario = consume("in") ? try expectName("a scenario name") : nil
            return .expect(metric, scenario: scenario, try parseBound())
        case "compare":
            advance()
            return try parseCompare()
        case "sensitivity":
            advance()
            // `of` may be left out: `sensitivity median release`.
            return .sensitivity(consume("of") || !(isAtStatementEnd || isAt("in")) ? try parseMetric() : nil)
        case "observe":
            advance()
            return .observe(try parseObservation())
        case "unobserve":
            advance()
            if isAtStatementEnd { return .unobserve(.last) }
            if consume("all") { return .unobserve(.all) }
            return .unobserve(.number(try parseQuantity()))
        case "trace":
            advance()
            return .trace(try parseTrace())
        case "explain":
            advance()
            // `explain in hawk`: the whole scenario; `explain x in hawk`: one input.
            return .explain(isAtStatementEnd || isAt("in") ? nil : try expectName("a name to explain"))
        case "hist", "cdf", "fan":
            advance()
            if word == "fan", consume("sector") { return .chart(.sectorFan) }
            if word != "fan", consume("named") {
                try expect("release")
                return .chart(word == "hist" ? .namedReleaseHistogram : .namedReleaseCDF)
            }
            let subject = word == "fan" ? "adoption" : "release"
            guard consume(subject) else {
                // The other chart's subject: say which chart shows it.
                var failure = expected("`\(subject)`", suggesting: [subject])
                if word == "fan", isAt("release") {
                    failure.help = "the release's distribution is `hist release` or `cdf release`"
                } else if word != "fan", isAt("adoption") {
                    failure.help = "adoption's monthly bands are `fan adoption`"
                }
                throw failure
            }
            return .chart(word == "hist" ? .releaseHistogram : word == "cdf" ? .releaseCDF : .adoptionFan)
        case "tornado":
            advance()
            return .chart(.tornado)
        case "plot":
            advance()
            return try parsePlot()
        default:
            return nil
        }
    }

    /// `P {, P}`, possibly none.
    private mutating func parseQuantityList() throws(Failure) -> [Quantity] {
        var list: [Quantity] = []
        // An empty list; `in` starts a query's `in NAME`.
        guard !isAtStatementEnd && !isAt("in") else { return list }
        var progress = LoopProgress()
        repeat {
            guard progress.advanced(to: index) else { break }
            list.append(try parseQuantity())
        } while consume(.comma)
        return list
    }

    /// `adoption at DATE`, returning the date.
    private mutating func parseAdoptionAt() throws(Failure) -> Quantity {
        try expect("adoption")
        try expect("at")
        return try parseQuantity()
    }

    /// The words after `mean` or `median` that make a metric of it.
    static let metricSubjects: Set<String> = ["release", "named", "flagship", "adoption", "sector", "installed"]

    mutating func parseMetric() throws(Failure) -> MetricSyntax {
        let what =
            "`p(...)`, `median`, `mean`, `quantile`, `adoption at DATE`, `sector share`, `installed share` or `censored`"
        let subjects =
            "`release`, `named release`, `adoption at DATE`, `sector share in YEAR` or `installed share at DATE`"
        switch try expectOne(
            of: ["p", "median", "mean", "quantile", "adoption", "censored", "sector", "installed"], what)
        {
        case "p":
            try expect(.leftParen)
            let metric: MetricSyntax
            if consume("no") {
                guard let reading = try parseReleaseWord() else { throw expected("`release` or `named release`") }
                try expect("by")
                metric = .releaseProbability(by: try parseQuantity(), released: false, reading: reading)
            } else if let reading = try parseReleaseWord() {
                try expect("by")
                metric = .releaseProbability(by: try parseQuantity(), released: true, reading: reading)
            } else if isAt("folded") || isAt("not") {
                let folded = !consume("not")
                try expect("folded")
                try expect("by")
                metric = .foldedProbability(by: try parseQuantity(), folded: folded)
            } else if isAt("adoption") {
                let date = try parseAdoptionAt()
                let comparison = try parseComparison()
                metric = .adoptionProbability(at: date, comparison, try parseQuantity())
            } else if isAt("sector") || isAt("installed") {
                let window = try parseSectorWindow()
                let comparison = try parseComparison()
                metric = .sector(window, .probability(comparison, try parseQuantity()))
            } else {
                throw expected(
                    "`release by DATE`, `named release by DATE`, `folded by DATE`, `adoption at DATE above X` or `sector share in YEAR above X`"
                )
            }
            try expect(.rightParen)
            return metric
        case "median":
            if let reading = try parseReleaseWord() { return .medianRelease(reading) }
            if isAt("adoption") { return .adoptionMedian(at: try parseAdoptionAt()) }
            if isAt("sector") || isAt("installed") { return .sector(try parseSectorWindow(), .median) }
            throw expected(subjects)
        case "mean":
            if let reading = try parseReleaseWord() { return .meanRelease(reading) }
            if isAt("adoption") { return .adoptionMean(at: try parseAdoptionAt()) }
            if isAt("sector") || isAt("installed") { return .sector(try parseSectorWindow(), .mean) }
            throw expected(subjects)
        case "quantile":
            let p = try parseQuantity()
            if let reading = try parseReleaseWord() { return .releaseQuantile(p, reading) }
            if isAt("adoption") { return .adoptionQuantile(p, at: try parseAdoptionAt()) }
            if isAt("sector") || isAt("installed") { return .sector(try parseSectorWindow(), .quantile(p)) }
            throw expected(subjects)
        case "adoption":
            try expect("at")
            return .adoptionMean(at: try parseQuantity())
        case "sector", "installed":
            index -= 1
            return .sector(try parseSectorWindow(), .mean)
        default:
            return .censored
        }
    }

    /// `release`, `flagship release` or `named release`: which reading, or
    /// nil (nothing consumed) when none of them is here.
    private mutating func parseReleaseWord() throws(Failure) -> ReleaseReading? {
        if consume("release") { return .flagship }
        guard isAt("named") || isAt("flagship") else { return nil }
        let reading: ReleaseReading = advance().isIdentifier("named") ? .named : .flagship
        try expect("release")
        return reading
    }

    /// `sector share in YEAR`, `sector share in DATE to DATE` or
    /// `installed share at DATE`, then `by compute` if present.
    mutating func parseSectorWindow() throws(Failure) -> SectorWindowSyntax {
        let kind: SectorWindowSyntax.Kind
        if consume("installed") {
            try expect("share")
            try expect("at")
            kind = .installed(try parseQuantity())
        } else {
            try expect("sector")
            try expect("share")
            try expect("in")
            let first = try parseSum()
            // `to ±1%` after a window is the query's precision, not its end.
            kind = .share(first, to: !isAtPrecision && consume("to") ? try parseSum() : nil)
        }
        var compute = false
        if isAt("by"), peek()?.isIdentifier("compute") == true {
            advance()
            advance()
            compute = true
        }
        return SectorWindowSyntax(kind, compute: compute)
    }

    private mutating func parseComparison() throws(Failure) -> Comparison {
        try expectOne(of: ["above", "below"], "`above` or `below`") == "above" ? .above : .below
    }

    /// `by X or more`, if present.
    private mutating func parseDifference() throws(Failure) -> Quantity? {
        guard consume("by") else { return nil }
        let amount = try parseQuantity()
        try expect("or")
        try expect("more")
        return amount
    }

    private mutating func parseBound() throws(Failure) -> BoundSyntax {
        let what = "`between`, `above`, `below`, `before`, `after`, `later than` or `earlier than`"
        switch try expectOne(of: ["between", "above", "below", "before", "after", "later", "earlier"], what) {
        case "between":
            let low = try parseQuantity()
            try expect("and")
            return .between(low, try parseQuantity())
        case "above":
            let x = try parseQuantity()
            return .above(x, by: try parseDifference())
        case "below":
            let x = try parseQuantity()
            return .below(x, by: try parseDifference())
        case "before": return .before(try parseQuantity())
        case "after": return .after(try parseQuantity())
        case "later":
            try expect("than")
            let name = try expectName("a scenario name")
            return .laterThan(name, by: try parseDifference())
        default:
            try expect("than")
            let name = try expectName("a scenario name")
            return .earlierThan(name, by: try parseDifference())
        }
    }

    private mutating func parseCompare() throws(Failure) -> QuerySyntax {
        var names: [Name] = []
        var progress = LoopProgress()
        while let word = current?.identifier, word != "by", word != "at", word != "cite",
            progress.advanced(to: index)
        {
            names.append(try expectName("a scenario name"))
            // `compare a, b` reads as `compare a b`.
            if consume(.comma), current?.identifier.map({ !["by", "at", "cite"].contains($0) }) != true {
                throw expected("a scenario name")
            }
        }
        if names.count < 2 {
            throw Failure(.compareNeedsTwo, at: names.last?.range ?? SourceRange(at: currentStart))
        }
        var by: [Quantity] = []
        var at: [Quantity] = []
        var clauses = LoopProgress()
        while !isAtStatementEnd, clauses.advanced(to: index) {
            let token = current!
            let keyword = try expectOne(of: ["by", "at"], "`by DATE`, `at DATE` or the end of the statement")
            if !(keyword == "by" ? by : at).isEmpty {
                throw Failure(.duplicateClause(keyword), at: token.range)
            }
            let list = try parseQuantityList()
            if keyword == "by" { by = list } else { at = list }
        }
        return .compare(names, by: by, at: at)
    }

    private mutating func parseObservation() throws(Failure) -> ObservationSyntax {
        let what = "`release by`, `no release by`, `folded by`, `not folded by`, `adoption at`, `export` or `event`"
        switch try expectOne(of: ["no", "release", "adoption", "export", "event", "folded", "not"], what) {
        case "folded", "not":
            let happened = tokens[index - 1].isIdentifier("folded")
            if !happened { try expect("folded") }
            try expect("by")
            return .folded(by: try parseQuantity(), happened: happened)
        case "no":
            try expect("release")
            try expect("by")
            return .release(by: try parseQuantity(), happened: false)
        case "release":
            try expect("by")
            return .release(by: try parseQuantity(), happened: true)
        case "adoption":
            try expect("at")
            let date = try parseQuantity()
            let comparison = try parseComparison()
            return .adoption(at: date, comparison, try parseQuantity())
        case "export":
            let chip = try expectName("a chip name")
            let status = try expectOne(
                of: ["allowed", "licensed", "banned"], "`allowed`, `licensed` or `banned`")
            try expect("at")
            return .export(chip, ExportKind(rawValue: status)!, at: try parseQuantity())
        default:
            let name = try expectName("an event name")
            let fired = !consume("not")
            try expect("fired")
            return .event(name, fired: fired)
        }
    }

    private mutating func parseTrace() throws(Failure) -> TraceSyntax {
        guard consume("where") else { return .trial(try parseQuantity()) }
        if consume("no") {
            try expect("release")
            return .noRelease
        }
        try expect("release")
        let side = try expectOne(of: ["after", "before"], "`after` or `before`")
        let date = try parseQuantity()
        return side == "after" ? .releaseAfter(date) : .releaseBefore(date)
    }

    private mutating func parsePlot() throws(Failure) -> QuerySyntax {
        // The chart queries' own words name their charts too: `plot fan` is
        // `plot adoption`, as `fan adoption` shows it.
        let aliases = ["hist": PlotKind.release, "fan": .adoption, "tornado": .sensitivity]
        let kinds = PlotKind.allCases.map(\.rawValue) + aliases.keys.sorted()
        let word = try expectOne(of: kinds, "`release`, `cdf`, `adoption`, `sensitivity` or `sector`")
        let kind = aliases[word] ?? PlotKind(rawValue: word)!
        // `plot release in hawk to FILE`: the scenario comes before the path.
        let scenario = consume("in") ? try expectName("a scenario name") : nil
        try expect("to")
        guard let token = current else { throw expected("a file path ending in `.svg`") }
        switch token.kind {
        case .path(let path), .string(let path):
            advance()
            guard path.lowercased().hasSuffix(".svg") else {
                throw Failure(.plotPath, at: token.range, help: "end the path with `.svg`")
            }
            let plot = QuerySyntax.plot(kind, path: Citation(path, range: token.range))
            return scenario.map { .inScenario(plot, $0) } ?? plot
        default:
            throw expected("a file path ending in `.svg`")
        }
    }
}
