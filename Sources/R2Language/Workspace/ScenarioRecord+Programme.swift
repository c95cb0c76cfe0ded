import R2Model

extension ScenarioRecord {
    /// Applies the clauses of an `r2` statement.
    mutating func applyR2(_ clauses: [R2Clause], context: StatementContext) throws(Failure) {
        let e = elaborator
        var r2 = scenario.r2
        // Each clause, and each part of one, is checked apart, so that all
        // their errors show; nothing applies unless all pass.
        var failures = Failures()
        for clause in clauses {
            switch clause.kind {
            case .start(let date):
                if let v = failures.attempt({ () throws(Failure) in try e.date(date) }) { r2.start = v }
            case .needs(let quantity):
                if let v = failures.attempt({ () throws(Failure) in
                    try e.nonNegativeNumber(quantity, "the compute R2 needs")
                }) {
                    r2.needs = v
                }
            case .post(let duration):
                if let v = failures.attempt({ () throws(Failure) in try e.duration(duration, "post-training") }) {
                    r2.post = v
                }
            case .hold(let p, let duration):
                if let v = failures.attempt({ () throws(Failure) in try e.probability(p) }) { r2.holdProbability = v }
                if let v = failures.attempt({ () throws(Failure) in try e.duration(duration, "a hold") }) {
                    r2.holdMonths = v
                }
            case .switchAfter(let k, let port):
                if let v = failures.attempt({ () throws(Failure) in try e.nonNegativeNumber(k, "a failure count") }) {
                    r2.switchAfter = v
                }
                if let port, let v = failures.attempt({ () throws(Failure) in try e.duration(port, "a port") }) {
                    r2.portMonths = v
                }
            case .switchNever:
                r2.switchAfter = nil
            case .restart(let p):
                if let v = failures.attempt({ () throws(Failure) in try e.probability(p) }) { r2.restart = v }
            case .fold(let p):
                if let v = failures.attempt({ () throws(Failure) in try e.monthlyProbability(p) }) { r2.fold = v }
            }
            r2.provenance[clause.kind.field] = context.provenance
        }
        try failures.check()
        scenario.r2 = r2
    }

    /// Declares (or, by the same name, replaces) an event.
    mutating func declareEvent(
        _ name: Name, probability: Quantity, window: EventWindowSyntax, changes: [ParsedStatement],
        context: StatementContext
    ) throws(Failure) {
        let e = elaborator
        // The probability, the window and each change are checked apart, so
        // that all their errors show; nothing applies unless all pass.
        var failures = Failures()
        let probabilityValue = failures.attempt { () throws(Failure) in try e.probability(probability) }
        let windowValues = failures.attempt { () throws(Failure) -> (Value, Value) in
            switch window {
            case .between(let a, let b):
                var parts = Failures()
                let start = parts.attempt { () throws(Failure) in try e.date(a) }
                let end = parts.attempt { () throws(Failure) in try e.date(b) }
                try parts.check()
                guard let start, let end else { return (.constant(0), .constant(0)) }
                if let x = e.constant(start), let y = e.constant(end), y.rounded(.down) < x.rounded(.down) {
                    throw Failure(
                        .backwardsWindow, at: a.range.union(b.range),
                        help: "\(NumberText.date(y)) is before \(NumberText.date(x))")
                }
                return (start, end)
            case .at(let date), .inMonth(let date):
                let start = try e.date(date)
                return (start, start)
            }
        }
        var entries: [TimelineEntry] = []
        for change in changes {
            entries +=
                failures.attempt { () throws(Failure) in
                    try self.changes(change.statement, provenance: context.provenance(of: change.range))
                } ?? []
        }
        try failures.check()
        guard let p = probabilityValue, let (start, end) = windowValues else { return }
        let event = Event(
            name: name.text, probability: p, windowStart: start, windowEnd: end, changes: entries,
            provenance: context.provenance)
        if let existing = scenario.events.firstIndex(where: { $0.name == name.text }) {
            scenario.events[existing] = event
        } else {
            scenario.events.append(event)
        }
        let windowRange: SourceRange
        switch window {
        case .between(let a, let b): windowRange = a.range.union(b.range)
        case .at(let date), .inMonth(let date): windowRange = date.range
        }
        noteWindow(.event(name.text), start, end, at: windowRange, in: context.file)
    }
}
