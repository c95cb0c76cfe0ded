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
        releaseMembers.append(
            (
                "mean_uncensored",
                release.uncensoredMean.map { .string(Format.date($0.value, clockStart: clockStart)) } ?? .null
            ))
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
            // The month `months` count from.
            ("clock_start", .string(Format.month(clockStart))),
        ]
        if kept != trials || !observations.isEmpty {
            members.append(("kept", .integer(kept)))
            members.append(("observations", .array(observations.map { .string($0) })))
        }
        members.append(("release", .object(releaseMembers)))
        if let named {
            let folds: [(String, JSONValue)] = ps.map { name, p in
                (name, named.foldQuantile(p).map { .string(Format.month(clockStart + Int($0))) } ?? .null)
            }
            members.append(
                (
                    "named_release",
                    .object(
                        ps.map { name, p in
                            (
                                name,
                                named.release.quantile(p).map { .string(Format.date($0, clockStart: clockStart)) }
                                    ?? .null
                            )
                        } + [
                            ("released", .number(named.releasedShare.value)),
                            ("released_se", .number(named.releasedShare.standardError)),
                            ("folded", .number(named.foldedShare.value)),
                            ("folded_se", .number(named.foldedShare.standardError)),
                            ("pending", .number(named.pendingShare.value)),
                            ("fold_month", .object(folds)),
                        ])
                ))
        }
        members.append(("adoption", .array(adoptionItems)))
        if !sector.isEmpty {
            members.append(
                (
                    "sector",
                    .array(
                        sector.map { band in
                            var item: [(String, JSONValue)] = []
                            if case .share(let first, let last) = band.window.kind {
                                item.append(("year", .integer(first / 12)))
                                item.append(("first", .string(Format.month(first))))
                                item.append(("last", .string(Format.month(last))))
                            }
                            item.append(("partial", .bool(band.partial)))
                            item.append(("mean", .finite(band.mean.value)))
                            item.append(("mean_se", .finite(band.mean.standardError)))
                            for (name, p) in ps { item.append((name, .finite(band.quantile(p)))) }
                            item.append(("undefined_trials", .integer(band.undefined)))
                            return .object(item)
                        })
                ))
        }
        return .object(members)
    }
}
