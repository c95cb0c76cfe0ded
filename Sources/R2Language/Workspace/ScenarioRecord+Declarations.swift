import R2Model

extension ScenarioRecord {
    /// Applies a declaration to this scenario.
    mutating func apply(_ statement: Statement, context: StatementContext) throws(Failure) {
        let e = elaborator
        let provenance = context.provenance
        switch statement {
        case .asOf(let date, let shipped):
            scenario.knownAsOf = try e.calendarDate(date)
            scenario.flagshipShipped = shipped
            scenario.asOfProvenance = provenance
        case .clock(let a, let b):
            var failures = Failures()
            let first = failures.attempt { () throws(Failure) in try e.calendarDate(a) }
            let last = failures.attempt { () throws(Failure) in try e.calendarDate(b) }
            try failures.check()
            guard let start = first, let end = last else { return }
            guard end.absoluteMonth >= start.absoluteMonth else {
                throw Failure(.backwardsClock, at: a.range.union(b.range), help: "\(end) is before \(start)")
            }
            stateClock(Clock(start: start.absoluteMonth, end: end.absoluteMonth))
        case .trials(let count):
            let n = try e.constantInteger(count, "the trial count")
            guard n >= 1, n <= Double(Scenario.maximumTrials) else {
                throw Failure(.trialCount, at: count.range, help: "this is \(NumberText.plain(n))")
            }
            scenario.trials = Int(n)
            scenario.precision = nil
        case .trialsToPrecision(let p):
            scenario.precision = try e.precision(p)
        case .seed(let seed):
            let n = try e.constantInteger(seed, "the seed")
            guard n >= 0, n <= 0x1p53 else {
                throw Failure(.seedRange, at: seed.range, help: "this is \(NumberText.plain(n))")
            }
            scenario.seed = UInt64(n)
        case .letBinding(let name, let quantity):
            let typed = try e.elaborate(quantity)
            scenario.variables.append(Variable(name: name.text, value: typed.value, provenance: provenance))
            dimensions.append(typed.dimension)
        case .chip(let name, let origin, let perf, let fail):
            try declareChip(name, origin, perf: perf, fail: fail, provenance: provenance)
        case .fleet(let chip, let quantity):
            let (index, fleet) = try chipAmount(chip, quantity, "a fleet")
            scenario.chips[index].fleet = fleet
            scenario.chips[index].fleetProvenance = provenance
        case .chipInput(_, _, _, let from), .buy(_, _, let from), .make(_, _, _, let from),
            .yield(_, _, let from), .export(_, _, let from), .pressure(_, let from):
            var failures = Failures()
            let entries = failures.attempt { () throws(Failure) in try changes(statement, provenance: provenance) }
            let start = failures.attempt { () throws(Failure) in
                try from.map { date throws(Failure) in try e.date(date) }
            }
            try failures.check()
            for var entry in entries ?? [] {
                // An undated part left at its default matters only where
                // an earlier statement set it (a dated one, from its month).
                if entry.isImplied, from == nil, !scenario.timeline.contains(where: { $0.target == entry.target }) {
                    continue
                }
                entry.from = start ?? nil
                scenario.timeline.append(entry)
            }
            if let from, let date = start ?? nil {
                noteWindow(.from, date, date, at: from.range, in: context.file)
            }
        case .r2(let clauses, nil):
            try applyR2(clauses, context: context)
        case .r2(_, let from?), .sector(_, let from?):
            // Dated: timeline statements from that month (model v2).
            var failures = Failures()
            let entries = failures.attempt { () throws(Failure) in try changes(statement, provenance: provenance) }
            let start = failures.attempt { () throws(Failure) in try e.date(from) }
            try failures.check()
            for var entry in entries ?? [] {
                entry.from = start
                scenario.timeline.append(entry)
            }
            if let start { noteWindow(.from, start, start, at: from.range, in: context.file) }
        case .sector(.base(let chip, let quantity), nil):
            let (index, base) = try chipAmount(chip, quantity, "an installed base")
            scenario.chips[index].base = base
            scenario.chips[index].baseProvenance = provenance
        case .sector(_, nil):
            for entry in try changes(statement, provenance: provenance) { scenario.timeline.append(entry) }
        case .correlate(let first, let second, let coefficient):
            try correlate(first, second, coefficient, provenance: provenance)
        case .event(let name, let probability, let window, let changes):
            try declareEvent(
                name, probability: probability, window: window, changes: changes, context: context)
        case .scenario, .use, .query, .include:
            break  // handled by the workspace
        }
    }

    /// A declared chip and a number of its units that cannot be negative
    /// (`what` names it), both checked so that both errors show.
    func chipAmount(_ chip: Name, _ quantity: Quantity, _ what: String) throws(Failure) -> (Int, Value) {
        var failures = Failures()
        let index = failures.attempt { () throws(Failure) in try chipIndex(chip) }
        let amount = failures.attempt { () throws(Failure) in try elaborator.nonNegativeNumber(quantity, what) }
        try failures.check()
        return (index!, amount!)
    }

    /// The index of a declared chip, or a failure suggesting a near name.
    func chipIndex(_ name: Name) throws(Failure) -> Int {
        if let index = scenario.chipIndex(named: name.text) { return index }
        let help =
            Suggestion.help(for: name.text, in: scenario.chips.map(\.name))
            ?? "declare it first with `chip \(name.text) foreign` or `chip \(name.text) domestic`"
        throw Failure(.unknownChip(name.text), at: name.range, help: help)
    }

    /// A chip's index when it has `origin`; `keyword` names the statement.
    func chipIndex(_ name: Name, origin: Origin, for keyword: String, help: String) throws(Failure) -> Int {
        let index = try chipIndex(name)
        let actual = scenario.chips[index].origin
        guard actual == origin else {
            throw Failure(.wrongOrigin(keyword, name.text, actual.rawValue), at: name.range, help: help)
        }
        return index
    }

    private mutating func declareChip(
        _ name: Name, _ origin: Origin, perf: Quantity?, fail: Quantity?, provenance: Provenance
    ) throws(Failure) {
        let e = elaborator
        var failures = Failures()
        let existing = scenario.chipIndex(named: name.text)
        if let existing, scenario.chips[existing].origin != origin {
            failures.add(Failure(.originMismatch(name.text, scenario.chips[existing].origin.rawValue), at: name.range))
        }
        let perfValue = failures.attempt { () throws(Failure) in
            try perf.map { q throws(Failure) in try e.nonNegativeNumber(q, "`perf`") }
        }
        let failValue = failures.attempt { () throws(Failure) in
            try fail.map { q throws(Failure) in try e.probability(q) }
        }
        try failures.check()
        let index: Int
        if let existing {
            scenario.chips[existing].provenance = provenance
            index = existing
        } else {
            scenario.chips.append(Chip(name: name.text, origin: origin, provenance: provenance))
            index = scenario.chips.count - 1
        }
        for (input, value) in [(ChipInput.perf, perfValue ?? nil), (.fail, failValue ?? nil)] {
            guard let value else { continue }
            scenario.timeline.removeAll { $0.target == .chip(index, input) && $0.from == nil }
            scenario.timeline.append(
                TimelineEntry(target: .chip(index, input), setting: .number(value), provenance: provenance))
        }
    }
}
