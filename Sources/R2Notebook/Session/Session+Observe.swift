import R2Engine
import R2Forecast
import R2Language
import R2Model

extension Session {
    /// The effective sample size below which a warning is printed.
    static let minimumEffectiveSampleSize = 1000

    /// `observe`: conditions later forecasts of the scenario on something
    /// known, by rejection: only trials consistent with every observation
    /// are kept. Prints the effective sample size (the trials kept).
    func observe(_ condition: Condition, _ scenario: Scenario, _ q: ResolvedQuery, file: SourceFile)
        throws(QueryFailure) -> CellOutput
    {
        let observation = Observation(condition: condition, text: q.text)
        let all = (observations[scenario.name] ?? []) + [observation]
        let result = try simulate(scenario, conditions: all.map(\.condition), query: q, file: file)
        if result.accepted == 0 {
            var help = "the observation is impossible under this scenario; check its date and bound"
            if case .folded(_, true) = condition, result.folds == nil {
                help = "`\(scenario.name)` states no `r2 fold`, so its programme never folds; add `r2 fold P per month`"
            }
            throw queryError(
                "observe.none",
                "no trial of `\(scenario.name)` is consistent with `\(q.text)`\(all.count > 1 ? " and the earlier observations" : "")",
                q, file, help: help)
        }
        observations[scenario.name] = all
        return CellOutput(
            plainText: essText(result, scenario.name, all.count), json: essJSON(result, scenario.name, all))
    }

    /// `unobserve`: drops the last, a numbered, or every observation.
    func unobserve(_ which: Unobserve, _ scenario: Scenario, _ q: ResolvedQuery, file: SourceFile) throws(QueryFailure)
        -> CellOutput
    {
        var list = observations[scenario.name] ?? []
        if list.isEmpty {
            throw queryError("unobserve.none", "scenario `\(scenario.name)` has no observations", q, file)
        }
        let removed: [Observation]
        switch which {
        case .last: removed = [list.removeLast()]
        case .all:
            removed = list
            list = []
        case .number(let n):
            guard (1...list.count).contains(n) else {
                throw queryError(
                    "unobserve.range", "there is no observation \(n): `\(scenario.name)` has \(list.count)", q, file,
                    help: "observations are numbered 1 to \(list.count) in the order they were made")
            }
            removed = [list.remove(at: n - 1)]
        }
        observations[scenario.name] = list
        var lines = removed.map { "removed: \($0.text)" }
        lines.append(
            list.isEmpty
                ? "`\(scenario.name)` has no observations now"
                : "in force: "
                    + list.enumerated().map { "\($0.offset + 1). \($0.element.text)" }.joined(separator: "; "))
        return CellOutput(
            plainText: lines.joined(separator: "\n"),
            json: .object([
                ("query", "unobserve"), ("scenario", .string(scenario.name)), ("remaining", .integer(list.count)),
            ]))
    }

    private func essText(_ result: SimulationResult, _ name: String, _ count: Int) -> String {
        let share = Double(result.accepted) / Double(max(1, result.trials))
        var text =
            "\(name): \(count) observation\(count == 1 ? "" : "s") in force; effective sample size \(Format.count(result.accepted)) of \(Format.count(result.trials)) trials (\(Format.percent(share)))"
        if let warning = essWarning(result) { text += "\nwarning: " + warning }
        return text
    }

    /// Too few trials kept to trust the forecasts: how many would do.
    private func essWarning(_ result: SimulationResult) -> String? {
        guard result.accepted < Session.minimumEffectiveSampleSize else { return nil }
        let share = Double(result.accepted) / Double(max(1, result.trials))
        let needed = Int((Double(Session.minimumEffectiveSampleSize) / max(share, 1e-9)).rounded(.up))
        return
            "fewer than \(Format.count(Session.minimumEffectiveSampleSize)) trials kept; about \(Format.count(needed)) trials are needed for that (`:set trials \(needed)`)"
    }

    private func essJSON(_ result: SimulationResult, _ name: String, _ all: [Observation]) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("query", "observe"), ("scenario", .string(name)),
            ("observations", .array(all.map { .string($0.text) })),
            ("effective_sample_size", .integer(result.accepted)), ("trials", .integer(result.trials)),
        ]
        // The text's warning, in the object a program reads instead.
        if let warning = essWarning(result) { members.append(("warning", .string(warning))) }
        return .object(members)
    }
}

extension Session {
    /// `scenario x from p`: a new scenario starts with the observations in
    /// force for its parent (an observation is a fact about the world, and a
    /// derived scenario is a what-if of the same world); returns the note
    /// that says so, or nil when there is nothing to inherit.
    func inheritObservations(_ d: Declaration) -> String? {
        guard d.createsScenario, case .scenario(let name, let parent?) = d.statement.statement,
            observations[name.text] == nil,
            let inherited = observations[parent.text], !inherited.isEmpty
        else { return nil }
        observations[name.text] = inherited
        let texts = inherited.map { "`\($0.text)`" }.joined(separator: ", ")
        return
            "`\(name.text)` starts with the observation\(inherited.count == 1 ? "" : "s") in force for `\(parent.text)`: \(texts) (`unobserve all` drops them)"
    }
}
