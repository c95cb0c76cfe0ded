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
        guard clockEnd >= clockStart, steps <= 12 * 10_000 else {
            return "its clock runs backwards or past 10,000 years"
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
        if let folds, folds.count != trials { return "it holds \(folds.count) fold months for \(trials) trials" }
        if let sector, sector.values.count != trials * sector.windows.count {
            return "its sector shares do not fill \(trials) trials x \(sector.windows.count) windows"
        }
        if let probes = adoptionProbes, probes.values.count != trials * probes.steps.count {
            return "its kept adoption values do not fill \(trials) trials x \(probes.steps.count) months"
        }
        return nil
    }
}
