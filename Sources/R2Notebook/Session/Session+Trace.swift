import Foundation
import R2Engine
import R2Forecast
import R2Language
import R2Model

extension Session {
    /// `trace N` / `trace where ...`: the story of one trial, month by month.
    func trace(_ selector: TraceSelector, _ scenario: Scenario, _ q: ResolvedQuery, file: SourceFile)
        throws(QueryFailure) -> CellOutput
    {
        let compiled: CompiledScenario
        do { compiled = try Engine.compile(scenario) } catch {
            throw queryError("engine.compile", "scenario `\(scenario.name)` cannot be simulated: \(error)", q, file)
        }
        let (trials, seed) = runParameters(scenario)
        let index: Int
        switch selector {
        case .trial(let n):
            guard (1...trials).contains(n) else {
                throw queryError(
                    "trace.range", "there is no trial \(n): the run has \(Format.count(trials)) trials", q, file,
                    help: "trials are numbered 1 to \(trials)")
            }
            index = n - 1
        case .releaseAfter, .releaseBefore, .noRelease:
            let result = try simulate(scenario, query: q, file: file)
            let start = Double(result.clockStart)
            let t = Double(result.steps)
            let found = result.releases.indices.first { i in
                let r = result.releases[i]
                if r.isNaN { return false }
                switch selector {
                case .releaseAfter(let d): return r > d - start
                case .releaseBefore(let d): return r < d - start
                default: return r >= t
                }
            }
            guard let i = found else {
                throw queryError("trace.none", "no trial of `\(scenario.name)` matches `\(q.text)`", q, file)
            }
            index = result.firstTrial + i
        }
        let story = Engine.trace(compiled, seed: seed, trial: index)
        var teller = TraceStory(trace: story, scenario: scenario.name)
        teller.inputNames = compiled.inputs.map { ($0.label + fromSuffix($0.kind, scenario), $0.isDate) }
        teller.width = max(40, configuration.style.width - 1)
        teller.correlated = compiled.correlatedInputs
        let text = teller.text
        let json: JSONValue = .object([
            ("query", "trace"), ("scenario", .string(scenario.name)), ("trial", .integer(index + 1)),
            ("seed", .integer(Int(truncatingIfNeeded: seed))),
            (
                "release",
                story.release.isFinite ? .string(Format.date(story.release, clockStart: story.clockStart)) : .null
            ),
            ("censored", .bool(story.isCensored)),
            ("folded", story.fold.map { .string(Format.month(story.clockStart + $0)) } ?? .null),
            ("selector", .string(q.text)), ("clock_start", .string(Format.month(story.clockStart))),
            ("release_months", .finite(story.release.isFinite ? story.release : nil)),
            ("chips", .array(story.chipNames.map { .string($0) })),
            ("input_labels", .array(teller.inputNames.map { .string($0.0) })),
            ("detail", story.json),
        ])
        return CellOutput(plainText: text, json: json)
    }
}

extension TrialTrace {
    /// Everything the trace's text tells, as JSON: inputs, the programme,
    /// events, every month (changes, supply, training), completion, holds,
    /// release and fold. Keys in snake case and sorted; an infinite number
    /// (a programme that never switches, a trial that never releases) is null.
    var json: JSONValue {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "+inf", negativeInfinity: "-inf", nan: "nan")
        guard let data = try? encoder.encode(self), let any = try? JSONSerialization.jsonObject(with: data) else {
            return .null
        }
        return JSONValue.fromFoundation(any)
    }
}
