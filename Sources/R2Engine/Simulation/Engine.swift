import R2Model

/// The Monte Carlo engine of model v1 (spec/model-v1.md, docs/MODEL.md):
/// compile a scenario once, then run it, or trace one of its trials.
public enum Engine {
    /// Trials per chunk: the unit of work a thread takes. Chunks are indexed
    /// by global trial index (chunk c holds trials c*chunkSize ..< (c+1)*chunkSize),
    /// independent of the thread count.
    public static let chunkSize = 2048

    /// Lowers a scenario to flat tables, checking what the model needs.
    public static func compile(_ scenario: Scenario) throws(CompileError) -> CompiledScenario {
        var compiler = ScenarioCompiler(scenario)
        return try compiler.compile()
    }

    /// The story of trial `trial` under `seed`: the same trial function as
    /// `run`, recording as it goes; its release equals that trial's in a run.
    public static func trace(_ compiled: CompiledScenario, seed: UInt64, trial: Int) -> TrialTrace {
        // Trial `trial` is lane 0 of the group starting at it: a trial's
        // draws do not depend on its group.
        let machine = LaneMachine(compiled, seed: seed)
        var recorder = TraceRecorder(compiled, seed: seed, trial: trial)
        machine.runGroup(first: UInt64(trial), &recorder)
        return recorder.trace
    }

    /// The value input `slot` (an index into `compiled.inputs`) takes in
    /// each of `trials` under `seed`: the same draws as in `run` and `trace`
    /// (for sensitivity analyses). Only the inputs are sampled.
    public static func inputSamples(
        _ compiled: CompiledScenario, seed: UInt64, slot: Int, trials: Range<Int>
    ) -> [Double] {
        inputSamples(compiled, seed: seed, slots: [slot], trials: trials)[0]
    }

    /// For each of `slots`, the values it takes in each of `trials`: one
    /// pass over the trials' inputs for all of them.
    public static func inputSamples(
        _ compiled: CompiledScenario, seed: UInt64, slots: [Int], trials: Range<Int>
    ) -> [[Double]] {
        for slot in slots { precondition(compiled.inputs.indices.contains(slot), "no input slot \(slot)") }
        let machine = LaneMachine(compiled, seed: seed)
        let nodes = slots.map { Int(compiled.inputs[$0].node) }
        var samples = slots.map { _ in [Double](repeating: 0, count: trials.count) }
        var recorder = NoRecorder()
        var n = 0
        while n < trials.count {
            _ = machine.sampleInputs(first: UInt64(trials.lowerBound + n), &recorder)
            for l in 0..<Swift.min(LaneMachine.width, trials.count - n) {
                for k in slots.indices { samples[k][n + l] = Double(machine.nodes[nodes[k]][l]) }
            }
            n += LaneMachine.width
        }
        return samples
    }
}
