extension SimulationResult {
    /// Why this result cannot be what a run produced (counts that disagree
    /// with one another), or nil when its parts fit together. A result read
    /// from a file (a shard part) is checked before any use: a damaged or
    /// edited part must be refused with the reason, not merged into a
    /// forecast or indexed out of range.
    public var inconsistency: String? {
        guard trials >= 0, firstTrial >= 0, firstTrial <= Int.max - trials else {
            return "its trials (\(firstTrial) ..< \(firstTrial) + \(trials)) are not a range of trials"
        }
        // Months of years 1 ... 9999, the dates a scenario can write.
        let calendar = 12...(9999 * 12 + 11)
        guard calendar.contains(clockStart), calendar.contains(clockEnd), clockEnd >= clockStart else {
            return "its clock (months \(clockStart) ... \(clockEnd)) runs backwards or outside the years 1 to 9999"
        }
        guard releases.count == trials else { return "it holds \(releases.count) release times for \(trials) trials" }
        guard accepted >= 0, accepted <= trials, accepted == releases.count(where: { !$0.isNaN }) else {
            return "it says \(accepted) trials were kept, which its release times do not show"
        }
        guard adoptionCounts.count == steps * binStride else {
            return "its adoption histograms have \(adoptionCounts.count) counts, not \(steps * binStride)"
        }
        guard adoptionSum.count == steps, adoptionSumOfSquares.count == steps else {
            return "its adoption sums do not cover the \(steps) months of its clock"
        }
        guard totals.eventFires.count == eventNames.count, totals.finalFleetSum.count == chipNames.count else {
            return "its totals do not match its \(chipNames.count) chips and \(eventNames.count) events"
        }
        // Values that index months or name dates: a release before the
        // clock, or a fold outside it, would be read as a month that is not.
        if let bad = releases.first(where: { !$0.isNaN && !($0 >= 0) }) {
            return "it holds a release time of \(bad) months, before its clock starts"
        }
        if let folds, folds.count != trials { return "it holds \(folds.count) fold months for \(trials) trials" }
        if let folds,
            let bad = folds.first(where: {
                !$0.isNaN && $0 != .infinity && !(0..<Float(steps) ~= $0 && $0 == $0.rounded())
            })
        {
            return "it holds a fold in month \(bad), not a month of its \(steps)-month clock"
        }
        if let sector, sector.values.count != trials * sector.windows.count {
            return "its sector shares do not fill \(trials) trials x \(sector.windows.count) windows"
        }
        if let sector, let outside = sector.windows.first(where: { !$0.lies(within: clock) }) {
            let months =
                switch outside.kind {
                case .share(let first, let last): "months \(first) ... \(last)"
                case .installed(let month): "month \(month)"
                }
            return "its sector window (\(months)) is not months of its clock (\(clockStart) ... \(clockEnd))"
        }
        if let sector, let bad = sector.values.first(where: { !$0.isNaN && !(0...1 ~= $0) }) {
            return "it holds a sector share of \(bad), not a share between 0 and 1"
        }
        if let probes = adoptionProbes, probes.values.count != trials * probes.steps.count {
            return "its kept adoption values do not fill \(trials) trials x \(probes.steps.count) months"
        }
        if let probes = adoptionProbes, let step = probes.steps.first(where: { !(0..<steps).contains($0) }) {
            return "it keeps adoption at month \(step) of a clock of \(steps) months"
        }
        return nil
    }
}
