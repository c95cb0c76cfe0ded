import Foundation
import R2Model
import Testing

@testable import R2Engine

/// Model v2's mechanisms (spec/model-v2.md) against answers known in
/// closed form, and their determinism across threads and shards.
@Suite struct ModelV2Tests {
    /// One foreign chip of 1,000 reference units that never fails: training
    /// of `needs` chip-months from step 0 completes at tau = needs / 1000.
    static func steady(months: Int = 24, needs: Double = 1000) -> Scenario {
        var s = Fixtures.scenario(months: months, start: 0, needs: needs)
        s.chips = [Chip(name: "h800", origin: .foreign, fleet: .constant(1000))]
        return s
    }

    static func month(_ step: Int) -> Value { .constant(Double(Fixtures.jan2025 + step)) }

    // MARK: Fold

    /// tau = 1, P = 5: r = 6, so the fold draws run at steps 0 ... 5 and
    /// P(folded) = 1 - (1 - phi)^6; P(F = t) = phi (1 - phi)^t.
    @Test func aConstantFoldGivesTheFoldedShareInClosedForm() throws {
        var s = Self.steady()
        s.r2.post = .constant(5)
        s.r2.fold = .constant(0.1)
        let n = 40_000
        let result = try Fixtures.run(s, trials: n)
        let folds = try #require(result.folds)
        let folded = folds.filter(\.isFinite)
        let p = 1 - pow(0.9, 6.0)
        let se = (p * (1 - p) / Double(n)).squareRoot()
        #expect(abs(Double(folded.count) / Double(n) - p) <= 4 * se)
        for t in 0..<6 {
            let q = 0.1 * pow(0.9, Double(t))
            let k = folds.filter { $0 == Float(t) }.count
            #expect(abs(Double(k) / Double(n) - q) <= 4 * (q * (1 - q) / Double(n)).squareRoot(), "step \(t)")
        }
        #expect(folds.allSatisfy { !$0.isFinite || $0 < 6 })
        // The flagship still ships at r = 6 in every trial; the named one
        // only where it did not fold.
        #expect(result.releases.allSatisfy { $0 == 6 })
        let named = result.namedReleases
        #expect(zip(named, folds).allSatisfy { r, f in f.isFinite ? r == .infinity : r == 6 })
    }

    /// A fold probability of 1 folds at the programme's start; 0 never folds
    /// and the named release is the flagship's.
    @Test func certainAndImpossibleFolds() throws {
        var s = Self.steady()
        s.r2.start = Self.month(3)
        s.r2.post = .constant(1)
        s.r2.fold = .constant(1)
        let always = try Fixtures.run(s, trials: 100)
        #expect(always.folds?.allSatisfy { $0 == 3 } == true)
        s.r2.fold = .constant(0)
        s.timeline.append(
            TimelineEntry(target: .programme(.fold), setting: .number(.constant(0)), from: Self.month(10)))
        let never = try Fixtures.run(s, trials: 100)
        #expect(never.folds?.allSatisfy { $0 == .infinity } == true)
        #expect(never.namedReleases == never.releases)
    }

    /// A fold from a date acts from its step only: with phi = 1 from step 4
    /// and a release at r = 6, every trial folds at step 4.
    @Test func aDatedFoldActsFromItsMonth() throws {
        var s = Self.steady()
        s.r2.post = .constant(5)
        s.timeline.append(TimelineEntry(target: .programme(.fold), setting: .number(.constant(1)), from: Self.month(4)))
        let result = try Fixtures.run(s, trials: 64)
        #expect(result.folds?.allSatisfy { $0 == 4 } == true)
        // From step 6 on (t < r fails), nothing folds.
        var late = Self.steady()
        late.r2.post = .constant(5)
        late.timeline.append(
            TimelineEntry(target: .programme(.fold), setting: .number(.constant(1)), from: Self.month(6)))
        #expect(try Fixtures.run(late, trials: 64).folds?.allSatisfy { $0 == .infinity } == true)
    }

    // MARK: Programme timelines

    /// needs 5k; from step 3 needs 2.5k: progress 3k after steps 0-2 meets
    /// it, so training completes at the start of step 3 (tau = 3). A lower
    /// target above progress (3.5k) only moves the finish: tau = 3.5.
    @Test func aLoweredNeedsBelowProgressCompletesAtThatStep() throws {
        var s = Self.steady(needs: 5000)
        s.timeline.append(
            TimelineEntry(target: .programme(.needs), setting: .number(.constant(2500)), from: Self.month(3)))
        #expect(try Fixtures.run(s, trials: 32).releases.allSatisfy { $0 == 3 })
        var above = Self.steady(needs: 5000)
        above.timeline.append(
            TimelineEntry(target: .programme(.needs), setting: .number(.constant(3500)), from: Self.month(3)))
        #expect(try Fixtures.run(above, trials: 32).releases.allSatisfy { $0 == 3.5 })
        // Raised, the target is read at every step: 8k completes at tau = 8.
        var raised = Self.steady(needs: 5000)
        raised.timeline.append(
            TimelineEntry(target: .programme(.needs), setting: .number(.constant(8000)), from: Self.month(2)))
        #expect(try Fixtures.run(raised, trials: 32).releases.allSatisfy { $0 == 8 })
    }

    /// P is read in the step training completes: post 1, then 4 from step
    /// 2; needs 2.5k completes in step 2 (tau = 2.5): r = 6.5. A hold of
    /// probability 1 for 0 months from step 5 comes too late to count.
    @Test func postAndHoldAreReadWhenTrainingCompletes() throws {
        var s = Self.steady(needs: 2500)
        s.r2.post = .constant(1)
        s.timeline.append(TimelineEntry(target: .programme(.post), setting: .number(.constant(4)), from: Self.month(2)))
        s.timeline.append(
            TimelineEntry(target: .programme(.holdProbability), setting: .number(.constant(0.5)), from: Self.month(5)))
        s.timeline.append(
            TimelineEntry(target: .programme(.holdMonths), setting: .number(.constant(3)), from: Self.month(5)))
        let result = try Fixtures.run(s, trials: 64)
        #expect(result.releases.allSatisfy { $0 == 6.5 })
        #expect(result.totals.holds == 0)
    }

    /// An event can change a programme input: needs 10k, and an event
    /// certain at step 2 lowers it to 2k (progress 2k there): tau = 2.
    @Test func anEventChangesAProgrammeInput() throws {
        var s = Self.steady(needs: 10_000)
        s.events = [
            Event(
                name: "smaller", probability: .constant(1), windowStart: Self.month(2), windowEnd: Self.month(2),
                changes: [TimelineEntry(target: .programme(.needs), setting: .number(.constant(2000)))])
        ]
        #expect(try Fixtures.run(s, trials: 32).releases.allSatisfy { $0 == 2 })
    }

    // MARK: As of

    /// The as-of date rejects exactly the trials whose flagship release
    /// falls before it (a release exactly at it is kept), and draws nothing.
    @Test func asOfRejectsExactlyTheEarlierReleases() throws {
        var s = Fixtures.rich()
        let free = try Fixtures.run(s, trials: 4000)
        s.knownAsOf = CalendarDate(year: 2026, month: 2, day: 15)
        let bound = s.asOfBound!
        #expect(bound == 13 + 14.0 / 28)
        let conditioned = try Fixtures.run(s, trials: 4000)
        for (a, b) in zip(free.releases, conditioned.releases) {
            if a < bound { #expect(b.isNaN) } else { #expect(a.bitPattern == b.bitPattern) }
        }
        #expect(conditioned.accepted == free.releases.filter { $0 >= bound }.count)
        #expect(conditioned.accepted < 4000 && conditioned.accepted > 0)
        // A release at exactly the bound is kept: r = 6 with as of 2025-07-01.
        var edge = Self.steady()
        edge.r2.post = .constant(5)
        edge.knownAsOf = CalendarDate(year: 2025, month: 7, day: 1)
        #expect(try Fixtures.run(edge, trials: 16).accepted == 16)
        edge.knownAsOf = CalendarDate(year: 2025, month: 7, day: 2)
        #expect(try Fixtures.run(edge, trials: 16).accepted == 0)
        // Saying the flagship shipped lifts the condition.
        edge.flagshipShipped = true
        #expect(try Fixtures.run(edge, trials: 16).accepted == 16)
    }

    /// `observe folded by` keeps the trials that folded by then: by the
    /// end of step 2's month, folds in steps 0 to 2 (one in step 3 happens
    /// at the start of its step, the bound's instant, and is not by it).
    @Test func foldObservationsCondition() throws {
        var s = Self.steady()
        s.r2.post = .constant(5)
        s.r2.fold = .constant(0.2)
        let free = try Fixtures.run(s, trials: 2000)
        let byStep2 = Double(Fixtures.jan2025 + 2)
        let folded = try Fixtures.run(s, trials: 2000, conditions: [.folded(by: byStep2 + 1, happened: true)])
        let expected = free.folds!.filter { $0 <= 2 }.count
        #expect(expected < free.folds!.filter { $0 <= 3 }.count)
        #expect(folded.accepted == expected)
        let notFolded = try Fixtures.run(s, trials: 2000, conditions: [.folded(by: byStep2 + 1, happened: false)])
        #expect(notFolded.accepted == 2000 - expected)
        // Without `r2 fold`, phi is 0: nothing folds, so "folded by" keeps
        // no trial and "not folded by" every one (this was refused).
        let never = try Fixtures.run(Self.steady(), trials: 16, conditions: [.folded(by: byStep2, happened: true)])
        #expect(never.accepted == 0)
        let always = try Fixtures.run(Self.steady(), trials: 16, conditions: [.folded(by: byStep2, happened: false)])
        #expect(always.accepted == 16)
    }

    // MARK: Sector

    /// Constant inputs give the shares by hand: h20 ships 100 a month, half
    /// stopped by sector pressure 50% (50 arrive); ascend makes 200 dies at
    /// 50% yield (100 chips): 2025's share is 100/150. From 2026-01 h20 is
    /// licensed at 40%: 20 arrive, 2026's share is 100/120. Installed at
    /// 2025-12 with a base of 300 h20: 1,200 / (300 + 1,800). By compute
    /// (h20 perf 0.5, ascend 0.25) 2025 is 25 / 50.
    @Test func aSectorWithConstantInputsGivesItsSharesByHand() throws {
        var s = Fixtures.scenario(months: 24, start: 0, needs: 1e9)
        s.chips = [
            Chip(name: "h20", origin: .foreign),
            Chip(name: "ascend", origin: .domestic),
        ]
        s.chips[0].base = .constant(300)
        Fixtures.set(&s, chip: 0, .perf, .constant(0.5))
        Fixtures.set(&s, chip: 1, .perf, .constant(0.25))
        Fixtures.set(&s, chip: 0, .ship, .constant(100))
        Fixtures.set(&s, chip: 1, .sectorMake, .constant(200))
        Fixtures.set(&s, chip: 1, .yieldStart, .constant(0.5))
        Fixtures.export(&s, chip: 0, .licensed(.constant(0.4)), fromStep: 12)
        s.timeline.append(TimelineEntry(target: .sectorPressure, setting: .number(.constant(0.5))))
        let compiled = try Engine.compile(s)
        #expect(compiled.sectorYears.count == 2)
        var options = SimulationOptions(trials: 40, seed: 3, threads: 2)
        options.sectorWindows = [
            SectorWindow(.installed(Fixtures.jan2025 + 11)),
            SectorWindow.year(2025, compute: true),
            SectorWindow(.share(first: Fixtures.jan2025 + 10, last: Fixtures.jan2025 + 13)),
        ]
        let result = try Engine.run(compiled, options: options)
        let values = try #require(result.sector)
        let expected: [Double] = [100.0 / 150, 100.0 / 120, 1200.0 / 2100, 0.5, (200.0 + 200) / (300 + 240)]
        for (j, x) in expected.enumerated() {
            #expect(values.column(j).allSatisfy { abs(Double($0) - x) < 1e-6 }, "window \(values.windows[j])")
        }
    }

    /// A window the run is asked for must lie in the clock: one running
    /// past its end, one backwards, and an installed share before its start
    /// are refused before any trial runs; the clock's own first and last
    /// months are accepted.
    @Test func aSectorWindowOutsideTheClockIsRefused() throws {
        var s = Fixtures.scenario(months: 12, start: 0, needs: 1e9)
        s.chips = [Chip(name: "h20", origin: .foreign)]
        Fixtures.set(&s, chip: 0, .ship, .constant(100))
        let compiled = try Engine.compile(s)
        let (first, last) = (compiled.clock.start, compiled.clock.end)
        for window in [
            SectorWindow(.share(first: first, last: last + 1)),
            SectorWindow(.share(first: first + 3, last: first + 2)),
            SectorWindow(.installed(first - 1)),
        ] {
            var options = SimulationOptions(trials: 16, seed: 1, threads: 1)
            options.sectorWindows = [window]
            #expect(throws: SimulationError.self, "\(window)") { try Engine.run(compiled, options: options) }
        }
        var options = SimulationOptions(trials: 16, seed: 1, threads: 1)
        options.sectorWindows = [SectorWindow(.share(first: first, last: last)), SectorWindow(.installed(last))]
        #expect(try Engine.run(compiled, options: options).sector?.windows.count == 1 + 2)
    }

    /// Nothing received leaves the share undefined (NaN), never 0 or a trap.
    @Test func anEmptyWindowIsUndefined() throws {
        var s = Fixtures.scenario(months: 12, start: 0, needs: 1e9)
        s.chips = [Chip(name: "h20", origin: .foreign)]
        s.chips[0].base = .constant(10)
        let result = try Fixtures.run(s, trials: 16)
        #expect(result.sector?.column(0).allSatisfy(\.isNaN) == true)
    }

    /// A sector input on the wrong kind of chip is refused by the compiler.
    @Test func aSectorInputOnTheWrongChipIsAnError() {
        var s = Fixtures.scenario(months: 12, start: 0, needs: 10)
        s.chips = [Chip(name: "h20", origin: .foreign)]
        Fixtures.set(&s, chip: 0, .sectorMake, .constant(5))
        #expect(throws: CompileError.self) { _ = try Engine.compile(s) }
    }

    // MARK: Copula

    static func copulaScenario() -> Scenario {
        var s = Fixtures.rich()
        s.variables = [
            Variable(name: "need", value: .interval90(low: .constant(10_000), high: .constant(40_000))),
            Variable(name: "yield", value: .pert(low: .constant(0.2), mode: .constant(0.35), high: .constant(0.5))),
            Variable(name: "slip", value: .uniform(low: .constant(0), high: .constant(3))),
            Variable(
                name: "mix",
                value: .mixture(
                    components: [.constant(0), .triangular(low: .constant(1), mode: .constant(2), high: .constant(5))],
                    weights: [1, 3])),
        ]
        s.r2.needs = .variable(0)
        s.correlations = [
            Correlation(first: 0, second: 1, coefficient: 0.6),
            Correlation(first: 0, second: 2, coefficient: -0.4),
            Correlation(first: 1, second: 3, coefficient: 0.3),
        ]
        return s
    }

    static func ranks(_ xs: [Double]) -> [Double] {
        let order = xs.indices.sorted { xs[$0] < xs[$1] }
        var r = [Double](repeating: 0, count: xs.count)
        var i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && xs[order[j + 1]] == xs[order[i]] { j += 1 }
            for k in i...j { r[order[k]] = Double(i + j) / 2 }
            i = j + 1
        }
        return r
    }

    static func spearman(_ a: ArraySlice<Double>, _ b: ArraySlice<Double>) -> Double {
        let ra = ranks(Array(a))
        let rb = ranks(Array(b))
        let ma = ra.reduce(0, +) / Double(ra.count)
        let mb = rb.reduce(0, +) / Double(rb.count)
        var sab = 0.0
        var saa = 0.0
        var sbb = 0.0
        for (x, y) in zip(ra, rb) {
            sab += (x - ma) * (y - mb)
            saa += (x - ma) * (x - ma)
            sbb += (y - mb) * (y - mb)
        }
        return sab / (saa * sbb).squareRoot()
    }

    /// The realised Spearman coefficient of each correlated pair (the
    /// continuous ones) is within 4 standard errors of the one stated; the
    /// standard error is that of the full sample, from 20 batches.
    @Test func correlatedInputsHaveTheirRankCorrelation() throws {
        let compiled = try Engine.compile(Self.copulaScenario())
        let slots = (0..<3).map { v in compiled.inputs.firstIndex { $0.kind == .variable(v) }! }
        let n = 40_000
        let samples = Engine.inputSamples(compiled, seed: 9, slots: slots, trials: 0..<n)
        for (a, b, rho) in [(0, 1, 0.6), (0, 2, -0.4)] {
            let full = Self.spearman(samples[a][...], samples[b][...])
            let batches = (0..<20).map { k in
                Self.spearman(
                    samples[a][(k * n / 20)..<((k + 1) * n / 20)], samples[b][(k * n / 20)..<((k + 1) * n / 20)])
            }
            let m = batches.reduce(0, +) / 20
            let sd = (batches.reduce(0) { $0 + ($1 - m) * ($1 - m) } / 19).squareRoot()
            let se = sd / Double(20).squareRoot()
            #expect(abs(full - rho) <= 4 * se, "pair \(a), \(b): \(full) against \(rho), SE \(se)")
        }
        // Not correlated where no statement says so: yield and slip are
        // linked only through need (2 sin(pi r/6) composes), far from 0.6.
        #expect(abs(Self.spearman(samples[1][...], samples[2][...])) < 0.4)
    }

    /// Each correlated input keeps its own distribution: the
    /// Kolmogorov-Smirnov distance of 40k draws to its distribution
    /// function stays under the 0.1% critical value 1.95 / sqrt(n).
    @Test func correlatedInputsKeepTheirMarginals() throws {
        let scenario = Self.copulaScenario()
        let compiled = try Engine.compile(scenario)
        let copula = try #require(compiled.copula)
        let n = 40_000
        for (k, node) in copula.nodes.enumerated() {
            let slot = compiled.inputs.firstIndex { $0.node == node }!
            let xs = Engine.inputSamples(compiled, seed: 4, slot: slot, trials: 0..<n).sorted()
            let marginal = copula.marginals[k]
            // The distance at each distinct value: F there against the
            // empirical function after its last copy, F just below it
            // against the one before its first (an atom, as the mixture's
            // at 0, is a jump of both).
            var d = 0.0
            var i = 0
            while i < n {
                var j = i
                while j + 1 < n && xs[j + 1] == xs[i] { j += 1 }
                d = max(
                    d, abs(marginal.cdf(xs[i]) - Double(j + 1) / Double(n)),
                    abs(marginal.cdf(xs[i].nextDown) - Double(i) / Double(n)))
                i = j + 1
            }
            #expect(d < 1.95 / Double(n).squareRoot(), "input \(k): D = \(d)")
        }
    }

    /// A distribution written with a unit (`2 to 6 weeks`, `uniform(0, 12)
    /// per year`) is the distribution times the unit's factor, and is
    /// correlated as one (it was refused): its rank correlation is the one
    /// stated and its distribution is the unscaled one's at x / c
    /// (Kolmogorov-Smirnov under the 0.1% critical value, 1.95 / sqrt(n)).
    @Test func aDistributionWithAUnitIsCorrelatedAsOne() throws {
        var s = Fixtures.rich()
        let week = 12.0 / 52
        s.variables = [
            Variable(
                name: "delay",
                value: .binary(.multiply, .interval90(low: .constant(2), high: .constant(6)), .constant(week))),
            Variable(
                name: "rate", value: .binary(.divide, .uniform(low: .constant(0), high: .constant(12)), .constant(12))),
        ]
        s.correlations = [Correlation(first: 0, second: 1, coefficient: 0.5)]
        let compiled = try Engine.compile(s)
        #expect(compiled.copula?.count == 2)
        let slots = (0..<2).map { v in compiled.inputs.firstIndex { $0.kind == .variable(v) }! }
        let n = 40_000
        let samples = Engine.inputSamples(compiled, seed: 5, slots: slots, trials: 0..<n)
        let full = Self.spearman(samples[0][...], samples[1][...])
        let batches = (0..<20).map { k in
            Self.spearman(samples[0][(k * n / 20)..<((k + 1) * n / 20)], samples[1][(k * n / 20)..<((k + 1) * n / 20)])
        }
        let m = batches.reduce(0, +) / 20
        let se = (batches.reduce(0) { $0 + ($1 - m) * ($1 - m) } / 19).squareRoot() / Double(20).squareRoot()
        #expect(abs(full - 0.5) <= 4 * se, "\(full) against 0.5, SE \(se)")
        // By hand: the interval's lognormal (ln 2 and ln 6 at z = -+1.645)
        // at x / week, and the uniform on [0, 1].
        let mu = (log(2.0) + log(6.0)) / 2
        let sigma = (log(6.0) - log(2.0)) / (2 * 1.6448536269514722)
        let cdfs: [(Double) -> Double] = [
            { x in x > 0 ? 0.5 * erfc(-(log(x / week) - mu) / sigma / 2.0.squareRoot()) : 0 },
            { x in min(1, max(0, x)) },
        ]
        for k in 0..<2 {
            let xs = samples[k].sorted()
            var d = 0.0
            for (i, x) in xs.enumerated() {
                d = max(d, abs(cdfs[k](x) - Double(i + 1) / Double(n)), abs(cdfs[k](x) - Double(i) / Double(n)))
            }
            #expect(d < 1.95 / Double(n).squareRoot(), "input \(k): D = \(d)")
        }
    }

    /// Correlating moves no other input's draws (new streams only).
    @Test func correlationsMoveNoOtherDraw() throws {
        var s = Self.copulaScenario()
        let with = try Engine.compile(s)
        s.correlations = []
        let without = try Engine.compile(s)
        let fleet = with.inputs.firstIndex { $0.kind == .fleet(chip: 0) }!
        #expect(
            Engine.inputSamples(with, seed: 2, slot: fleet, trials: 0..<64)
                == Engine.inputSamples(without, seed: 2, slot: fleet, trials: 0..<64))
    }

    /// A set of correlations whose matrix is not positive definite cannot compile.
    @Test func impossibleCorrelationsAreRefused() {
        var s = Self.copulaScenario()
        s.correlations = [
            Correlation(first: 0, second: 1, coefficient: 0.9),
            Correlation(first: 0, second: 2, coefficient: 0.9),
            Correlation(first: 1, second: 2, coefficient: -0.9),
        ]
        #expect(throws: CompileError.self) { _ = try Engine.compile(s) }
    }

    // MARK: Determinism

    /// Every mechanism at once.
    static func everything() -> Scenario {
        var s = copulaScenario()
        s.r2.fold = .pert(low: .constant(0.01), mode: .constant(0.03), high: .constant(0.08))
        s.timeline.append(
            TimelineEntry(
                target: .programme(.needs), setting: .number(.binary(.multiply, .variable(0), .constant(1.3))),
                from: month(9)))
        s.chips[2].base = .interval90(low: .constant(1000), high: .constant(3000))
        Fixtures.set(&s, chip: 1, .ship, .interval90(low: .constant(50_000), high: .constant(150_000)))
        Fixtures.set(&s, chip: 2, .sectorMake, .constant(80_000))
        s.timeline.append(TimelineEntry(target: .sectorPressure, setting: .number(.constant(0.3)), from: month(6)))
        s.events[0].changes.append(TimelineEntry(target: .sectorPressure, setting: .number(.constant(0.7))))
        s.knownAsOf = CalendarDate(year: 2025, month: 6, day: 10)
        return s
    }

    @Test func everyNewOutputIsIdenticalForAnyThreadCountAndShardSplit() throws {
        let compiled = try Engine.compile(Self.everything())
        var options = SimulationOptions(trials: 9000, seed: 5, threads: 1)
        options.sectorWindows = [SectorWindow(.installed(Fixtures.jan2025 + 20), compute: true)]
        let one = try Engine.run(compiled, options: options)
        #expect(one.folds != nil && one.sector != nil)
        #expect(one.folds!.contains { $0.isFinite })
        for threads in [2, 3] {
            options.threads = threads
            #expect(try Engine.run(compiled, options: options) == one)
        }
        var parts: [SimulationResult] = []
        for (first, count) in [(0, 2500), (2500, 4000), (6500, 2500)] {
            var o = options
            o.firstTrial = first
            o.trials = count
            parts.append(try Engine.run(compiled, options: o))
        }
        #expect(try SimulationResult.merged(parts.reversed()) == one)
        #expect(try Fixtures.jsonRoundTrip(one) == one)
    }

    /// A trace tells the month the programme folded, with the draws of the
    /// run, and its release equals the trial's in a run.
    @Test func aTraceShowsTheFold() throws {
        var s = Self.steady()
        s.r2.post = .constant(5)
        s.r2.fold = .constant(0.3)
        let compiled = try Engine.compile(s)
        let run = try Engine.run(compiled, options: SimulationOptions(trials: 50, seed: 8, threads: 1))
        for trial in 0..<50 {
            let trace = Engine.trace(compiled, seed: 8, trial: trial)
            let f = run.folds![trial]
            #expect(trace.fold == (f.isFinite ? Int(f) : nil))
        }
    }
}
