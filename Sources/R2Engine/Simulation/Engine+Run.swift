import Dispatch
import Foundation
import R2Model

extension Engine {
    /// Runs trials `options.firstTrial ..< options.firstTrial + options.trials`
    /// on `options.threads` threads. The result is bit-identical for any
    /// thread count and equals the merge of any split into shards.
    /// Trials run in groups of `LaneMath.width` (`LaneMachine`). Time O(trials x months x
    /// chips); memory 8 bytes per trial (and 8 more per adoption probe)
    /// plus O(months).
    public static func run(
        _ compiled: CompiledScenario, options: SimulationOptions
    ) throws(SimulationError) -> SimulationResult {
        let n = options.trials
        let first = options.firstTrial
        guard options.threads >= 1 else { throw .invalidOptions("threads must be at least 1") }
        guard n >= 0 && n <= Scenario.maximumTrials else {
            throw .invalidOptions(
                "trials must be between 0 and \(Scenario.maximumTrials) (use shards beyond)")
        }
        guard first >= 0 && first <= Int.max - n else {
            throw .invalidOptions("firstTrial must be at least 0")
        }
        let conditions = try CompiledConditions(options.conditions, compiled)
        let probeSteps = options.adoptionProbes
        guard probeSteps.allSatisfy({ $0 >= 0 && $0 < compiled.steps }) else {
            throw .invalidOptions("adoption probes must be steps of the clock")
        }
        let probeCount = probeSteps.count
        for w in options.sectorWindows where compiled.hasSector {
            guard w.lies(within: compiled.clock) else {
                throw .invalidOptions("the sector window \(w) is not inside the clock")
            }
        }
        let sectorWindows = compiled.hasSector ? compiled.sectorYears + options.sectorWindows : []
        let windowCount = sectorWindows.count
        // Per trial: the fold step F (model v2) and the sector's windows,
        // the result's own arrays. Every slot is written by the worker that
        // runs its trial (NaN for a rejected trial), never filled first on
        // this thread: the pages are first touched on both cores.
        let folds = compiled.folds
        let perTrialV2 = folds || windowCount > 0
        // One slot per (trial, probe), written the same way.
        let probeValues = UnsafeMutablePointer<Double>.allocate(capacity: Swift.max(1, n * probeCount))
        let probeStepList = UnsafeMutablePointer<Int>.allocate(capacity: Swift.max(1, probeCount))
        probeStepList.initialize(from: probeSteps, count: probeCount)
        defer {
            probeValues.deallocate()
            probeStepList.deallocate()
        }

        let firstChunk = first / chunkSize
        let chunkCount = n == 0 ? 0 : (first + n - 1) / chunkSize - firstChunk + 1
        // Threads beyond the chunks (or beyond 256) would have nothing to do.
        let workerCount = Swift.max(1, Swift.min(options.threads, chunkCount, 256))
        let shared = RunCoordination()
        let accumulators = (0..<workerCount).map { _ in
            Accumulator(
                steps: compiled.steps, chips: compiled.chipNames.count, events: compiled.eventNames.count)
        }

        var releases: [Double] = []
        var sectorArray: [Float] = []
        let foldArray = [Float](unsafeUninitializedCapacity: folds ? n : 0) { foldBuffer, foldCount in
            sectorArray = [Float](unsafeUninitializedCapacity: n * windowCount) { sectorBuffer, sectorCount in
                releases = [Double](unsafeUninitializedCapacity: n) { buffer, count in
                    let out = RunCoordination.TrialBuffer(base: buffer.baseAddress)
                    let probesOut = RunCoordination.TrialBuffer(base: probeValues)
                    let probeStepsIn = RunCoordination.StepList(base: probeStepList)
                    let foldsOut = RunCoordination.FloatBuffer(base: foldBuffer.baseAddress)
                    let sectorValuesOut = RunCoordination.FloatBuffer(base: sectorBuffer.baseAddress)
                    let group = DispatchGroup()
                    for w in 0..<workerCount {
                        let machine = LaneMachine(
                            compiled, seed: options.seed, exportChecks: conditions.exports,
                            sectorWindows: options.sectorWindows)
                        let accumulator = accumulators[w]
                        let cancellation = options.cancellation
                        group.enter()
                        let thread = Thread {
                            defer { group.leave() }
                            var recorder = NoRecorder()
                            let acceptAll = conditions.isEmpty
                            let onlyAsOf = conditions.onlyAsOf
                            while cancellation?.isCancelled != true {
                                let c = shared.nextChunk.wrappingAdd(1, ordering: .relaxed).oldValue
                                if c >= chunkCount { break }
                                let lo = Swift.max(first, (firstChunk + c) * chunkSize)
                                let hi = Swift.min(first + n, (firstChunk + c + 1) * chunkSize)
                                var g = lo
                                while g < hi {
                                    // Trials g ..< g + width; lanes past hi run but count nowhere.
                                    let lanes = Swift.min(LaneMachine.width, hi - g)
                                    machine.runGroup(first: UInt64(g), &recorder)
                                    var accepted =
                                        LaneMachine.laneIndex .< LaneInt(repeating: Int32(truncatingIfNeeded: lanes))
                                    if onlyAsOf {
                                        accepted = conditions.acceptedByAsOf(machine, lanes: lanes)
                                    } else if !acceptAll {
                                        let outcome = machine.out
                                        for l in 0..<lanes {
                                            accepted[l] = conditions.accepts(lane: l, machine, outcome)
                                        }
                                    }
                                    accumulator.add(group: machine, accepted: accepted)
                                    if acceptAll && lanes == LaneMath.width && probeCount == 0 && !perTrialV2 {
                                        // A whole group, every lane counted: its releases in one store.
                                        UnsafeMutableRawPointer(out.base! + (g - first)).storeBytes(
                                            of: machine.out.release, as: LaneDouble.self)
                                        g += lanes
                                        continue
                                    }
                                    // The group's outcome read once (`out` copies the whole struct).
                                    let outcome = machine.out
                                    for l in 0..<lanes {
                                        let i = g + l - first
                                        let kept = accepted[l]
                                        out.base![i] = kept ? outcome.release[l] : .nan
                                        for j in 0..<probeCount {
                                            probesOut.base![i * probeCount + j] =
                                                kept ? Double(machine.adoption[probeStepsIn.base[j]][l]) : .nan
                                        }
                                        if perTrialV2 {
                                            if folds { foldsOut.base![i] = kept ? outcome.fold[l] : .nan }
                                            for j in 0..<windowCount {
                                                sectorValuesOut.base![i * windowCount + j] =
                                                    kept ? machine.sectorValues[j][l] : .nan
                                            }
                                        }
                                    }
                                    g += lanes
                                }
                                shared.trialsDone.wrappingAdd(hi - lo, ordering: .relaxed)
                            }
                        }
                        thread.stackSize = 1 << 20
                        thread.start()
                    }
                    if let progress = options.progress {
                        while group.wait(timeout: .now() + .milliseconds(25)) == .timedOut {
                            progress(shared.trialsDone.load(ordering: .relaxed))
                        }
                        progress(shared.trialsDone.load(ordering: .relaxed))
                    } else {
                        group.wait()
                    }
                    count = n
                }
                sectorCount = n * windowCount
            }
            foldCount = folds ? n : 0
        }
        if options.cancellation?.isCancelled == true && shared.trialsDone.load(ordering: .relaxed) < n {
            throw .cancelled
        }

        let total = accumulators[0]
        for other in accumulators.dropFirst() { total.add(other) }
        total.flush()
        return SimulationResult(
            seed: options.seed, firstTrial: first, trials: n,
            clockStart: compiled.clock.start, clockEnd: compiled.clock.end,
            chipNames: compiled.chipNames, eventNames: compiled.eventNames,
            accepted: total.accepted, releases: releases,
            adoptionCounts: Array(
                UnsafeBufferPointer(start: total.counts.base, count: compiled.steps * total.stride)),
            adoptionSum: Array(UnsafeBufferPointer(start: total.sums.base, count: compiled.steps)),
            adoptionSumOfSquares: Array(UnsafeBufferPointer(start: total.squares.base, count: compiled.steps)),
            totals: total.totals,
            adoptionProbes: probeCount > 0
                ? AdoptionProbes(
                    steps: probeSteps, values: Array(UnsafeBufferPointer(start: probeValues, count: n * probeCount)))
                : nil,
            folds: compiled.folds ? foldArray : nil,
            sector: compiled.hasSector ? SectorValues(windows: sectorWindows, values: sectorArray) : nil)
    }
}
