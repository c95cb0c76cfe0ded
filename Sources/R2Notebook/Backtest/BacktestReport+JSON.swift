import R2Forecast
import R2Model

extension BacktestReport {
    /// One JSON object per file, then a summary object (`{"summary": ...}`).
    public var jsonObjects: [JSONValue] {
        files.map(json(of:)) + [.object([("summary", summaryJSON)])]
    }

    static func scores(_ m: ScoreSummary) -> JSONValue {
        .object([
            ("n", .integer(m.count)), ("brier", .finite(m.brier)), ("log", .finite(m.log)),
            ("referenceBrier", .finite(m.referenceBrier)), ("referenceLog", .finite(m.referenceLog)),
            ("brierSkill", .finite(m.brierSkill)), ("logSkill", .finite(m.logSkill)),
        ])
    }

    func json(of f: BacktestFileResult) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("file", .string(f.path)),
            ("scenario", f.scenario.map(JSONValue.string) ?? .null),
            ("asOf", f.knownAsOf.map { .string($0.description) } ?? .null),
        ]
        if let error = f.error {
            members.append(("error", .string(error)))
            return .object(members)
        }
        members += [
            ("trials", .integer(f.trials)),
            ("seed", f.seed <= UInt64(Int.max) ? .integer(Int(f.seed)) : .string(String(f.seed))),
            ("accepted", .integer(f.accepted)),
        ]
        members.append(
            (
                "questions",
                .array(
                    f.scores.map { s in
                        .object([
                            ("id", .string(s.question.id)), ("event", .string(s.question.event.text)),
                            ("resolves", .string(s.question.resolvesOn.description)),
                            ("outcome", .bool(s.question.outcome)),
                            ("reading", .string(s.question.reading.rawValue)),
                            ("p", .finite(s.probability?.value)), ("se", .finite(s.probability?.standardError)),
                            ("scored", .bool(s.isScored)), ("reason", s.unscoredReason.map(JSONValue.string) ?? .null),
                            ("brier", .finite(s.score(.brier))), ("log", .finite(s.score(.log))),
                            ("referenceP", .finite(s.referenceProbability)),
                            ("referenceBrier", .finite(s.referenceScore(.brier))),
                            ("referenceLog", .finite(s.referenceScore(.log))),
                        ])
                    })
            ))
        members.append(("mean", Self.scores(f.summary)))
        members.append(("alternative", Self.scores(f.alternativeSummary)))
        if let a = f.adoption {
            members.append(
                (
                    "adoption",
                    .object([
                        ("month", .string(Format.month(a.month))), ("mean", .finite(a.mean)),
                        ("p10", .finite(a.p10)), ("p50", .finite(a.p50)), ("p90", .finite(a.p90)),
                        (
                            "above",
                            .array(
                                zip(a.levels, a.shareAbove).map {
                                    .object([("level", .finite($0)), ("share", .finite($1))])
                                })
                        ),
                    ])
                ))
        } else {
            members.append(("adoption", .null))
        }
        return .object(members)
    }

    var summaryJSON: JSONValue {
        .object([
            ("files", .integer(files.count)),
            ("failed", .integer(files.filter { $0.error != nil }.count)),
            ("reference", .object([("name", .string(reference.name)), ("summary", .string(reference.summary))])),
            ("logClip", .array([.finite(ScoringRule.logClip.lowerBound), .finite(ScoringRule.logClip.upperBound)])),
            ("mean", Self.scores(summary)),
            ("alternative", Self.scores(alternativeSummary)),
            ("v2", continuousJSON),
            (
                "byQuestion",
                .array(
                    questions.map { q in
                        let r = byQuestion(q)
                        return .object([
                            ("id", .string(q.id)), ("pLow", .finite(r.low)), ("pHigh", .finite(r.high)),
                            ("scores", Self.scores(r.summary)),
                        ])
                    })
            ),
            (
                "questions",
                .array(
                    questions.map { q in
                        .object([
                            ("id", .string(q.id)), ("question", .string(q.text)), ("event", .string(q.event.text)),
                            ("resolves", .string(q.resolvesOn.description)), ("outcome", .bool(q.outcome)),
                            ("observed", .string(q.observedOn.description)),
                            ("sources", .array(q.sources.map(JSONValue.string))),
                            ("caveat", .string(q.caveat)), ("reading", .string(q.reading.rawValue)),
                        ])
                    })
            ),
            (
                "sector",
                .array(
                    sector.map { s in
                        .object([
                            ("source", .string(s.source)), ("year", .integer(s.year)), ("share", .finite(s.share)),
                            ("basis", .string(s.basis)), ("card", .string(s.card)),
                        ])
                    })
            ),
            ("adoptionMonth", .string(adoptionMonth.description)),
            ("reading", .string(reading)),
            ("adoptionReading", .string(adoptionReading)),
        ])
    }
}
