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
        // What rules the traced trial out of the forecast, if anything does.
        var ruledOut: [String]?
        switch selector {
        case .trial(let n):
            guard (1...trials).contains(n) else {
                throw queryError(
                    "trace.range", "there is no trial \(n): the run has \(Format.count(trials)) trials", q, file,
                    help: "trials are numbered 1 to \(trials)")
            }
            index = n - 1
            // Under observations or an as-of date, say whether the trial is
            // among the kept ones (a story the forecast does not count
            // once read as one it does).
            let given = conditionTexts(scenario)
            if !given.isEmpty {
                let result = try simulate(scenario, query: q, file: file)
                let i = index - result.firstTrial
                if result.releases.indices.contains(i) { ruledOut = result.releases[i].isNaN ? given : nil }
            }
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
        teller.inputNames = compiled.inputs.map {
            ($0.label + fromSuffix($0.kind, scenario), $0.isDate, letDimension($0, scenario))
        }
        teller.width = max(40, configuration.style.width - 1)
        teller.correlated = compiled.correlatedInputs
        var text = teller.text
        if let ruledOut {
            text +=
                "\n"
                + "Not a kept trial: the forecast of `\(scenario.name)` leaves it out, given \(ruledOut.joined(separator: "; "))."
                .wordWrapped(width: teller.width).joined(separator: "\n")
        }
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
            ("detail", story.json), ("kept", .bool(ruledOut == nil)),
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
