import Foundation
import R2Model

@testable import R2Engine

/// Scenario builders for the engine tests (the language is not available here).
enum Fixtures {
    /// January 2025 as an absolute month.
    static let jan2025 = 2025 * 12

    static func month(_ year: Int, _ month: Int) -> Double { Double(year * 12 + month - 1) }

    /// A scenario of `months` steps from January 2025 with R2 starting at
    /// step `start` and needing `needs` reference chip-months.
    static func scenario(months: Int = 24, start: Int = 0, needs: Double = 1000) -> Scenario {
        var s = Scenario(name: "test", clock: Clock(start: jan2025, end: jan2025 + months - 1))
        s.r2.start = .constant(Double(jan2025 + start))
        s.r2.needs = .constant(needs)
        return s
    }

    static func set(_ s: inout Scenario, chip: Int, _ input: ChipInput, _ value: Value, fromStep: Int? = nil) {
        s.timeline.append(
            TimelineEntry(
                target: .chip(chip, input), setting: .number(value),
                from: fromStep.map { .constant(Double(jan2025 + $0)) }))
    }

    static func pressure(_ s: inout Scenario, _ value: Double, fromStep: Int? = nil) {
        s.timeline.append(
            TimelineEntry(
                target: .pressure, setting: .number(.constant(value)),
                from: fromStep.map { .constant(Double(jan2025 + $0)) }))
    }

    static func export(_ s: inout Scenario, chip: Int, _ status: ExportStatus, fromStep: Int? = nil) {
        s.timeline.append(
            TimelineEntry(
                target: .export(chip: chip), setting: .export(status),
                from: fromStep.map { .constant(Double(jan2025 + $0)) }))
    }

    /// A scenario that uses every mechanism: random inputs, supply with
    /// licences and pressure, yields, events, failures, restarts, switches,
    /// ports and holds.
    static func rich(months: Int = 36) -> Scenario {
        var s = scenario(months: months, start: 1)
        s.variables = [
            Variable(name: "scale", value: .interval90(low: .constant(0.8), high: .constant(1.25)))
        ]
        s.chips = [
            Chip(
                name: "h800", origin: .foreign,
                fleet: .interval90(low: .constant(2000), high: .constant(4000))),
            Chip(name: "h20", origin: .foreign, fleet: .uniform(low: .constant(1000), high: .constant(3000))),
            Chip(name: "ascend910c", origin: .domestic, fleet: .constant(500)),
            Chip(name: "ascend950", origin: .domestic),
        ]
        set(&s, chip: 0, .fail, .constant(0.02))
        set(&s, chip: 1, .perf, .constant(0.3))
        set(&s, chip: 1, .buy, .binary(.multiply, .variable(0), .constant(400)))
        export(&s, chip: 1, .licensed(.beta(alpha: .constant(2), beta: .constant(2))), fromStep: 3)
        set(&s, chip: 2, .perf, .triangular(low: .constant(0.3), mode: .constant(0.5), high: .constant(0.6)))
        set(&s, chip: 2, .fail, .interval90(low: .constant(0.1), high: .constant(0.4)))
        set(&s, chip: 2, .make, .interval90(low: .constant(500), high: .constant(1500)))
        set(&s, chip: 2, .yieldStart, .pert(low: .constant(0.2), mode: .constant(0.35), high: .constant(0.5)))
        set(&s, chip: 2, .yieldGrowth, .constant(0.01))
        set(&s, chip: 2, .yieldCap, .constant(0.7))
        set(&s, chip: 3, .perf, .constant(0.9))
        set(&s, chip: 3, .fail, .constant(0.1))
        s.timeline.append(
            TimelineEntry(
                target: .chip(3, .make), setting: .number(.constant(300)),
                from: .monthWindow(from: .constant(month(2026, 1)), to: .constant(month(2026, 6)))))
        pressure(&s, 0.3)
        pressure(&s, 0.7, fromStep: 7)
        s.r2.needs = .interval90(low: .constant(15000), high: .constant(40000))
        s.r2.post = .mixture(
            components: [.constant(1), .uniform(low: .constant(2), high: .constant(4))], weights: [1, 3])
        s.r2.holdProbability = .constant(0.3)
        s.r2.holdMonths = .constant(1)
        s.r2.switchAfter = .constant(2)
        s.r2.portMonths = .constant(1.5)
        s.r2.restart = .constant(0.2)
        s.events = [
            Event(
                name: "reban", probability: .constant(0.4), windowStart: .constant(month(2025, 10)),
                windowEnd: .constant(month(2026, 6)),
                changes: [TimelineEntry(target: .export(chip: 1), setting: .export(.banned))]),
            Event(
                name: "push", probability: .constant(0.5), windowStart: .constant(month(2025, 6)),
                windowEnd: .constant(month(2025, 6)),
                changes: [TimelineEntry(target: .pressure, setting: .number(.constant(1)))]),
        ]
        return s
    }

    /// A result written as shards write it (non-finite numbers as strings) and read back.
    static func jsonRoundTrip(_ r: SimulationResult) throws -> SimulationResult {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try decoder.decode(SimulationResult.self, from: try encoder.encode(r))
    }

    static func compile(_ s: Scenario) throws -> CompiledScenario {
        try Engine.compile(s)
    }

    static func run(
        _ s: Scenario, trials: Int, seed: UInt64 = 7, threads: Int = 2, conditions: [Condition] = []
    ) throws -> SimulationResult {
        try Engine.run(
            try Engine.compile(s),
            options: SimulationOptions(trials: trials, seed: seed, threads: threads, conditions: conditions))
    }
}

/// Sample moments and the 4-standard-error check of statistical tests.
struct Moments {
    var n: Double
    var mean: Double
    var variance: Double

    init(_ xs: [Double]) {
        let n = Double(xs.count)
        let mean = xs.reduce(0, +) / n
        self.n = n
        self.mean = mean
        variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    }

    /// True when the mean is within 4 standard errors of `mean` (SE from
    /// the known variance) and the variance within 4 standard errors of
    /// `variance` (SE from the known 4th central moment: sqrt((mu4 - var^2)/n)).
    func matches(mean m: Double, variance v: Double, centralMoment4 mu4: Double) -> Bool {
        let seMean = (v / n).squareRoot()
        let seVariance = ((mu4 - v * v) / n).squareRoot()
        return abs(mean - m) <= 4 * seMean && abs(variance - v) <= 4 * seVariance
    }

    /// The 4th central moment from raw moments E[X], E[X^2], E[X^3], E[X^4].
    static func central4(_ r1: Double, _ r2: Double, _ r3: Double, _ r4: Double) -> Double {
        r4 - 4 * r1 * r3 + 6 * r1 * r1 * r2 - 3 * r1 * r1 * r1 * r1
    }
}
