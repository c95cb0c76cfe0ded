extension Statement {
    /// A compact S-expression of the statement.
    var dump: String {
        switch self {
        case .scenario(let name, let parent):
            return "(scenario \(name)" + (parent.map { " from \($0)" } ?? "") + ")"
        case .use(let name): return "(use \(name))"
        case .asOf(let date, let shipped): return "(as-of \(date.dump)\(shipped ? " flagship-shipped" : ""))"
        case .clock(let a, let b): return "(clock \(a.dump) \(b.dump))"
        case .trials(let n): return "(trials \(n.dump))"
        case .trialsToPrecision(let p): return "(trials \(p.dump))"
        case .seed(let n): return "(seed \(n.dump))"
        case .letBinding(let name, let value): return "(let \(name) \(value.dump))"
        case .chip(let name, let origin, let perf, let fail):
            return "(chip \(name) \(origin.rawValue)\(perf.dump("perf"))\(fail.dump("fail")))"
        case .chipInput(let input, let chip, let value, let from):
            return "(\(input.rawValue) \(chip) \(value.dump)\(from.dump("from")))"
        case .fleet(let chip, let value): return "(fleet \(chip) \(value.dump))"
        case .buy(let chip, let value, let from):
            return "(buy \(chip) \(value.dump)\(from.dump("from")))"
        case .make(let chip, let value, let yield, let from):
            return
                "(make \(chip) \(value.dump)\(yield.map { " yield " + $0.dump } ?? "")\(from.dump("from")))"
        case .yield(let chip, let yield, let from):
            return "(yield \(chip) \(yield.dump)\(from.dump("from")))"
        case .export(let chip, let status, let from):
            return "(export \(chip) \(status.dump)\(from.dump("from")))"
        case .pressure(let value, let from): return "(pressure \(value.dump)\(from.dump("from")))"
        case .r2(let clauses, let from):
            return "(r2" + clauses.map { " " + $0.kind.dump }.joined() + "\(from.dump("from")))"
        case .sector(let sector, let from): return "(sector \(sector.dump)\(from.dump("from")))"
        case .correlate(let a, let b, let r): return "(correlate \(a) \(b) \(r.dump))"
        case .event(let name, let probability, let window, let changes):
            return "(event \(name) \(probability.dump) \(window.dump) :"
                + changes.map { " " + $0.statement.dump }.joined() + ")"
        case .query(let query): return query.dump
        case .include(let path): return "(include \"\(path.path)\")"
        }
    }
}

extension YieldSyntax {
    var dump: String { start.dump + growth.dump("rising") + cap.dump("to") }
}

extension ExportSyntax {
    var dump: String {
        switch self {
        case .allowed: return "allowed"
        case .licensed(let p): return "licensed \(p.dump)"
        case .banned: return "banned"
        }
    }
}

extension EventWindowSyntax {
    var dump: String {
        switch self {
        case .between(let a, let b): return "between \(a.dump) \(b.dump)"
        case .at(let d): return "at \(d.dump)"
        case .inMonth(let d): return "in \(d.dump)"
        }
    }
}

extension R2Clause.Kind {
    var dump: String {
        switch self {
        case .start(let d): return "start \(d.dump)"
        case .needs(let q): return "needs \(q.dump)"
        case .post(let d): return "post \(d.dump)"
        case .hold(let p, let d): return "hold \(p.dump) for \(d.dump)"
        case .switchAfter(let k, let port): return "switch after \(k.dump)" + port.dump("port")
        case .switchNever: return "switch never"
        case .restart(let p): return "restart \(p.dump)"
        case .fold(let p): return "fold \(p.dump)"
        }
    }
}

extension SectorSyntax {
    var dump: String {
        switch self {
        case .ship(let chip, let q): return "ship \(chip) \(q.dump)"
        case .make(let chip, let q): return "make \(chip) \(q.dump)"
        case .pressure(let q): return "pressure \(q.dump)"
        case .base(let chip, let q): return "base \(chip) \(q.dump)"
        }
    }
}
