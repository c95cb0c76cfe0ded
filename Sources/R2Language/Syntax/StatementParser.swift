/// Parses the tokens of one statement. Each `parse...` method consumes what
/// it recognises or throws a `Failure` pointing at the offending token.
struct StatementParser {
    let file: SourceFile
    let tokens: [Token]
    var index = 0
    /// Inside an event's body: `;` ends a statement and `from` is refused.
    var inEvent = false
    /// Operators, signs, parentheses and calls read so far in the statement.
    var expressionNodes = 0

    /// The most operators, signs, parentheses and calls one statement may
    /// hold. Parsing, elaboration and compilation recurse over expressions,
    /// so a bound on their size keeps any input from exhausting the stack;
    /// real scenarios use a few dozen at most.
    static let maximumExpressionNodes = 256

    init(file: SourceFile, tokens: [Token]) {
        self.file = file
        self.tokens = tokens
    }

    // MARK: Cursor

    var current: Token? { index < tokens.count ? tokens[index] : nil }

    func peek(_ offset: Int = 1) -> Token? {
        index + offset < tokens.count ? tokens[index + offset] : nil
    }

    /// The end of the last consumed token.
    var consumedEnd: Int { index > 0 ? tokens[index - 1].range.end : (tokens.first?.range.start ?? 0) }

    /// The range from `start` to the end of the last consumed token.
    func range(from start: Int) -> SourceRange {
        SourceRange(start: start, end: max(start, consumedEnd))
    }

    /// The start offset of the current token (or the end when there is none).
    var currentStart: Int { current?.range.start ?? consumedEnd }

    @discardableResult
    mutating func advance() -> Token {
        let token = tokens[index]
        index += 1
        return token
    }

    func isAt(_ word: String) -> Bool { current?.isIdentifier(word) ?? false }

    func isAt(_ p: Punctuation) -> Bool { current?.isPunctuation(p) ?? false }

    mutating func consume(_ word: String) -> Bool {
        guard isAt(word) else { return false }
        advance()
        return true
    }

    mutating func consume(_ p: Punctuation) -> Bool {
        guard isAt(p) else { return false }
        advance()
        return true
    }

    @discardableResult
    mutating func expect(_ word: String) throws(Failure) -> Token {
        guard isAt(word) else { throw expected("`\(word)`", suggesting: [word]) }
        return advance()
    }

    @discardableResult
    mutating func expect(_ p: Punctuation) throws(Failure) -> Token {
        guard isAt(p) else { throw expected("`\(p.rawValue)`") }
        return advance()
    }

    /// One of `words`, by name.
    mutating func expectOne(of words: [String], _ what: String) throws(Failure) -> String {
        guard let word = current?.identifier, words.contains(word) else { throw expected(what, suggesting: words) }
        advance()
        return word
    }

    /// A name (of a chip, scenario, event or `let`).
    mutating func expectName(_ what: String) throws(Failure) -> Name {
        guard let token = current, let word = token.identifier else { throw expected(what) }
        advance()
        return Name(word, range: token.range)
    }

    /// True at the end of the statement: no tokens left, a `cite` clause,
    /// or (inside an event) a `;`.
    var isAtStatementEnd: Bool {
        current == nil || isAt("cite") || (inEvent && isAt(.semicolon))
    }

    // MARK: Errors

    /// "expected WHAT, found ..." at the current token.
    func expected(_ what: String) -> Failure {
        guard let token = current else {
            return Failure(
                .expected(what, found: "the end of the statement"), at: SourceRange(at: consumedEnd))
        }
        let text = token.kind == .newline ? "the end of the line" : "`\(file.text(in: token.range))`"
        return Failure(.expected(what, found: text), at: token.range, help: lookalikeHelp())
    }

    /// For a word glued to the number before it that makes a number with
    /// a letter for a digit (`2O0`: `2` then `O0`), the number meant.
    func lookalikeHelp() -> String? {
        guard index > 0, let token = current, token.identifier != nil,
            case .number = tokens[index - 1].kind, tokens[index - 1].range.end == token.range.start
        else { return nil }
        return Suggestion.numberHelp(
            for: file.text(in: SourceRange(start: tokens[index - 1].range.start, end: token.range.end)))
    }

    /// `expected(what)`, with "did you mean" when the word found is a
    /// likely misspelling of one of `words` (`licenced`, `foriegn`).
    func expected(_ what: String, suggesting words: [String]) -> Failure {
        var failure = expected(what)
        if let word = current?.identifier, let help = Suggestion.help(for: word, in: words) { failure.help = help }
        return failure
    }

    // MARK: Statements

    /// A whole statement with its optional `cite` clause.
    mutating func parseTopLevel() throws(Failure) -> ParsedStatement {
        let start = currentStart
        let statement = try parseStatement()
        if case .include = statement, let token = current, token.isIdentifier("cite") {
            throw Failure(
                .expected("the end of the statement", found: "`cite`"), at: token.range,
                help: "the included file's statements cite their own evidence")
        }
        var cites: [Citation] = []
        if consume("cite") {
            var progress = LoopProgress()
            repeat {
                guard let token = current, progress.advanced(to: index) else { throw expected("a file path") }
                switch token.kind {
                case .path(let path), .string(let path):
                    cites.append(Citation(path, range: token.range))
                    advance()
                default:
                    throw expected("a file path")
                }
            } while consume(.comma)
        }
        guard current == nil else { throw expected("the end of the statement") }
        return ParsedStatement(statement, range: range(from: start), cites: cites)
    }

    /// One statement, without `cite`.
    mutating func parseStatement() throws(Failure) -> Statement {
        guard let token = current else { throw expected("a statement") }
        guard let word = token.identifier else {
            // A number or a parenthesis starts a value typed on its own: `2k * 3`.
            if !inEvent, let value = try attemptValue() { return .query(value) }
            throw Failure(.expectedStatement, at: token.range)
        }
        if inEvent, !Keywords.eventStatements.contains(word) {
            if Keywords.statements.contains(word) {
                throw Failure(
                    .notInEvent(word), at: token.range,
                    help:
                        "an event can change export, pressure, buy, make, yield, perf, fail, r2 (needs, post, hold, restart, fold) and sector (ship, make, pressure)"
                )
            }
        }
        if word == "include" { return try parseInclude() }
        if let statement = try parseDeclaration(word) { return statement }
        if var query = try parseQuery(word) {
            // `p(release by 2026-06) in hawk`: about another scenario.
            if query.takesScenario, consume("in") { query = .inScenario(query, try expectName("a scenario name")) }
            // `forecast to ±0.5%`: run to a precision.
            if query.takesPrecision, consume("to") { query = .toPrecision(query, try parsePrecision()) }
            return .query(query)
        }
        // `x`, `ascend_output_2025 / 12`: a value typed on its own.
        if !inEvent, let value = try attemptValue() { return .query(value) }
        // `p release by 2026-06`: a probability without its parenthesis.
        if word == "p" { return .query(.metric(try parseMetric())) }
        throw Failure(
            .unknownStatement(word), at: token.range,
            help: Suggestion.help(
                for: word, in: inEvent ? Array(Keywords.eventStatements) : Keywords.statements))
    }

    /// The whole statement as a value (`.value`), or nil with nothing
    /// consumed when it is not one. A unit mistyped after a number
    /// (`x * 3 mnths`) is reported as what it is.
    mutating func attemptValue() throws(Failure) -> QuerySyntax? {
        let (savedIndex, savedNodes) = (index, expressionNodes)
        do throws(Failure) {
            let q = try parseQuantity()
            if isAtStatementEnd { return .value(q, meanOnly: false) }
        } catch {
            if error.message.id == DiagnosticMessage.unknownUnit("").id { throw error }
        }
        (index, expressionNodes) = (savedIndex, savedNodes)
        return nil
    }

    /// At `to ±` (or `to +`): a precision follows, not the end of a range.
    var isAtPrecision: Bool {
        isAt("to") && (peek()?.isPunctuation(.plusMinus) == true || peek()?.isPunctuation(.plus) == true)
    }

    /// `±X {, ±X} [max COUNT]` after `to`; `+-` stands for `±`.
    mutating func parsePrecision() throws(Failure) -> PrecisionSyntax {
        let start = currentStart
        var targets: [Quantity] = []
        repeat {
            if !consume(.plusMinus) {
                guard isAt(.plus), peek()?.isPunctuation(.minus) == true else {
                    var failure = expected("`±` and a precision, such as `±0.5%` or `±3 days`")
                    failure.help =
                        "a precision is a standard error: `to ±0.5%` for shares, `to ±3 days` for dates (`+-` types `±`)"
                    throw failure
                }
                advance()
                advance()
            }
            targets.append(try parseQuantity())
        } while consume(.comma)
        let cap = consume("max") ? try parseQuantity() : nil
        return PrecisionSyntax(targets: targets, cap: cap, range: range(from: start))
    }

    /// `from DATE`, if present (refused inside an event).
    mutating func parseFrom() throws(Failure) -> Quantity? {
        guard isAt("from") else { return nil }
        if inEvent {
            let start = currentStart
            advance()
            _ = try parseQuantity()
            throw Failure(.fromInEvent, at: range(from: start), help: "remove this `from`")
        }
        advance()
        return try parseQuantity()
    }
}
