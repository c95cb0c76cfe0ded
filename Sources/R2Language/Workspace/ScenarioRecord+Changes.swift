import R2Model

extension ScenarioRecord {
    /// The timeline entries a changing statement (`perf`, `fail`, `buy`,
    /// `make`, `yield`, `export`, `pressure`) adds, without their `from`.
    func changes(_ statement: Statement, provenance: Provenance) throws(Failure) -> [TimelineEntry] {
        let e = elaborator
        func entry(_ target: TimelineTarget, _ value: Value) -> TimelineEntry {
            TimelineEntry(target: target, setting: .number(value), provenance: provenance)
        }
        switch statement {
        case .chipInput(let input, let chip, let quantity, _):
            let index = try chipIndex(chip)
            let value =
                input == .fail ? try e.probability(quantity) : try e.nonNegativeNumber(quantity, "`perf`")
            return [entry(.chip(index, input), value)]
        case .buy(let chip, let quantity, _):
            let index = try chipIndex(
                chip, origin: .foreign, for: "buy", help: "domestic chips are made: use `make`")
            return [entry(.chip(index, .buy), try e.amountPerMonth(quantity, "a purchase"))]
        case .make(let chip, let quantity, let yield, _):
            let index = try chipIndex(
                chip, origin: .domestic, for: "make", help: "foreign chips are bought: use `buy`")
            let amount = try e.amountPerMonth(quantity, "production")
            let yields = try yield.map { y throws(Failure) in try yieldEntries(index, y, provenance) } ?? []
            return [entry(.chip(index, .make), amount)] + yields
        case .yield(let chip, let yield, _):
            let index = try chipIndex(
                chip, origin: .domestic, for: "yield", help: "only domestic chips have yields")
            return try yieldEntries(index, yield, provenance)
        case .export(let chip, let status, _):
            let index = try chipIndex(
                chip, origin: .foreign, for: "export", help: "export rules apply to foreign chips")
            let setting: ExportStatus
            switch status {
            case .allowed: setting = .allowed
            case .banned: setting = .banned
            case .licensed(let p): setting = .licensed(try e.probability(p))
            }
            return [
                TimelineEntry(target: .export(chip: index), setting: .export(setting), provenance: provenance)
            ]
        case .pressure(let level, _):
            return [entry(.pressure, try e.probability(level))]
        default:
            return []
        }
    }

    /// `yieldStart`, and `yieldGrowth` and `yieldCap` when written.
    private func yieldEntries(_ chip: Int, _ yield: YieldSyntax, _ provenance: Provenance) throws(Failure)
        -> [TimelineEntry]
    {
        let e = elaborator
        var entries = [
            TimelineEntry(
                target: .chip(chip, .yieldStart), setting: .number(try e.probability(yield.start)),
                provenance: provenance)
        ]
        if let growth = yield.growth {
            let value = try e.amountPerMonth(growth, "the yield's growth")
            if let (_, high) = e.extent(value), high > 1 {
                throw Failure(
                    .probabilityOutOfRange, at: growth.range,
                    help: "this reaches \(NumberText.percent(high)) a month")
            }
            entries.append(
                TimelineEntry(
                    target: .chip(chip, .yieldGrowth), setting: .number(value), provenance: provenance))
        }
        if let cap = yield.cap {
            entries.append(
                TimelineEntry(
                    target: .chip(chip, .yieldCap), setting: .number(try e.probability(cap)),
                    provenance: provenance))
        }
        return entries
    }
}
