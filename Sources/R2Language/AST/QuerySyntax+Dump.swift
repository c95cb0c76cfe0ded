import R2Model

extension QuerySyntax {
    var dump: String {
        switch self {
        case .forecast: return "(forecast)"
        case .metric(let m): return "(\(m.dump))"
        case .quantileRelease(let ps, let reading):
            return "(quantile \(reading.prefix)release" + ps.map { " " + $0.dump }.joined() + ")"
        case .quantileAdoption(let d, let ps):
            return "(quantile adoption-at \(d.dump)" + ps.map { " " + $0.dump }.joined() + ")"
        case .expect(let m, let scenario, let bound):
            return "(expect (\(m.dump))" + (scenario.map { " in \($0)" } ?? "") + " \(bound.dump))"
        case .compare(let names, let by, let at):
            return "(compare " + names.map(\.text).joined(separator: " ")
                + (by.isEmpty ? "" : " by" + by.map { " " + $0.dump }.joined())
                + (at.isEmpty ? "" : " at" + at.map { " " + $0.dump }.joined()) + ")"
        case .sensitivity(let m): return "(sensitivity" + (m.map { " (\($0.dump))" } ?? "") + ")"
        case .observe(let o): return "(observe \(o.dump))"
        case .unobserve(.last): return "(unobserve)"
        case .unobserve(.all): return "(unobserve all)"
        case .unobserve(.number(let n)): return "(unobserve \(n.dump))"
        case .trace(let t): return "(trace \(t.dump))"
        case .explain(let name): return "(explain" + (name.map { " \($0)" } ?? "") + ")"
        case .chart(let chart): return "(\(chart.rawValue))"
        case .plot(let kind, let path): return "(plot \(kind.rawValue) \"\(path.path)\")"
        case .inScenario(let query, let name): return "(in \(name) \(query.dump))"
        case .value(let q, let meanOnly): return "(\(meanOnly ? "mean-" : "")value \(q.dump))"
        case .toPrecision(let query, let precision): return "(to \(precision.dump) \(query.dump))"
        }
    }
}

extension MetricSyntax {
    var dump: String {
        switch self {
        case .releaseProbability(let d, true, let r): return "p \(r.prefix)release-by \(d.dump)"
        case .releaseProbability(let d, false, let r): return "p no-\(r.prefix)release-by \(d.dump)"
        case .foldedProbability(let d, true): return "p folded-by \(d.dump)"
        case .foldedProbability(let d, false): return "p not-folded-by \(d.dump)"
        case .sector(let w, let statistic): return "\(statistic.dump) \(w.dump)"
        case .adoptionProbability(let d, let c, let x):
            return "p adoption-at \(d.dump) \(c.rawValue) \(x.dump)"
        case .medianRelease(let r): return "median \(r.prefix)release"
        case .meanRelease(let r): return "mean \(r.prefix)release"
        case .releaseQuantile(let p, let r): return "quantile \(p.dump) \(r.prefix)release"
        case .censored: return "censored"
        case .adoptionMean(let d): return "adoption-at \(d.dump)"
        case .adoptionMedian(let d): return "median adoption-at \(d.dump)"
        case .adoptionQuantile(let p, let d): return "quantile \(p.dump) adoption-at \(d.dump)"
        }
    }
}

extension BoundSyntax {
    var dump: String {
        switch self {
        case .between(let a, let b): return "(between \(a.dump) \(b.dump))"
        case .above(let x, let by): return "(above \(x.dump)\(by.dump("by")))"
        case .below(let x, let by): return "(below \(x.dump)\(by.dump("by")))"
        case .before(let d): return "(before \(d.dump))"
        case .after(let d): return "(after \(d.dump))"
        case .laterThan(let s, let by): return "(later-than \(s)\(by.dump("by")))"
        case .earlierThan(let s, let by): return "(earlier-than \(s)\(by.dump("by")))"
        }
    }
}

extension ObservationSyntax {
    var dump: String {
        switch self {
        case .release(let d, true): return "release-by \(d.dump)"
        case .release(let d, false): return "no-release-by \(d.dump)"
        case .adoption(let d, let c, let x): return "adoption-at \(d.dump) \(c.rawValue) \(x.dump)"
        case .export(let chip, let kind, let d): return "export \(chip) \(kind.rawValue) at \(d.dump)"
        case .event(let name, let fired): return "event \(name) \(fired ? "fired" : "not-fired")"
        case .folded(let d, let happened): return "\(happened ? "" : "not-")folded-by \(d.dump)"
        }
    }
}

extension ReleaseReading {
    /// `named-` for the named reading; nothing for the flagship's.
    var prefix: String { self == .named ? "named-" : "" }
}

extension SectorWindowSyntax {
    var dump: String {
        let unit = compute ? " by-compute" : ""
        switch kind {
        case .share(let a, let b): return "sector-share-in \(a.dump)\(b.dump("to"))\(unit)"
        case .installed(let d): return "installed-share-at \(d.dump)\(unit)"
        }
    }
}

extension SectorStatisticSyntax {
    var dump: String {
        switch self {
        case .mean: return "mean"
        case .median: return "median"
        case .quantile(let p): return "quantile \(p.dump)"
        case .probability(let c, let x): return "p \(c.rawValue) \(x.dump)"
        }
    }
}

extension TraceSyntax {
    var dump: String {
        switch self {
        case .trial(let n): return n.dump
        case .releaseAfter(let d): return "where release after \(d.dump)"
        case .releaseBefore(let d): return "where release before \(d.dump)"
        case .noRelease: return "where no-release"
        }
    }
}
