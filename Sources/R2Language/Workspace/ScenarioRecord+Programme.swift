import R2Model

extension ScenarioRecord {
    /// Applies the clauses of an `r2` statement.
    mutating func applyR2(_ clauses: [R2Clause], context: StatementContext) throws(Failure) {
        let e = elaborator
        var r2 = scenario.r2
        for clause in clauses {
            switch clause.kind {
            case .start(let date):
                r2.start = try e.date(date)
            case .needs(let quantity):
                r2.needs = try e.nonNegativeNumber(quantity, "the compute R2 needs")
            case .post(let duration):
                r2.post = try e.duration(duration, "post-training")
            case .hold(let p, let duration):
                r2.holdProbability = try e.probability(p)
                r2.holdMonths = try e.duration(duration, "a hold")
            case .switchAfter(let k, let port):
                r2.switchAfter = try e.nonNegativeNumber(k, "a failure count")
                if let port { r2.portMonths = try e.duration(port, "a port") }
            case .switchNever:
                r2.switchAfter = nil
            case .restart(let p):
                r2.restart = try e.probability(p)
            }
            r2.provenance[clause.kind.field] = context.provenance
        }
        scenario.r2 = r2
    }

    /// Declares (or, by the same name, replaces) an event.
    mutating func declareEvent(
        _ name: Name, probability: Quantity, window: EventWindowSyntax, changes: [ParsedStatement],
        context: StatementContext
    ) throws(Failure) {
        let e = elaborator
        let p = try e.probability(probability)
        let start: Value
        let end: Value
        switch window {
        case .between(let a, let b):
            start = try e.date(a)
            end = try e.date(b)
            if let x = e.constant(start), let y = e.constant(end), y.rounded(.down) < x.rounded(.down) {
                throw Failure(
                    .backwardsWindow, at: a.range.union(b.range),
                    help: "\(NumberText.date(y)) is before \(NumberText.date(x))")
            }
        case .at(let date), .inMonth(let date):
            start = try e.date(date)
            end = start
        }
        var entries: [TimelineEntry] = []
        for change in changes {
            entries += try self.changes(change.statement, provenance: context.provenance(of: change.range))
        }
        let event = Event(
            name: name.text, probability: p, windowStart: start, windowEnd: end, changes: entries,
            provenance: context.provenance)
        if let existing = scenario.events.firstIndex(where: { $0.name == name.text }) {
            scenario.events[existing] = event
        } else {
            scenario.events.append(event)
        }
    }
}
