import R2Model

extension ScenarioRecord {
    /// The timeline entries a changing statement (`perf`, `fail`, `buy`,
    /// `make`, `yield`, `export`, `pressure`) adds, without their `from`.
    func changes(_ statement: Statement, provenance: Provenance) throws(Failure) -> [TimelineEntry] {
        let e = elaborator
        func entry(_ target: TimelineTarget, _ value: Value) -> TimelineEntry {
            TimelineEntry(target: target, setting: .number(value), provenance: provenance)
        }
        // The chip and the value are checked apart, so both errors show.
        var failures = Failures()
        /// A monthly flow of chips (`buy`, `sector ship`, `sector make`):
        /// the chip must be of `origin`, the amount a rate.
        func flow(
            _ input: ChipInput, _ chip: Name, _ origin: Origin, _ statement: String, help: String,
            _ quantity: Quantity, _ what: String
        ) throws(Failure) -> [TimelineEntry] {
            let index = failures.attempt { () throws(Failure) in
                try chipIndex(chip, origin: origin, for: statement, help: help)
            }
            let amount = failures.attempt { () throws(Failure) in try e.amountPerMonth(quantity, what) }
            try failures.check()
            guard let index, let amount else { return [] }
            return [entry(.chip(index, input), amount)]
        }
        switch statement {
        case .chipInput(let input, let chip, let quantity, _):
            let index = failures.attempt { () throws(Failure) in try chipIndex(chip) }
            let value = failures.attempt { () throws(Failure) in
                input == .fail ? try e.probability(quantity) : try e.nonNegativeNumber(quantity, "`perf`")
            }
            try failures.check()
            guard let index, let value else { return [] }
            return [entry(.chip(index, input), value)]
        case .buy(let chip, let quantity, _):
            return try flow(
                .buy, chip, .foreign, "buy", help: "domestic chips are made: use `make`", quantity, "a purchase")
        case .make(let chip, let quantity, let yield, _):
            let index = failures.attempt { () throws(Failure) in
                try chipIndex(chip, origin: .domestic, for: "make", help: "foreign chips are bought: use `buy`")
            }
            let amount = failures.attempt { () throws(Failure) in try e.amountPerMonth(quantity, "production") }
            let yields = failures.attempt { () throws(Failure) in
                try yield.map { y throws(Failure) in try yieldEntries(index ?? 0, y, provenance) } ?? []
            }
            try failures.check()
            guard let index, let amount, let yields else { return [] }
            return [entry(.chip(index, .make), amount)] + yields
        case .yield(let chip, let yield, _):
            let index = failures.attempt { () throws(Failure) in
                try chipIndex(chip, origin: .domestic, for: "yield", help: "only domestic chips have yields")
            }
            let entries = failures.attempt { () throws(Failure) in try yieldEntries(index ?? 0, yield, provenance) }
            try failures.check()
            return entries ?? []
        case .export(let chip, let status, _):
            let index = failures.attempt { () throws(Failure) in
                try chipIndex(chip, origin: .foreign, for: "export", help: "export rules apply to foreign chips")
            }
            let setting = failures.attempt { () throws(Failure) -> ExportStatus in
                switch status {
                case .allowed: return .allowed
                case .banned: return .banned
                case .licensed(let p): return .licensed(try e.probability(p))
                }
            }
            try failures.check()
            guard let index, let setting else { return [] }
            return [
                TimelineEntry(target: .export(chip: index), setting: .export(setting), provenance: provenance)
            ]
        case .pressure(let level, _):
            return [entry(.pressure, try e.probability(level))]
        case .r2(let clauses, _):
            return try programmeEntries(clauses, provenance: provenance)
        case .sector(.ship(let chip, let quantity), _):
            return try flow(
                .ship, chip, .foreign, "sector ship", help: "domestic chips are made: use `sector make`", quantity,
                "shipments")
        case .sector(.make(let chip, let quantity), _):
            return try flow(
                .sectorMake, chip, .domestic, "sector make", help: "foreign chips are shipped: use `sector ship`",
                quantity, "production")
        case .sector(.pressure(let level), _):
            return [entry(.sectorPressure, try e.probability(level))]
        case .sector(.base(let chip, _), _):
            throw Failure(.baseNotATimeline, at: chip.range, help: "write `sector base` outside events, without `from`")
        default:
            return []
        }
    }

    /// The programme's timeline entries of a dated `r2` statement or of one
    /// inside an event (model v2); `start` and `switch` cannot change.
    func programmeEntries(_ clauses: [R2Clause], provenance: Provenance) throws(Failure) -> [TimelineEntry] {
        let e = elaborator
        var failures = Failures()
        var entries: [TimelineEntry] = []
        func add(_ input: ProgrammeInput, _ value: Value?) {
            if let value {
                entries.append(
                    TimelineEntry(target: .programme(input), setting: .number(value), provenance: provenance))
            }
        }
        for clause in clauses {
            switch clause.kind {
            case .start, .switchAfter, .switchNever:
                failures.add(
                    Failure(
                        .notATimeline(clause.kind.field), at: clause.range,
                        help: "needs, post, hold, restart and fold can change from a date or in an event"))
            case .needs(let q):
                add(
                    .needs,
                    failures.attempt { () throws(Failure) in try e.nonNegativeNumber(q, "the compute R2 needs") })
            case .post(let q):
                add(.post, failures.attempt { () throws(Failure) in try e.duration(q, "post-training") })
            case .hold(let p, let d):
                add(.holdProbability, failures.attempt { () throws(Failure) in try e.probability(p) })
                add(.holdMonths, failures.attempt { () throws(Failure) in try e.duration(d, "a hold") })
            case .restart(let p):
                add(.restart, failures.attempt { () throws(Failure) in try e.probability(p) })
            case .fold(let p):
                add(.fold, failures.attempt { () throws(Failure) in try e.monthlyProbability(p) })
            }
        }
        try failures.check()
        return entries
    }

    /// `yieldStart`, `yieldGrowth` and `yieldCap`: a part not written is at
    /// its default (growth 0, cap 100%), as an implied entry, so that a
    /// later `yield` without `rising` stops the growth an earlier one set
    /// (the caller keeps an implied entry only where it can matter).
    private func yieldEntries(_ chip: Int, _ yield: YieldSyntax, _ provenance: Provenance) throws(Failure)
        -> [TimelineEntry]
    {
        let e = elaborator
        var failures = Failures()
        func entry(_ input: ChipInput, _ value: Value?) -> [TimelineEntry] {
            value.map { [TimelineEntry(target: .chip(chip, input), setting: .number($0), provenance: provenance)] }
                ?? []
        }
        let start = failures.attempt { () throws(Failure) in try e.yieldShare(yield.start) }
        let growth = failures.attempt { () throws(Failure) -> Value? in
            guard let growth = yield.growth else { return nil }
            let value = try e.amountPerMonth(growth, "the yield's growth")
            if let (_, high) = e.extent(value), high > 1 {
                throw Failure(
                    .probabilityOutOfRange, at: growth.range,
                    help: "this reaches \(NumberText.percent(high)) a month")
            }
            return value
        }
        let cap = failures.attempt { () throws(Failure) in
            try yield.cap.map { c throws(Failure) in try e.yieldShare(c) }
        }
        try failures.check()
        func implied(_ input: ChipInput, _ value: Double) -> [TimelineEntry] {
            [
                TimelineEntry(
                    target: .chip(chip, input), setting: .number(.constant(value)), provenance: provenance,
                    isImplied: true)
            ]
        }
        let writtenGrowth: Value? = growth ?? nil
        let writtenCap: Value? = cap ?? nil
        return entry(.yieldStart, start)
            + (writtenGrowth.map { entry(.yieldGrowth, $0) } ?? implied(.yieldGrowth, 0))
            + (writtenCap.map { entry(.yieldCap, $0) } ?? implied(.yieldCap, 1))
    }
}
