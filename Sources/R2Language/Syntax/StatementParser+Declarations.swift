import R2Model

extension StatementParser {
    /// A declaration starting with `word`, or nil when `word` starts none.
    mutating func parseDeclaration(_ word: String) throws(Failure) -> Statement? {
        switch word {
        case "scenario":
            advance()
            let name = try parseNewName("a scenario name")
            let parent = consume("from") ? try expectName("the parent scenario's name") : nil
            // `scenario x form baseline`: `from` mistyped.
            if parent == nil, !isAtStatementEnd {
                throw expected("`from PARENT` or the end of the statement", suggesting: ["from"])
            }
            return .scenario(name, parent: parent)
        case "use":
            advance()
            return .use(try expectName("a scenario name"))
        case "as":
            advance()
            try expect("of")
            let date = try parseQuantity()
            var shipped = false
            if consume("flagship") {
                try expect("shipped")
                shipped = true
            }
            return .asOf(date, flagshipShipped: shipped)
        case "clock":
            advance()
            let start = try parseSum()
            try expect("to")
            return .clock(start, try parseSum())
        case "trials":
            advance()
            if consume("to") { return .trialsToPrecision(try parsePrecision()) }
            return .trials(try parseQuantity())
        case "seed":
            advance()
            return .seed(try parseQuantity())
        case "let":
            advance()
            let name = try parseNewName("a name")
            try expect(.equals)
            return .letBinding(name, try parseQuantity())
        case "chip":
            advance()
            return try parseChip()
        case "perf", "fail":
            advance()
            let chip = try expectName("a chip name")
            let value = try parseQuantity()
            return .chipInput(word == "perf" ? .perf : .fail, chip: chip, value, from: try parseFrom())
        case "fleet":
            advance()
            let chip = try expectName("a chip name")
            return .fleet(chip, try parseQuantity())
        case "buy":
            advance()
            let chip = try expectName("a chip name")
            let amount = try parseQuantity()
            return .buy(chip, amount, from: try parseFrom())
        case "make":
            advance()
            let chip = try expectName("a chip name")
            let amount = try parseQuantity()
            let yield = consume("yield") ? try parseYield() : nil
            return .make(chip, amount, yield: yield, from: try parseFrom())
        case "yield":
            advance()
            let chip = try expectName("a chip name")
            let yield = try parseYield()
            return .yield(chip, yield, from: try parseFrom())
        case "export":
            advance()
            let chip = try expectName("a chip name")
            let status = try parseExportStatus()
            return .export(chip, status, from: try parseFrom())
        case "pressure":
            advance()
            let level = try parseQuantity()
            return .pressure(level, from: try parseFrom())
        case "r2":
            advance()
            let clauses = try parseR2Clauses()
            return .r2(clauses, from: try parseFrom())
        case "sector":
            // `sector share in 2026` is a query.
            if peek()?.isIdentifier("share") == true { return nil }
            advance()
            return try parseSector()
        case "correlate":
            advance()
            let first = try expectName("a `let` name")
            _ = consume(.comma) || consume("and")
            let second = try expectName("a second `let` name")
            return .correlate(first, second, try parseQuantity())
        case "event":
            advance()
            return try parseEvent()
        default:
            return nil
        }
    }

    /// A name being defined: not a reserved word.
    mutating func parseNewName(_ what: String) throws(Failure) -> Name {
        let name = try expectName(what)
        if Keywords.reserved.contains(name.text) {
            throw Failure(.reservedName(name.text), at: name.range)
        }
        return name
    }

    private mutating func parseChip() throws(Failure) -> Statement {
        let name = try parseNewName("a chip name")
        let origin = try expectOne(of: ["foreign", "domestic"], "`foreign` or `domestic`")
        var perf: Quantity?
        var fail: Quantity?
        var progress = LoopProgress()
        while !isAtStatementEnd, progress.advanced(to: index) {
            let token = current!
            let keyword = try expectOne(of: ["perf", "fail"], "`perf`, `fail` or the end of the statement")
            if (keyword == "perf" ? perf : fail) != nil {
                throw Failure(.duplicateClause(keyword), at: token.range)
            }
            let value = try parseQuantity()
            if keyword == "perf" { perf = value } else { fail = value }
        }
        return .chip(name, origin == "foreign" ? .foreign : .domestic, perf: perf, fail: fail)
    }

    /// `Y [rising G [per month]] [to CAP]`; G is a single term, so that `to`
    /// after it starts the cap (write `rising (1% to 2%) per month` for an
    /// uncertain growth).
    private mutating func parseYield() throws(Failure) -> YieldSyntax {
        let start = try parseQuantity()
        var growth: Quantity?
        if consume("rising") {
            let from = currentStart
            let g = try parseSum()
            if let unit = try parseUnit() {
                growth = Quantity(.unit(g, unit), range: range(from: from))
            } else {
                growth = g
            }
        }
        let cap = consume("to") ? try parseQuantity() : nil
        return YieldSyntax(start: start, growth: growth, cap: cap)
    }

    private mutating func parseExportStatus() throws(Failure) -> ExportSyntax {
        let word = try expectOne(
            of: ["allowed", "licensed", "banned"], "`allowed`, `licensed P` or `banned`")
        switch word {
        case "allowed": return .allowed
        case "banned": return .banned
        default: return .licensed(try parseQuantity())
        }
    }

    private mutating func parseR2Clauses() throws(Failure) -> [R2Clause] {
        var clauses: [R2Clause] = []
        var progress = LoopProgress()
        // `from DATE` after the clauses dates them all.
        while !isAtStatementEnd, !(isAt("from") && !clauses.isEmpty), progress.advanced(to: index) {
            let token = current!
            let keyword = try expectOne(
                of: ["start", "needs", "post", "hold", "switch", "restart", "fold"],
                "`start`, `needs`, `post`, `hold`, `switch`, `restart` or `fold`")
            let kind: R2Clause.Kind
            switch keyword {
            case "start": kind = .start(try parseQuantity())
            case "needs": kind = .needs(try parseQuantity())
            case "post": kind = .post(try parseQuantity())
            case "hold":
                let p = try parseQuantity()
                try expect("for")
                kind = .hold(p, for: try parseQuantity())
            case "switch":
                if consume("never") {
                    kind = .switchNever
                } else {
                    try expect("after")
                    let k = try parseQuantity()
                    _ = try expectOne(of: ["failures", "failure"], "`failures`")
                    kind = .switchAfter(k, port: consume("port") ? try parseQuantity() : nil)
                }
            case "fold": kind = .fold(try parseQuantity())
            default: kind = .restart(try parseQuantity())
            }
            if clauses.contains(where: { $0.kind.field == kind.field }) {
                throw Failure(.duplicateClause(keyword), at: token.range)
            }
            clauses.append(R2Clause(kind, range: range(from: token.range.start)))
        }
        if clauses.isEmpty {
            throw expected("`start`, `needs`, `post`, `hold`, `switch`, `restart` or `fold`")
        }
        return clauses
    }

    /// `sector ship CHIP Q`, `sector make CHIP Q`, `sector pressure P`,
    /// `sector base CHIP Q`, each but `base` with `from DATE`.
    private mutating func parseSector() throws(Failure) -> Statement {
        let word = try expectOne(
            of: ["ship", "make", "pressure", "base"], "`ship`, `make`, `pressure` or `base`")
        let sector: SectorSyntax
        switch word {
        case "ship":
            let chip = try expectName("a foreign chip name")
            sector = .ship(chip, try parseQuantity())
        case "make":
            let chip = try expectName("a domestic chip name")
            sector = .make(chip, try parseQuantity())
        case "pressure":
            sector = .pressure(try parseQuantity())
        default:
            let chip = try expectName("a chip name")
            return .sector(.base(chip, try parseQuantity()), from: nil)
        }
        return .sector(sector, from: try parseFrom())
    }

    private mutating func parseEvent() throws(Failure) -> Statement {
        let name = try parseNewName("an event name")
        let probability = try parseQuantity()
        let window: EventWindowSyntax
        switch try expectOne(of: ["between", "at", "in"], "`between DATE and DATE`, `at DATE` or `in DATE`") {
        case "between":
            let a = try parseQuantity()
            try expect("and")
            window = .between(a, try parseQuantity())
        case "at": window = .at(try parseQuantity())
        default: window = .inMonth(try parseQuantity())
        }
        try expect(.colon)
        var changes: [ParsedStatement] = []
        let wasInEvent = inEvent
        inEvent = true
        defer { inEvent = wasInEvent }
        var progress = LoopProgress()
        repeat {
            guard progress.advanced(to: index), !isAtStatementEnd else { break }
            let start = currentStart
            let change = try parseStatement()
            changes.append(ParsedStatement(change, range: range(from: start)))
        } while consume(.semicolon)
        if changes.isEmpty { throw expected("a statement such as `export h20 banned`") }
        return .event(name, probability: probability, window: window, changes: changes)
    }
}
