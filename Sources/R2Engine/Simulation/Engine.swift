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
        let machine = TrialMachine(compiled, seed: seed)
        var recorder = TraceRecorder(compiled, seed: seed, trial: trial)
        _ = machine.run(trial: UInt64(trial), &recorder)
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
        let machine = TrialMachine(compiled, seed: seed)
        var capture = InputCapture(nodes: slots.map { Int(compiled.inputs[$0].node) })
        var samples = slots.map { _ in [Double](repeating: 0, count: trials.count) }
        for (n, i) in trials.enumerated() {
            _ = machine.sampleInputs(trial: UInt64(i), &capture)
            for k in slots.indices { samples[k][n] = capture.values[k] }
        }
        return samples
    }
}
