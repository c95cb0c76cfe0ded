extension QuerySyntax {
    var dump: String {
        switch self {
        case .forecast: return "(forecast)"
        case .metric(let m): return "(\(m.dump))"
        case .quantileRelease(let ps): return "(quantile release" + ps.map { " " + $0.dump }.joined() + ")"
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
        }
    }
}

extension MetricSyntax {
    var dump: String {
        switch self {
        case .releaseProbability(let d, true): return "p release-by \(d.dump)"
        case .releaseProbability(let d, false): return "p no-release-by \(d.dump)"
        case .adoptionProbability(let d, let c, let x):
            return "p adoption-at \(d.dump) \(c.rawValue) \(x.dump)"
        case .medianRelease: return "median release"
        case .meanRelease: return "mean release"
        case .releaseQuantile(let p): return "quantile \(p.dump) release"
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
