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
        // A statement without a date acts from step 0, and among the
        // statements acting from one step the last in file order wins
        // (spec/model-v2.md, 1). A dated statement of the same input may
        // come before it and still act from step 0 (dated at or before the
        // clock's start, or from a random date that falls there): the
        // programme's own value is only where a trial starts, and every
        // timeline entry is applied on top of it. So the undated value is
        // also written as an entry from step 0 here, after those: it wins
        // at step 0, and a later step's statement still wins from its step.
        // Without an earlier dated statement nothing is added, so no
        // scenario without one changes.
        for clause in clauses {
            for input in clause.kind.programmeInputs
            where scenario.timeline.contains(where: { $0.target == .programme(input) }) {
                guard let value = r2.value(of: input) else { continue }
                scenario.timeline.append(
                    TimelineEntry(target: .programme(input), setting: .number(value), provenance: context.provenance))
            }
        }
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

extension R2Clause.Kind {
    /// The programme inputs (timelines) the clause sets; none for `start`
    /// and `switch`, which stay single statements.
    var programmeInputs: [ProgrammeInput] {
        switch self {
        case .needs: return [.needs]
        case .post: return [.post]
        case .hold: return [.holdProbability, .holdMonths]
        case .restart: return [.restart]
        case .fold: return [.fold]
        case .start, .switchAfter, .switchNever: return []
        }
    }
}

extension R2Programme {
    /// The value of a programme input (nil for `needs` before it is set).
    func value(of input: ProgrammeInput) -> Value? {
        switch input {
        case .needs: return needs
        case .post: return post
        case .holdProbability: return holdProbability
        case .holdMonths: return holdMonths
        case .restart: return restart
        case .fold: return fold
        }
    }
}
