import R2Model

extension ForecastReport {
    /// The `forecast` query as one JSON object: release quantiles as dates
    /// and as months after the clock's start (null when censored), the
    /// censored share, and the adoption bands of every month.
    public var json: JSONValue {
        let ps: [(String, Double)] = [("p10", 0.1), ("p50", 0.5), ("p90", 0.9)]
        var releaseMembers: [(String, JSONValue)] = ps.map { name, p in
            (name, release.quantile(p).map { .string(Format.date($0, clockStart: clockStart)) } ?? .null)
        }
        releaseMembers.append(("censored", .number(release.censoredShare.value)))
        releaseMembers.append(("censored_trials", .integer(release.censoredCount)))
        releaseMembers.append(("months", .object(ps.map { ($0.0, .finite(release.quantile($0.1))) })))
        let end = release.probability(by: Double(steps))
        releaseMembers.append(("p_by_end", .number(end.value)))
        releaseMembers.append(("p_by_end_se", .number(end.standardError)))
        releaseMembers.append(("mean_uncensored", release.uncensoredMean.map { .string(Format.date($0.value, clockStart: clockStart)) } ?? .null))
        let adoptionItems: [JSONValue] = adoption.map { b in
            .object([
                ("month", .string(Format.month(b.month))),
                ("mean", .number(b.mean.value)),
                ("p10", .number(b.p10)),
                ("p50", .number(b.p50)),
                ("p90", .number(b.p90)),
            ])
        }
        var members: [(String, JSONValue)] = [
            ("query", "forecast"),
            ("scenario", .string(scenario)),
            ("trials", .integer(trials)),
            ("seed", seed <= UInt64(Int.max) ? .integer(Int(seed)) : .string(String(seed))),
        ]
        if kept != trials {
            members.append(("kept", .integer(kept)))
            members.append(("observations", .array(observations.map { .string($0) })))
        }
        members.append(("release", .object(releaseMembers)))
        members.append(("adoption", .array(adoptionItems)))
        return .object(members)
    }
}
